package kz.oqytu.budget.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import kz.oqytu.budget.TrainingNorm;
import kz.oqytu.shared.Percent;

/**
 * Every norm, earliest first. The norm of a year is the latest one that took effect in that year
 * or before: a norm adopted during a year already governs that year's budget.
 */
record NormTable(List<TrainingNorm> norms) {

	/** Should the table ever be empty, the union's uniform rule applies. */
	static final TrainingNorm DEFAULT = new TrainingNorm(0, new Percent(BigDecimal.TEN), LocalDate.of(2000, 1, 1), 0);

	TrainingNorm forYear(int year) {
		TrainingNorm found = null;
		for (TrainingNorm norm : norms) {
			if (norm.effectiveFrom().getYear() <= year) {
				found = norm;
			}
		}
		if (found != null) {
			return found;
		}
		return norms.isEmpty() ? DEFAULT : norms.get(0);
	}
}
