package kz.oqytu.budget;

import java.math.BigDecimal;

/** An amount in tenge as planned and as actually spent; either may be missing (null). */
public record PlanFact(BigDecimal planned, BigDecimal actual) {

	public static final PlanFact EMPTY = new PlanFact(null, null);

	public boolean isEmpty() {
		return planned == null && actual == null;
	}
}
