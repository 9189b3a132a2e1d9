package kz.oqytu.shared;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentTests {

	private static final Locale KK = Locale.forLanguageTag("kk");

	private static final Locale RU = Locale.forLanguageTag("ru");

	@Test
	void truncatesInsteadOfRounding() {
		// 5 673 / 33 468 = 16,950...% and 6 101 / 33 557 = 18,180...%: the union prints 16,9 and 18,1.
		assertThat(Percent.of(5_673, 33_468)).contains(Percent.ofValue("16.9"));
		assertThat(Percent.of(6_101, 33_557)).contains(Percent.ofValue("18.1"));
	}

	@Test
	void truncatesJustBelowTheNextTenth() {
		// 1 999 / 1 000 0 = 19,99% → 19,9 (rounding would give 20,0).
		assertThat(Percent.of(1_999, 10_000).orElseThrow().value()).isEqualByComparingTo("19.9");
		assertThat(Percent.of(2, 3).orElseThrow().value()).isEqualByComparingTo("66.6");
	}

	@Test
	void exactValuesStayExact() {
		assertThat(Percent.of(1, 10).orElseThrow().value()).isEqualByComparingTo("10.0");
		assertThat(Percent.of(8, 100).orElseThrow().value()).isEqualByComparingTo("8.0");
		assertThat(Percent.of(0, 5).orElseThrow().value()).isEqualByComparingTo("0.0");
	}

	@Test
	void zeroMembersIsNoDataNotAnError() {
		assertThat(Percent.of(5, 0)).isEmpty();
	}

	@Test
	void printsAsTheUnionDoes() {
		Percent coverage = Percent.of(6_101, 33_557).orElseThrow();
		assertThat(NumberFormats.percent(coverage, KK)).isEqualTo("18,1%");
		assertThat(NumberFormats.percent(coverage, RU)).isEqualTo("18,1%");
		assertThat(NumberFormats.percent(coverage, Locale.ENGLISH)).isEqualTo("18.1%");
		assertThat(NumberFormats.percent(Percent.of(1, 10).orElseThrow(), KK)).isEqualTo("10,0%");
	}

	@Test
	void compactStyleDropsTheDecimalOfWholeShares() {
		assertThat(NumberFormats.percentCompact(Percent.of(8, 100).orElseThrow(), KK)).isEqualTo("8%");
		assertThat(NumberFormats.percentCompact(Percent.of(10, 100).orElseThrow(), RU)).isEqualTo("10%");
		assertThat(NumberFormats.percentCompact(Percent.of(95, 1000).orElseThrow(), RU)).isEqualTo("9,5%");
	}

	@Test
	void equalityIgnoresScale() {
		assertThat(Percent.ofValue("10")).isEqualTo(Percent.ofValue("10.0"));
		assertThat(Percent.ofValue("10").hashCode()).isEqualTo(Percent.ofValue("10.0").hashCode());
	}
}
