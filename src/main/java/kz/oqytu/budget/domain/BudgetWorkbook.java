package kz.oqytu.budget.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import kz.oqytu.budget.BudgetOverview;
import kz.oqytu.budget.BudgetRow;
import kz.oqytu.budget.BudgetShare;
import kz.oqytu.shared.NumberFormats;
import kz.oqytu.shared.Percent;
import kz.oqytu.shared.xlsx.XlsxWriter;
import kz.oqytu.shared.xlsx.XlsxWriters;

/** The budget overview of a year as an Excel sheet for the executive committee, in the reader's language. */
@Component
class BudgetWorkbook {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final MessageSource messages;

	private final XlsxWriters writers;

	BudgetWorkbook(MessageSource messages, XlsxWriters writers) {
		this.messages = messages;
		this.writers = writers;
	}

	byte[] write(BudgetOverview overview, Locale locale) {
		try (XlsxWriter xlsx = writers.open(locale)) {
			Sheet sheet = xlsx.sheet(msg("budget.export.sheet", locale, overview.year()));
			Row title = xlsx.row(sheet, 0);
			xlsx.text(title, 0, msg("budget.export.title", locale, overview.year(),
					NumberFormats.percentCompact(overview.norm().share(), locale)));
			title.getCell(0).setCellStyle(xlsx.headerStyle());
			xlsx.headers(sheet, 1, msg("budget.column.NAME", locale), msg("budget.column.level", locale),
					msg("budget.export.totalPlanned", locale), msg("budget.export.totalActual", locale),
					msg("budget.export.trainingPlanned", locale), msg("budget.export.trainingActual", locale),
					msg("budget.export.basis", locale), msg("budget.column.SHARE", locale),
					msg("budget.column.norm", locale), msg("budget.column.STATUS", locale),
					msg("budget.export.shortfallPoints", locale), msg("budget.export.shortfallAmount", locale));
			sheet.setColumnWidth(0, 60 * 256);
			int r = 2;
			for (BudgetRow row : overview.rows()) {
				BudgetShare share = row.share();
				Row out = xlsx.row(sheet, r++);
				xlsx.text(out, 0, row.name(locale));
				xlsx.text(out, 1, msg("budget.level." + row.level().name(), locale));
				xlsx.decimal(out, 2, row.totalPlanned());
				xlsx.decimal(out, 3, row.totalActual());
				xlsx.decimal(out, 4, row.trainingPlanned());
				xlsx.decimal(out, 5, row.trainingActual());
				xlsx.text(out, 6, msg("budget.basis." + share.basis().name(), locale));
				xlsx.percent(out, 7, fraction(share.share()));
				xlsx.percent(out, 8, fraction(share.norm()));
				xlsx.text(out, 9, msg("budget.status." + share.status().name(), locale));
				xlsx.decimal(out, 10, share.shortfallPoints() == null ? null : share.shortfallPoints().value());
				xlsx.decimal(out, 11, share.shortfallAmount());
			}
			return xlsx.toBytes();
		}
	}

	/** 8% is stored as 0.08 so that Excel's percent format shows it; the value is already truncated. */
	private static BigDecimal fraction(Percent percent) {
		return percent == null ? null : percent.value().divide(HUNDRED, 3, RoundingMode.UNNECESSARY);
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
