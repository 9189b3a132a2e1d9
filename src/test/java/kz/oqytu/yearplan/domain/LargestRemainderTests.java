package kz.oqytu.yearplan.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The split that keeps the sum: parts add up to the whole, in proportion, the odd units to the largest remainders. */
class LargestRemainderTests {

	@Test
	void partsAddUpToTheWholeInProportion() {
		long[] parts = LargestRemainder.split(10, new long[] { 1, 1, 1 });
		assertThat(parts).containsExactly(4, 3, 3);
		long[] districts = LargestRemainder.split(8_390, new long[] { 12_004, 2_517, 1_933, 1_101, 3_040, 13_000 });
		assertThat(LongStream.of(districts).sum()).isEqualTo(8_390);
		assertThat(districts[0]).isBetween(2_997L, 2_998L);
	}

	@Test
	void theOddUnitsGoToTheLargestRemainders() {
		// quotas 1.4, 2.6, 1.0 (of 5 by 7, 13, 5): floors 1, 2, 1 and the unit left to the 0.6
		assertThat(LargestRemainder.split(5, new long[] { 7, 13, 5 })).containsExactly(1, 3, 1);
	}

	@Test
	void allWeightsZeroSplitsEvenlyAndNothingGivesNothing() {
		assertThat(LargestRemainder.split(7, List.of(BigDecimal.ZERO, BigDecimal.ZERO))).containsExactly(4, 3);
		assertThat(LargestRemainder.split(0, new long[] { 3, 4 })).containsExactly(0, 0);
		assertThat(LargestRemainder.split(5, new long[0])).isEmpty();
	}
}
