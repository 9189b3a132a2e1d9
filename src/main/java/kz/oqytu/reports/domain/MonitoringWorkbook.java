package kz.oqytu.reports.domain;

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

	/** {@code rows} hands every row to the consumer it is given, batch by batch (SXSSF keeps a window). */
	byte[] write(java.util.function.Consumer<java.util.function.Consumer<MonitoringRow>> rows,
			kz.oqytu.reports.UnrecordedAttendance unrecorded, int year, int threshold, Locale locale) {
		try (XlsxWriter xlsx = writers.open(locale)) {
			Sheet sheet = xlsx.sheet(text("monitoring.title", locale));
			xlsx.title(xlsx.row(sheet, 0), 0, text("monitoring.heading", locale, year));
			xlsx.text(xlsx.row(sheet, 1), 0, text("monitoring.note.threshold", locale, threshold));
			if (unrecorded.people() > 0) {
				xlsx.text(xlsx.row(sheet, 2), 0, text("orgcounts.monitoring.unrecorded", locale,
						kz.oqytu.shared.NumberFormats.count(unrecorded.people(), locale),
						kz.oqytu.shared.NumberFormats.count(unrecorded.events(), locale)));
			}
			xlsx.headers(sheet, 3, text("organizations.district", locale), text("organizations.column.NAME", locale),
					text("monitoring.members", locale), text("monitoring.trainedYear", locale, year),
					text("monitoring.coverageYear", locale, year), text("monitoring.trainedYear", locale, year - 1),
					text("monitoring.coverageYear", locale, year - 1), text("monitoring.schoolPlan", locale),
					text("monitoring.schoolItems", locale), text("monitoring.schoolHeld", locale),
					text("monitoring.requestsMade", locale), text("monitoring.requestsAnswered", locale),
					text("monitoring.materialsReceived", locale), text("monitoring.materialsAcknowledged", locale),
					text("monitoring.materialsMissing", locale), text("monitoring.responses", locale),
					text("monitoring.usefulness", locale), text("monitoring.practicalUse", locale),
					text("monitoring.interviews", locale), text("orgcounts.column.unrecorded", locale, year),
					text("orgcounts.column.unrecorded", locale, year - 1));
			sheet.setColumnWidth(0, 28 * 256);
			sheet.setColumnWidth(1, 50 * 256);
			xlsx.freezeColumns(sheet, 2);
			int[] next = { 4 };
			rows.accept(m -> {
				Row row = xlsx.row(sheet, next[0]++);
				int c = 0;
				xlsx.text(row, c++, m.district(locale));
				xlsx.text(row, c++, m.name(locale));
				xlsx.number(row, c++, m.members(), CoverageWorkbook.COUNT);
				trained(xlsx, row, c++, m.trained(), m.recording(), locale);
				xlsx.number(row, c++, CoverageWorkbook.fraction(m.coverage()), CoverageWorkbook.PERCENT);
				trained(xlsx, row, c++, m.previousTrained(), m.previousRecording(), locale);
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
				xlsx.number(row, c++, m.unrecorded(), CoverageWorkbook.COUNT);
				xlsx.number(row, c++, m.previousUnrecorded(), CoverageWorkbook.COUNT);
			});
			return xlsx.toBytes();
		}
	}

	/** The page's words where nothing is recorded for the organization, never a 0 (decision 19). */
	private void trained(XlsxWriter xlsx, Row row, int column, long trained,
			kz.oqytu.reports.OrganizationCoverage.Recording recording, Locale locale) {
		if (recording == kz.oqytu.reports.OrganizationCoverage.Recording.NOT_RECORDED) {
			xlsx.text(row, column, text("orgcounts.notRecorded", locale));
		}
		else {
			xlsx.number(row, column, trained, CoverageWorkbook.COUNT);
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
