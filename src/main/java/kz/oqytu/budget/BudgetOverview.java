package kz.oqytu.budget;

import java.util.List;
import java.util.Optional;

import kz.oqytu.organizations.UnitLevel;

/** Every union body in the reader's scope with its training share for one year, region first. */
public record BudgetOverview(int year, TrainingNorm norm, List<BudgetRow> rows) {

	public long count(BudgetStatus status) {
		return rows.stream().filter(r -> r.share().status() == status).count();
	}

	public long meeting() {
		return count(BudgetStatus.MEETS);
	}

	public long belowNorm() {
		return count(BudgetStatus.BELOW);
	}

	public long withoutData() {
		return count(BudgetStatus.NO_DATA);
	}

	/** The regional organization's row, when the reader's scope holds one. */
	public Optional<BudgetRow> region() {
		return rows.stream().filter(r -> r.level() == UnitLevel.REGION).findFirst();
	}
}
