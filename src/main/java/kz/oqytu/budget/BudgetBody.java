package kz.oqytu.budget;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import kz.oqytu.organizations.UnitLevel;
import kz.oqytu.shared.LocalizedText;

/** A union body's page: its budgets, newest year first. */
public record BudgetBody(long unitId, String nameKk, String nameRu, UnitLevel level, List<BudgetYear> years) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public Optional<BudgetYear> year(int year) {
		return years.stream().filter(y -> y.year() == year).findFirst();
	}

	/** The body's shares, oldest year first (for the chart). */
	public List<BudgetShare> sharesOldestFirst() {
		return years.stream().map(BudgetYear::share).sorted(java.util.Comparator.comparingInt(BudgetShare::year)).toList();
	}
}
