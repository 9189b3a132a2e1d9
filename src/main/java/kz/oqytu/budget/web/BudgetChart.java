package kz.oqytu.budget.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import kz.oqytu.budget.BudgetShare;
import kz.oqytu.shared.NumberFormats;

/**
 * A body's shares over the years for budget-chart.js, as data-* attribute values (no inline
 * script: the Content-Security-Policy forbids it). Numbers are plain with a point; an empty item
 * is a year without data; {@code decimal} is the reader's decimal separator. The same shares are rendered as a table for those who cannot see it.
 */
public record BudgetChart(List<BudgetShare> shares, String years, String values, String norms, String statuses,
		String decimal) {

	static BudgetChart of(List<BudgetShare> shares, Locale locale) {
		return new BudgetChart(shares,
				shares.stream().map(s -> Integer.toString(s.year())).collect(Collectors.joining(",")),
				shares.stream().map(s -> s.share() == null ? "" : s.share().value().toPlainString())
					.collect(Collectors.joining(",")),
				shares.stream().map(s -> s.norm().value().toPlainString()).collect(Collectors.joining(",")),
				shares.stream().map(s -> s.status().name()).collect(Collectors.joining(",")),
				NumberFormats.usesSpaceAndComma(locale) ? "," : ".");
	}
}
