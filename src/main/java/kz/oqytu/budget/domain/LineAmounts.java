package kz.oqytu.budget.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A breakdown line's planned and actual amounts (one row of budget_line). */
@Embeddable
class LineAmounts {

	@Column(name = "planned", precision = 16, scale = 2)
	private BigDecimal planned;

	@Column(name = "actual", precision = 16, scale = 2)
	private BigDecimal actual;

	protected LineAmounts() {
	}

	LineAmounts(BigDecimal planned, BigDecimal actual) {
		this.planned = planned;
		this.actual = actual;
	}

	BigDecimal getPlanned() {
		return planned;
	}

	BigDecimal getActual() {
		return actual;
	}
}
