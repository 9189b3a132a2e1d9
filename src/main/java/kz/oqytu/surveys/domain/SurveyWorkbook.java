package kz.oqytu.surveys.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.shared.xlsx.XlsxWriter;
import kz.oqytu.shared.xlsx.XlsxWriters;
import kz.oqytu.surveys.EventResults;
import kz.oqytu.surveys.KindResults;
import kz.oqytu.surveys.OptionCount;
import kz.oqytu.surveys.QuestionResult;
import kz.oqytu.surveys.SurveyKind;

/**
 * An event's survey results as a workbook: a summary sheet and the rows behind it (one row per
 * response, one column per question code; choices joined by "; "). Text is written as text.
 *
 * <p>Under the page's anonymity rule (decision 17): the summary is the page's figures, hidden where
 * the page hides them; the rows are only those of the published responses (none below the
 * threshold), only of ratings and choices (free text, the organization and the participant category
 * would tie a row to a person), in the order of their answers rather than of time, without the time.
 */
@Component
class SurveyWorkbook {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final SurveyProperties properties;

	private final XlsxWriters writers;

	SurveyWorkbook(JdbcClient jdbc, MessageSource messages, SurveyProperties properties, XlsxWriters writers) {
		this.writers = writers;
		this.jdbc = jdbc;
		this.messages = messages;
		this.properties = properties;
	}

	byte[] write(EventResults results, Map<SurveyKind, Long> surveyIds, boolean includeFlagged, Locale locale) {
		try (XlsxWriter xlsx = writers.open(locale)) {
			for (KindResults kind : new KindResults[] { results.postEvent(), results.followUp() }) {
				if (kind != null) {
					summary(xlsx, kind, locale);
				}
			}
			for (Map.Entry<SurveyKind, Long> survey : surveyIds.entrySet()) {
				raw(xlsx, survey.getKey(), survey.getValue(), includeFlagged, locale);
			}
			return xlsx.toBytes();
		}
	}

	private void summary(XlsxWriter xlsx, KindResults kind, Locale locale) {
		Sheet sheet = xlsx.sheet(text("surveys.sheet.summary." + kind.kind(), locale));
		xlsx.title(xlsx.row(sheet, 0), 0, text("surveys.kind." + kind.kind(), locale));
		Row counts = xlsx.row(sheet, 1);
		xlsx.text(counts, 0, text("surveys.responsesLabel", locale));
		xlsx.number(counts, 1, kind.responses(), "#,##0");
		if (kind.suppressed()) {
			xlsx.text(xlsx.row(sheet, 2), 0, text("surveys.results.suppressed", kind.threshold(), locale));
			return;
		}
		xlsx.headers(sheet, 3, text("surveys.results.question", locale), text("surveys.results.answer", locale),
				text("surveys.results.count", locale), text("surveys.results.average", locale));
		sheet.setColumnWidth(0, 60 * 256);
		sheet.setColumnWidth(1, 40 * 256);
		int r = 4;
		for (QuestionResult q : kind.questions()) {
			Row head = xlsx.row(sheet, r++);
			xlsx.text(head, 0, q.text(locale));
			if (q.suppressed()) {
				xlsx.text(head, 1, text("surveys.results.questionSuppressed", kind.threshold(), locale));
				continue;
			}
			xlsx.number(head, 2, q.answered(), "#,##0");
			if (q.average() != null) {
				xlsx.number(head, 3, q.average(), "0.0");
			}
			for (OptionCount o : q.options()) {
				Row row = xlsx.row(sheet, r++);
				xlsx.text(row, 1, o.text(locale));
				xlsx.number(row, 2, o.count(), "#,##0");
			}
			for (String t : q.texts()) {
				xlsx.text(xlsx.row(sheet, r++), 1, t);
			}
		}
	}

	private void raw(XlsxWriter xlsx, SurveyKind kind, long surveyId, boolean includeFlagged, Locale locale) {
		Map<Long, Map<String, List<String>>> responses = new LinkedHashMap<>();
		Map<Long, Object[]> meta = new LinkedHashMap<>();
		List<String> codes = new ArrayList<>();
		jdbc.sql(SurveyResultsService.PUBLISHED + """
				select r.id, r.flagged, v.version_no, q.code, q.position, a.rating, a.option_code
				from pub p
				join survey_response r on r.id = p.id
				join questionnaire_version v on v.id = r.version_id
				left join (survey_answer a join question q on q.id = a.question_id
				           and q.type in ('RATING', 'SINGLE', 'MULTIPLE', 'TOPICS')
				           and (a.option_code is null or a.option_code <> 'OTHER'))
				       on a.response_id = r.id
				order by q.position, a.option_code
				""").param("s", surveyId).param("all", includeFlagged).param("k", properties.anonymityThreshold())
			.query(rs -> {
					long id = rs.getLong(1);
					meta.putIfAbsent(id, new Object[] { rs.getBoolean(2), rs.getInt(3) });
					String code = rs.getString(4);
					if (code == null) {
						return;
					}
					if (!codes.contains(code)) {
						codes.add(code);
					}
					String value = rs.getObject(6) != null ? Integer.toString(rs.getInt(6)) : rs.getString(7);
					responses.computeIfAbsent(id, k -> new LinkedHashMap<>()).computeIfAbsent(code, k -> new ArrayList<>())
						.add(value);
				});
		Sheet sheet = xlsx.sheet(text("surveys.sheet.raw." + kind, locale));
		List<String> headers = new ArrayList<>(List.of("#", text("surveys.results.version", locale),
				text("surveys.results.flagged", locale)));
		headers.addAll(codes);
		xlsx.headers(sheet, 0, headers.toArray(String[]::new));
		// rows in the order of their answers, not of their arrival
		List<String[]> rows = new ArrayList<>();
		for (Map.Entry<Long, Object[]> entry : meta.entrySet()) {
			Map<String, List<String>> answers = responses.getOrDefault(entry.getKey(), Map.of());
			String[] row = new String[codes.size() + 2];
			row[0] = Integer.toString((Integer) entry.getValue()[1]);
			row[1] = (Boolean) entry.getValue()[0] ? text("surveys.results.flaggedYes", locale) : "";
			for (int c = 0; c < codes.size(); c++) {
				List<String> values = answers.get(codes.get(c));
				row[c + 2] = values == null ? "" : String.join("; ", values);
			}
			rows.add(row);
		}
		rows.sort(java.util.Comparator.comparing(row -> String.join("|", row)));
		int r = 1;
		for (String[] values : rows) {
			Row row = xlsx.row(sheet, r);
			xlsx.number(row, 0, r, "0");
			xlsx.number(row, 1, Integer.parseInt(values[0]), "0");
			xlsx.text(row, 2, values[1]);
			for (int c = 2; c < values.length; c++) {
				if (!values[c].isEmpty()) {
					xlsx.text(row, c + 1, values[c]);
				}
			}
			r++;
		}
	}

	private String text(String key, Object argument, Locale locale) {
		return messages.getMessage(key, new Object[] { argument }, key, locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
