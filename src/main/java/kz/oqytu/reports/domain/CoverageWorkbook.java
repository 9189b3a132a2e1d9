package kz.oqytu.reports.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import kz.oqytu.reports.AnnualCoverageReport;
import kz.oqytu.reports.Breakdown;
import kz.oqytu.reports.CategoryFigure;
import kz.oqytu.reports.CoverageBreakdowns;
import kz.oqytu.reports.YearFigures;
import kz.oqytu.shared.NumberFormats;
import kz.oqytu.shared.Percent;
import kz.oqytu.shared.xlsx.XlsxWriter;

/**
 * The annual report as a workbook: the union's table with numbers as numbers (formatted, so Excel
 * can compute), the share as a percentage truncated like the table, and one sheet per breakdown.
 */
@Component
class CoverageWorkbook {

	static final String COUNT = "#,##0";

	static final String CHANGE = "+#,##0;-#,##0;0";

	static final String PERCENT = "0.0%";

	static final String POINTS = "+0.0;-0.0;0.0";

	private final MessageSource messages;

	CoverageWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	byte[] write(AnnualCoverageReport report, CoverageBreakdowns breakdowns, List<kz.oqytu.reports.BudgetFigure> budget,
			Locale locale) {
		try (XlsxWriter xlsx = new XlsxWriter()) {
			table(xlsx, report, budget, locale);
			districts(xlsx, breakdowns.byDistrict(), locale);
			simple(xlsx, text("reports.sheet.forms", locale), text("training.form", locale), breakdowns.byForm(), locale,
					List.of(named(text("reports.shortFormats", locale), breakdowns.shortFormats()),
							named(text("reports.longerFormats", locale), breakdowns.longerFormats())));
			simple(xlsx, text("reports.sheet.topics", locale), text("training.topic", locale), breakdowns.byTopic(),
					locale, List.of());
			months(xlsx, breakdowns.byMonth(), locale);
			leftOut(xlsx, breakdowns, report.year(), locale);
			return xlsx.toBytes();
		}
	}

	private void table(XlsxWriter xlsx, AnnualCoverageReport r, List<kz.oqytu.reports.BudgetFigure> budget,
			Locale locale) {
		Sheet sheet = xlsx.sheet(text("reports.sheet.coverage", locale));
		xlsx.title(xlsx.row(sheet, 0), 0, text("reports.coverage.title", locale, r.year()));
		xlsx.text(xlsx.row(sheet, 1), 0, r.region(locale));
		YearFigures p = r.previous();
		YearFigures c = r.current();
		xlsx.headers(sheet, 3, "№", text("reports.indicator", locale), NumberFormats.date(p.membershipDate()),
				NumberFormats.date(c.membershipDate()), text("reports.change", locale));
		sheet.setColumnWidth(1, 60 * 256);
		int r0 = 4;
		countRow(xlsx, sheet, r0++, "1", text("reports.row.members", locale), p.members(), c.members());
		countRow(xlsx, sheet, r0++, "2", text("reports.row.trained", locale), p.trained(), c.trained());
		int n = 3;
		for (CategoryFigure category : c.categories()) {
			countRow(xlsx, sheet, r0++, Integer.toString(n++), category.name(locale), p.category(category.code()),
					category.participants());
		}
		Row share = xlsx.row(sheet, r0++);
		xlsx.text(share, 0, "8");
		xlsx.text(share, 1, text("reports.row.share", locale));
		xlsx.number(share, 2, fraction(p.coverageOrNull()), PERCENT);
		xlsx.number(share, 3, fraction(c.coverageOrNull()), PERCENT);
		xlsx.number(share, 4, r.coverageChange(), POINTS);
		countRow(xlsx, sheet, r0++, "", text("reports.row.events", locale), p.events(), c.events());
		if (c.namedParticipants() > 0 || p.namedParticipants() > 0) {
			countRow(xlsx, sheet, r0++, "", text("reports.row.uniquePersons", locale), p.uniquePersons(), c.uniquePersons());
		}
		xlsx.text(xlsx.row(sheet, r0 + 1), 1, text("reports.note.truncation", locale));
		int b0 = r0 + 3;
		xlsx.headers(sheet, b0++, "", text("reports.budget.title", locale), text("reports.budget.share", locale),
				text("reports.budget.norm", locale), text("reports.budget.status", locale));
		for (kz.oqytu.reports.BudgetFigure figure : budget) {
			Row row = xlsx.row(sheet, b0++);
			xlsx.number(row, 0, figure.year(), "0");
			xlsx.text(row, 1, figure.hasData() && figure.share().fromPlan() ? text("budget.basis.byPlan", locale) : "");
			xlsx.number(row, 2, figure.hasData() ? fraction(figure.share().share()) : null, PERCENT);
			xlsx.number(row, 3, fraction(figure.norm().share()), PERCENT);
			xlsx.text(row, 4, text("budget.status." + (figure.hasData() ? figure.share().status().name() : "NO_DATA"), locale));
		}
	}

	private void countRow(XlsxWriter xlsx, Sheet sheet, int index, String number, String label, long previous,
			long current) {
		Row row = xlsx.row(sheet, index);
		xlsx.text(row, 0, number);
		xlsx.text(row, 1, label);
		xlsx.number(row, 2, previous, COUNT);
		xlsx.number(row, 3, current, COUNT);
		xlsx.number(row, 4, current - previous, CHANGE);
	}

	/** 18,1% is stored as 0.181 so Excel's percent format shows exactly the table's figure. */
	static BigDecimal fraction(Percent percent) {
		return percent == null ? null : percent.value().movePointLeft(2);
	}

	private void districts(XlsxWriter xlsx, List<Breakdown> lines, Locale locale) {
		Sheet sheet = xlsx.sheet(text("reports.sheet.districts", locale));
		xlsx.headers(sheet, 0, text("organizations.district", locale), text("reports.events", locale),
				text("reports.trained", locale), text("reports.members", locale), text("reports.coverage", locale));
		sheet.setColumnWidth(0, 40 * 256);
		int r = 1;
		long events = 0;
		long trained = 0;
		for (Breakdown line : lines) {
			Row row = xlsx.row(sheet, r++);
			xlsx.text(row, 0, line.nameKk() == null ? text("reports.regionalLevel", locale) : line.name(locale));
			xlsx.number(row, 1, line.events(), COUNT);
			xlsx.number(row, 2, line.participants(), COUNT);
			xlsx.number(row, 3, line.members(), COUNT);
			xlsx.number(row, 4, fraction(line.coverage()), PERCENT);
			events += line.events();
			trained += line.participants();
		}
		Row total = xlsx.row(sheet, r);
		xlsx.title(total, 0, text("districts.total", locale));
		xlsx.number(total, 1, events, COUNT);
		xlsx.number(total, 2, trained, COUNT);
	}

	private void simple(XlsxWriter xlsx, String sheetName, String header, List<Breakdown> lines, Locale locale,
			List<Breakdown> extra) {
		Sheet sheet = xlsx.sheet(sheetName);
		xlsx.headers(sheet, 0, header, text("reports.events", locale), text("reports.trained", locale));
		sheet.setColumnWidth(0, 50 * 256);
		int r = 1;
		for (Breakdown line : lines) {
			Row row = xlsx.row(sheet, r++);
			xlsx.text(row, 0, line.name(locale));
			xlsx.number(row, 1, line.events(), COUNT);
			xlsx.number(row, 2, line.participants(), COUNT);
		}
		r++;
		for (Breakdown line : extra) {
			Row row = xlsx.row(sheet, r++);
			xlsx.text(row, 0, line.nameKk());
			xlsx.number(row, 1, line.events(), COUNT);
			xlsx.number(row, 2, line.participants(), COUNT);
		}
	}

	private void months(XlsxWriter xlsx, List<Breakdown> lines, Locale locale) {
		Sheet sheet = xlsx.sheet(text("reports.sheet.months", locale));
		xlsx.headers(sheet, 0, text("training.filter.month", locale), text("reports.events", locale),
				text("reports.trained", locale));
		int r = 1;
		for (Breakdown line : lines) {
			Row row = xlsx.row(sheet, r++);
			xlsx.text(row, 0, text("month." + line.key(), locale));
			xlsx.number(row, 1, line.events(), COUNT);
			xlsx.number(row, 2, line.participants(), COUNT);
		}
	}

	private void leftOut(XlsxWriter xlsx, CoverageBreakdowns b, int year, Locale locale) {
		Sheet sheet = xlsx.sheet(text("reports.sheet.leftOut", locale));
		xlsx.title(xlsx.row(sheet, 0), 0, text("reports.leftOut.summary", locale, b.organizationsLeftOut(),
				b.organizationsTotal(), year));
		if (b.organizationsNotRecorded() != null && b.unrecorded() != null) {
			xlsx.text(xlsx.row(sheet, 1), 0, text("orgcounts.leftOut.notRecorded", locale,
					NumberFormats.count(b.organizationsNotRecorded(), locale), NumberFormats.count(b.unrecorded().people(), locale),
					NumberFormats.count(b.unrecorded().events(), locale)));
		}
		xlsx.headers(sheet, 2, text("organizations.column.NAME", locale),
				text("organizations.membersOn", locale, NumberFormats.date(java.time.LocalDate.of(year + 1, 1, 1))));
		sheet.setColumnWidth(0, 70 * 256);
		int r = 3;
		for (Breakdown line : b.byOrganization()) {
			Row row = xlsx.row(sheet, r++);
			xlsx.text(row, 0, line.name(locale));
			xlsx.number(row, 1, line.members(), COUNT);
		}
	}

	private static Breakdown named(String name, Breakdown line) {
		return new Breakdown(line.key(), name, name, line.events(), line.participants(), null);
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
