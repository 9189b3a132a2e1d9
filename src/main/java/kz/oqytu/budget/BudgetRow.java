package kz.oqytu.budget;

import java.math.BigDecimal;
import java.util.Locale;

import kz.oqytu.organizations.UnitLevel;
import kz.oqytu.shared.LocalizedText;

/** One union body in the budget overview of a year; without a budget its figures are null. */
public record BudgetRow(long unitId, String nameKk, String nameRu, UnitLevel level, BigDecimal totalPlanned,
		BigDecimal totalActual, BigDecimal trainingPlanned, BigDecimal trainingActual, BudgetShare share) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}
}
