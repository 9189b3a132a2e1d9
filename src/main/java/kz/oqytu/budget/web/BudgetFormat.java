package kz.oqytu.budget.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import kz.oqytu.shared.NumberFormats;
import kz.oqytu.shared.Percent;

/**
 * Template formatting the budget pages need beyond {@code @fmt}: percentage points ("2", "0,1"),
 * printed like a compact percent without its sign, for messages such as "2 п.п. ниже норматива".
 */
@Component("budgetFmt")
public class BudgetFormat {

	public String points(Percent points) {
		if (points == null) {
			return "";
		}
		String text = NumberFormats.percentCompact(points, LocaleContextHolder.getLocale());
		return text.substring(0, text.length() - 1);
	}
}
