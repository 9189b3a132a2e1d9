package kz.oqytu.budget.web;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.oqytu.budget.BudgetCommand;
import kz.oqytu.budget.BudgetLineCategory;
import kz.oqytu.budget.BudgetYear;
import kz.oqytu.budget.PlanFact;
import kz.oqytu.shared.NumberFormats;

/**
 * A body's smeta for a year as typed: amounts are text so that "12 000 000,50" (space groups,
 * decimal comma, as the union writes them) is accepted as well as "12000000.50". A minus sign
 * passes the format check so that the service can say the amount must not be negative.
 */
record BudgetForm(
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String totalPlanned,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String totalActual,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String trainingPlanned,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String trainingActual,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String seminarsPlanned,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String seminarsActual,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String materialsPlanned,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String materialsActual,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String trainersPlanned,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String trainersActual,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String travelPlanned,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String travelActual,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String otherPlanned,
		@Pattern(regexp = AMOUNT, message = "{budget.error.amountFormat}") @Size(max = 30, message = "{budget.error.amountFormat}") String otherActual,
		Integer version) {

	/** Digits in groups of three (optionally space-separated), an optional decimal comma or point. */
	static final String AMOUNT = "^-?\\d{1,3}(?:[ \\u00a0]?\\d{3})*(?:[.,]\\d+)?$";

	private static final Locale RU = Locale.forLanguageTag("ru");

	static BudgetForm empty() {
		return new BudgetForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** The recorded figures, written the way the reader types them. */
	static BudgetForm of(BudgetYear y, Locale locale) {
		return new BudgetForm(text(y.totalPlanned(), locale), text(y.totalActual(), locale),
				text(y.trainingPlanned(), locale), text(y.trainingActual(), locale),
				text(y.line(BudgetLineCategory.SEMINARS).planned(), locale),
				text(y.line(BudgetLineCategory.SEMINARS).actual(), locale),
				text(y.line(BudgetLineCategory.MATERIALS).planned(), locale),
				text(y.line(BudgetLineCategory.MATERIALS).actual(), locale),
				text(y.line(BudgetLineCategory.TRAINERS).planned(), locale),
				text(y.line(BudgetLineCategory.TRAINERS).actual(), locale),
				text(y.line(BudgetLineCategory.TRAVEL).planned(), locale),
				text(y.line(BudgetLineCategory.TRAVEL).actual(), locale),
				text(y.line(BudgetLineCategory.OTHER).planned(), locale),
				text(y.line(BudgetLineCategory.OTHER).actual(), locale), y.version());
	}

	/** "150 000 000,00"; in English the decimal point, but still space groups (a comma would read as decimals). */
	private static String text(BigDecimal amount, Locale locale) {
		if (amount == null) {
			return null;
		}
		String text = NumberFormats.money(amount, RU);
		return NumberFormats.usesSpaceAndComma(locale) ? text : text.replace(',', '.');
	}

	BudgetCommand command() {
		Map<BudgetLineCategory, PlanFact> lines = new EnumMap<>(BudgetLineCategory.class);
		lines.put(BudgetLineCategory.SEMINARS, new PlanFact(amount(seminarsPlanned), amount(seminarsActual)));
		lines.put(BudgetLineCategory.MATERIALS, new PlanFact(amount(materialsPlanned), amount(materialsActual)));
		lines.put(BudgetLineCategory.TRAINERS, new PlanFact(amount(trainersPlanned), amount(trainersActual)));
		lines.put(BudgetLineCategory.TRAVEL, new PlanFact(amount(travelPlanned), amount(travelActual)));
		lines.put(BudgetLineCategory.OTHER, new PlanFact(amount(otherPlanned), amount(otherActual)));
		return new BudgetCommand(amount(totalPlanned), amount(totalActual), amount(trainingPlanned),
				amount(trainingActual), lines);
	}

	/** Text that passed {@link #AMOUNT} as a number; blank is null (not entered). */
	static BigDecimal amount(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return new BigDecimal(text.strip().replace(" ", "").replace("\u00a0", "").replace(',', '.'));
	}
}
