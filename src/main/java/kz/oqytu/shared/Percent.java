package kz.oqytu.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A share as the union prints it: truncated (never rounded) to one decimal, so 16,95% is 16,9%.
 * A zero or missing denominator gives no value ("no data") rather than a division error.
 */
public record Percent(BigDecimal value) implements Comparable<Percent> {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public Percent {
		if (value == null) {
			throw new IllegalArgumentException("value");
		}
		value = value.setScale(1, RoundingMode.DOWN);
	}

	/** numerator / denominator × 100, truncated to one decimal; empty when the denominator is 0. */
	public static Optional<Percent> of(long numerator, long denominator) {
		return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
	}

	public static Optional<Percent> of(BigDecimal numerator, BigDecimal denominator) {
		if (numerator == null || denominator == null || denominator.signum() == 0) {
			return Optional.empty();
		}
		// Scale 10 keeps enough digits that truncating to one decimal afterwards is exact.
		BigDecimal share = numerator.multiply(HUNDRED).divide(denominator, 10, RoundingMode.DOWN);
		return Optional.of(new Percent(share));
	}

	public static Percent ofValue(String value) {
		return new Percent(new BigDecimal(value));
	}

	public boolean isWhole() {
		return value.stripTrailingZeros().scale() <= 0;
	}

	public boolean atLeast(Percent other) {
		return compareTo(other) >= 0;
	}

	/** The difference in percentage points, this minus other, as printed (one decimal). */
	public BigDecimal pointsAbove(Percent other) {
		return value.subtract(other.value);
	}

	@Override
	public int compareTo(Percent other) {
		return value.compareTo(other.value);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Percent p && value.compareTo(p.value) == 0;
	}

	@Override
	public int hashCode() {
		return value.stripTrailingZeros().hashCode();
	}

	@Override
	public String toString() {
		return value.toPlainString() + "%";
	}
}
