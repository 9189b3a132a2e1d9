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
import kz.oqytu.shared.xlsx.XlsxWriters;

/**
 * The annual report as a workbook: the union's table with numbers as numbers (formatted, so Excel
 * can compute), the share as a percentage truncated like the table, and one sheet per breakdown.
 * Under the title, and at the top of every printed page, its stamp: approved (by, date, protocol)
 * or draft. The table sheet prints on one page (page setup in {@link XlsxWriter}).
 */
@Component
class CoverageWorkbook {

	static final String COUNT = "#,##0";

	static final String CHANGE = "+#,##0;-#,##0;0";

	static final String PERCENT = "0.0%";

	static final String POINTS = "+0.0;-0.0;0.0";

	/** The table sheet's last column (№, indicator, two years, change). */
	private static final int TABLE_LAST_COLUMN = 4;

	private final MessageSource messages;

	private final XlsxWriters writers;

	CoverageWorkbook(MessageSource messages, XlsxWriters writers) {
		this.messages = messages;
		this.writers = writers;
	}

	byte[] write(AnnualCoverageReport report, CoverageBreakdowns breakdowns, List<kz.oqytu.reports.BudgetFigure> budget,
			ReportStamp stamp, Locale locale) {
		return write(report, breakdowns, budget, List.of(), stamp, locale);
	}

	/** With the country's regions on a sheet of their own (issue 17) when there are any. */
	byte[] write(AnnualCoverageReport report, CoverageBreakdowns breakdowns, List<kz.oqytu.reports.BudgetFigure> budget,
			List<Breakdown> byRegion, ReportStamp stamp, Locale locale) {
		try (XlsxWriter xlsx = writers.open(locale)) {
			xlsx.pageHeader(stamp.pageMark(messages, locale));
			table(xlsx, report, budget, locale);
			layoutTable(xlsx, xlsx.workbook().getSheetAt(0), stamp, locale);
			if (!byRegion.isEmpty()) {
				units(xlsx, text("reports.sheet.regions", locale), text("reports.region", locale), byRegion,
						text("reports.unionLevel", locale), locale);
			}
			districts(xlsx, breakdowns.byDistrict(), locale);
			simple(xlsx, text("reports.sheet.forms", locale), text("training.form", locale), breakdowns.byForm(), locale,
					List.of(named(text("reports.shortFormats", locale), breakdowns.shortFormats()),
							named(text("reports.longerFormats", locale), breakdowns.longerFormats())));
			simple(xlsx, text("reports.sheet.topics", locale), text("training.topic", locale), breakdowns.byTopic(),
					locale, List.of());
			months(xlsx, breakdowns.byMonth(), locale);
			leftOut(xlsx, breakdowns, report.year(), report.current().membersAsOf(), locale);
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
		xlsx.headers(sheet, 3, "№", text("reports.indicator", locale), column(p, locale), column(c, locale),
				text("reports.change", locale));
		sheet.setColumnWidth(1, 60 * 256);
		int r0 = 4;
		countRow(xlsx, sheet, r0++, "1", text("reports.row.members", locale), p.members(), c.members(),
				r.membersChange(), locale);
		countRow(xlsx, sheet, r0++, "2", text("reports.row.trained", locale), recorded(p, p.trained()),
				recorded(c, c.trained()), r.trainedChange(), locale);
		int n = 3;
		for (CategoryFigure category : c.categories()) {
			countRow(xlsx, sheet, r0++, Integer.toString(n++), category.name(locale),
					recorded(p, p.category(category.code())), recorded(c, category.participants()),
					r.categoryChange(category.code()), locale);
		}
		Row share = xlsx.row(sheet, r0++);
		xlsx.text(share, 0, "8");
		xlsx.text(share, 1, text("reports.row.share", locale));
		orNoData(xlsx, share, 2, fraction(p.coverageOrNull()), PERCENT, locale);
		orNoData(xlsx, share, 3, fraction(c.coverageOrNull()), PERCENT, locale);
		xlsx.number(share, 4, r.coverageChange(), POINTS);
		countRow(xlsx, sheet, r0++, "", text("reports.row.events", locale), recorded(p, p.events()),
				recorded(c, c.events()), r.eventsChange(), locale);
		if (c.namedParticipants() > 0 || p.namedParticipants() > 0) {
			countRow(xlsx, sheet, r0++, "", text("reports.row.uniquePersons", locale), recorded(p, p.uniquePersons()),
					recorded(c, c.uniquePersons()), r.uniquePersonsChange(), locale);
		}
		xlsx.text(xlsx.row(sheet, r0 + 1), 1, text("reports.note.truncation", locale));
		YearFigures provisional = c.provisional() ? c : p.provisional() ? p : null;
		if (provisional != null && provisional.hasMembers()) {
			xlsx.text(xlsx.row(sheet, r0 + 2), 1, text("reports.provisional.note", locale, provisional.trainingYear(),
					NumberFormats.date(provisional.membersAsOf())));
		}
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

	/**
	 * The table sheet's frame, after its cells: the stamp in the empty row under the region's name,
	 * and the region's name and the notes wrapped within the table's width, so the sheet prints on
	 * one page (text spilling past the last column made pages of its own).
	 */
	private void layoutTable(XlsxWriter xlsx, Sheet sheet, ReportStamp stamp, Locale locale) {
		sheet.setColumnWidth(0, 6 * 256);
		xlsx.paragraph(sheet, 2, 0, TABLE_LAST_COLUMN, stamp.text(messages, locale),
				stamp.approved() ? XlsxWriter.Emphasis.BOLD : XlsxWriter.Emphasis.ALERT);
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (r != 2 && row != null && row.getCell(0) != null && row.getCell(1) == null
					&& row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
				xlsx.paragraph(sheet, r, 0, TABLE_LAST_COLUMN, row.getCell(0).getStringCellValue(), XlsxWriter.Emphasis.PLAIN);
			}
			else if (row != null && row.getCell(0) == null && row.getCell(1) != null && row.getCell(2) == null
					&& row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
				xlsx.paragraph(sheet, r, 1, TABLE_LAST_COLUMN, row.getCell(1).getStringCellValue(), XlsxWriter.Emphasis.PLAIN);
			}
		}
	}

	private void countRow(XlsxWriter xlsx, Sheet sheet, int index, String number, String label, Long previous,
			Long current, Long change, Locale locale) {
		Row row = xlsx.row(sheet, index);
		xlsx.text(row, 0, number);
		xlsx.text(row, 1, label);
		orNoData(xlsx, row, 2, previous, COUNT, locale);
		orNoData(xlsx, row, 3, current, COUNT, locale);
		xlsx.number(row, 4, change, CHANGE);
	}

	/** A column's header: its 01.01 date, and "provisional" for the current year. */
	private String column(YearFigures figures, Locale locale) {
		String date = NumberFormats.date(figures.membershipDate());
		return figures.provisional() ? date + " (" + text("reports.provisional", locale) + ")" : date;
	}

	/** A count of a column that has no data at all is "no data", not 0. */
	private static Long recorded(YearFigures figures, long count) {
		return figures.recorded() ? count : null;
	}

	/** A figure, or the words "no data" where it is missing (a blank cell would read as forgotten). */
	private void orNoData(XlsxWriter xlsx, Row row, int column, Number value, String format, Locale locale) {
		if (value == null) {
			xlsx.text(row, column, text("reports.noData", locale));
		}
		else {
			xlsx.number(row, column, value, format);
		}
	}

	/** 18,1% is stored as 0.181 so Excel's percent format shows exactly the table's figure. */
	static BigDecimal fraction(Percent percent) {
		return percent == null ? null : percent.value().movePointLeft(2);
	}

	private void districts(XlsxWriter xlsx, List<Breakdown> lines, Locale locale) {
		units(xlsx, text("reports.sheet.districts", locale), text("organizations.district", locale), lines,
				text("reports.regionalLevel", locale), locale);
	}

	/** Committees or regions: events, trained, members and coverage, and the line of the level above. */
	private void units(XlsxWriter xlsx, String sheetName, String header, List<Breakdown> lines, String levelAbove,
			Locale locale) {
		Sheet sheet = xlsx.sheet(sheetName);
		xlsx.headers(sheet, 0, header, text("reports.events", locale),
				text("reports.trained", locale), text("reports.members", locale), text("reports.coverage", locale));
		sheet.setColumnWidth(0, 40 * 256);
		int r = 1;
		long events = 0;
		long trained = 0;
		for (Breakdown line : lines) {
			Row row = xlsx.row(sheet, r++);
			xlsx.text(row, 0, line.nameKk() == null ? levelAbove : line.name(locale));
			xlsx.number(row, 1, line.events(), COUNT);
			xlsx.number(row, 2, line.participants(), COUNT);
			if (line.nameKk() == null) {
				// the regional level has events, not members
				xlsx.number(row, 3, null, COUNT);
				xlsx.number(row, 4, null, PERCENT);
			}
			else {
				orNoData(xlsx, row, 3, line.members(), COUNT, locale);
				orNoData(xlsx, row, 4, fraction(line.coverage()), PERCENT, locale);
			}
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

	private void leftOut(XlsxWriter xlsx, CoverageBreakdowns b, int year, java.time.LocalDate membersAsOf,
			Locale locale) {
		Sheet sheet = xlsx.sheet(text("reports.sheet.leftOut", locale));
		xlsx.title(xlsx.row(sheet, 0), 0, text("reports.leftOut.summary", locale, b.organizationsLeftOut(),
				b.organizationsTotal(), year));
		if (b.organizationsNotRecorded() != null && b.unrecorded() != null) {
			xlsx.text(xlsx.row(sheet, 1), 0, text("orgcounts.leftOut.notRecorded", locale,
					NumberFormats.count(b.organizationsNotRecorded(), locale), NumberFormats.count(b.unrecorded().people(), locale),
					NumberFormats.count(b.unrecorded().events(), locale)));
		}
		xlsx.headers(sheet, 2, text("organizations.column.NAME", locale),
				text("organizations.membersOn", locale,
						NumberFormats.date(membersAsOf != null ? membersAsOf : java.time.LocalDate.of(year + 1, 1, 1))));
		sheet.setColumnWidth(0, 70 * 256);
		int r = 3;
		for (Breakdown line : b.byOrganization()) {
			Row row = xlsx.row(sheet, r++);
			xlsx.text(row, 0, line.name(locale));
			orNoData(xlsx, row, 1, line.members(), COUNT, locale);
		}
	}

	private static Breakdown named(String name, Breakdown line) {
		return new Breakdown(line.key(), name, name, line.events(), line.participants(), null);
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
