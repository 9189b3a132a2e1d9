package kz.oqytu.yearplan.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a whole number in proportion to weights so that the parts add up to it exactly (Hamilton's
 * largest remainder): each part gets its whole quota, the units left go to the largest remainders,
 * ties to the earlier part. All weights zero: an even split.
 */
final class LargestRemainder {

	private LargestRemainder() {
	}

	static long[] split(long total, List<BigDecimal> weights) {
		int n = weights.size();
		long[] parts = new long[n];
		if (n == 0 || total <= 0) {
			return parts;
		}
		BigDecimal sum = weights.stream().map(w -> w == null || w.signum() < 0 ? BigDecimal.ZERO : w)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		List<BigDecimal> w = new ArrayList<>(n);
		for (BigDecimal x : weights) {
			w.add(sum.signum() == 0 ? BigDecimal.ONE : (x == null || x.signum() < 0 ? BigDecimal.ZERO : x));
		}
		BigDecimal all = sum.signum() == 0 ? BigDecimal.valueOf(n) : sum;
		BigDecimal[] remainders = new BigDecimal[n];
		long given = 0;
		for (int i = 0; i < n; i++) {
			BigDecimal quota = BigDecimal.valueOf(total).multiply(w.get(i)).divide(all, 12, RoundingMode.HALF_EVEN);
			parts[i] = quota.setScale(0, RoundingMode.FLOOR).longValueExact();
			remainders[i] = quota.subtract(BigDecimal.valueOf(parts[i]));
			given += parts[i];
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
		for (int k = 0; given < total; k = (k + 1) % n) {
			parts[order.get(k)]++;
			given++;
		}
		return parts;
	}

	static long[] split(long total, long[] weights) {
		List<BigDecimal> w = new ArrayList<>(weights.length);
		for (long x : weights) {
			w.add(BigDecimal.valueOf(x));
		}
		return split(total, w);
	}
}
