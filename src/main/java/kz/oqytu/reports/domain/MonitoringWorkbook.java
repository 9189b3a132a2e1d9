package kz.oqytu.reports.domain;

import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import kz.oqytu.reports.MonitoringRow;
import kz.oqytu.shared.xlsx.XlsxWriter;
import kz.oqytu.shared.xlsx.XlsxWriters;

/**
 * The monitoring page as a workbook: one row per organization, numbers as numbers and coverage as a
 * percentage (truncated like the union's table), survey averages empty where the anonymity
 * threshold hides them.
 */
@Component
class MonitoringWorkbook {

	private static final String AVERAGE = "0.0";

	private final MessageSource messages;

	private final XlsxWriters writers;

	MonitoringWorkbook(MessageSource messages, XlsxWriters writers) {
		this.messages = messages;
		this.writers = writers;
	}

	byte[] write(List<MonitoringRow> rows, int year, int threshold, Locale locale) {
		try (XlsxWriter xlsx = writers.open(locale)) {
			Sheet sheet = xlsx.sheet(text("monitoring.title", locale));
			xlsx.title(xlsx.row(sheet, 0), 0, text("monitoring.heading", locale, year));
			xlsx.text(xlsx.row(sheet, 1), 0, text("monitoring.note.threshold", locale, threshold));
			xlsx.headers(sheet, 3, text("organizations.district", locale), text("organizations.column.NAME", locale),
					text("monitoring.members", locale), text("monitoring.trainedYear", locale, year),
					text("monitoring.coverageYear", locale, year), text("monitoring.trainedYear", locale, year - 1),
					text("monitoring.coverageYear", locale, year - 1), text("monitoring.schoolPlan", locale),
					text("monitoring.schoolItems", locale), text("monitoring.schoolHeld", locale),
					text("monitoring.requestsMade", locale), text("monitoring.requestsAnswered", locale),
					text("monitoring.materialsReceived", locale), text("monitoring.materialsAcknowledged", locale),
					text("monitoring.materialsMissing", locale), text("monitoring.responses", locale),
					text("monitoring.usefulness", locale), text("monitoring.practicalUse", locale),
					text("monitoring.interviews", locale));
			sheet.setColumnWidth(0, 28 * 256);
			sheet.setColumnWidth(1, 50 * 256);
			xlsx.freezeColumns(sheet, 2);
			int r = 4;
			for (MonitoringRow m : rows) {
				Row row = xlsx.row(sheet, r++);
				int c = 0;
				xlsx.text(row, c++, m.district(locale));
				xlsx.text(row, c++, m.name(locale));
				xlsx.number(row, c++, m.members(), CoverageWorkbook.COUNT);
				xlsx.number(row, c++, m.trained(), CoverageWorkbook.COUNT);
				xlsx.number(row, c++, CoverageWorkbook.fraction(m.coverage()), CoverageWorkbook.PERCENT);
				xlsx.number(row, c++, m.previousTrained(), CoverageWorkbook.COUNT);
				xlsx.number(row, c++, CoverageWorkbook.fraction(m.previousCoverage()), CoverageWorkbook.PERCENT);
				xlsx.text(row, c++, text("schools.state." + m.schoolPlan().state().name(), locale));
				xlsx.number(row, c++, m.schoolPlan().items(), CoverageWorkbook.COUNT);
				xlsx.number(row, c++, m.schoolPlan().heldItems(), CoverageWorkbook.COUNT);
				xlsx.number(row, c++, m.requests().total(), CoverageWorkbook.COUNT);
				xlsx.number(row, c++, m.answeredRequests(), CoverageWorkbook.COUNT);
				xlsx.number(row, c++, m.materials().sent(), CoverageWorkbook.COUNT);
				xlsx.number(row, c++, m.materials().acknowledged(), CoverageWorkbook.COUNT);
				xlsx.number(row, c++, m.materials().missingLatest(), CoverageWorkbook.COUNT);
				xlsx.number(row, c++, m.surveys().responses(), CoverageWorkbook.COUNT);
				xlsx.number(row, c++, m.surveys().usefulness(), AVERAGE);
				xlsx.number(row, c++, m.surveys().practicalUse(), AVERAGE);
				xlsx.number(row, c++, m.surveys().interviews(), CoverageWorkbook.COUNT);
			}
			return xlsx.toBytes();
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
