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
import kz.oqytu.surveys.EventResults;
import kz.oqytu.surveys.KindResults;
import kz.oqytu.surveys.OptionCount;
import kz.oqytu.surveys.QuestionResult;
import kz.oqytu.surveys.SurveyKind;

/**
 * An event's survey results as a workbook: a summary sheet and the raw responses (one row per
 * response, one column per question code; choices joined by "; "). Text is written as text.
 */
@Component
class SurveyWorkbook {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	SurveyWorkbook(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	byte[] write(EventResults results, Map<SurveyKind, Long> surveyIds, Locale locale) {
		try (XlsxWriter xlsx = new XlsxWriter()) {
			for (KindResults kind : new KindResults[] { results.postEvent(), results.followUp() }) {
				if (kind != null) {
					summary(xlsx, kind, locale);
				}
			}
			for (Map.Entry<SurveyKind, Long> survey : surveyIds.entrySet()) {
				raw(xlsx, survey.getKey(), survey.getValue(), locale);
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
		xlsx.headers(sheet, 3, text("surveys.results.question", locale), text("surveys.results.answer", locale),
				text("surveys.results.count", locale), text("surveys.results.average", locale));
		sheet.setColumnWidth(0, 60 * 256);
		sheet.setColumnWidth(1, 40 * 256);
		int r = 4;
		for (QuestionResult q : kind.questions()) {
			Row head = xlsx.row(sheet, r++);
			xlsx.text(head, 0, q.text(locale));
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

	private void raw(XlsxWriter xlsx, SurveyKind kind, long surveyId, Locale locale) {
		Map<Long, Map<String, List<String>>> responses = new LinkedHashMap<>();
		Map<Long, Object[]> meta = new LinkedHashMap<>();
		List<String> codes = new ArrayList<>();
		jdbc.sql("""
				select r.id, r.submitted_at, r.flagged, v.version_no, q.code, q.position, a.rating, a.option_code, a.text_value
				from survey_response r
				join questionnaire_version v on v.id = r.version_id
				left join survey_answer a on a.response_id = r.id
				left join question q on q.id = a.question_id
				where r.event_survey_id = :s order by r.id, q.position
				""").param("s", surveyId).query(rs -> {
					long id = rs.getLong(1);
					meta.putIfAbsent(id, new Object[] { rs.getTimestamp(2).toLocalDateTime(), rs.getBoolean(3), rs.getInt(4) });
					String code = rs.getString(5);
					if (code == null) {
						return;
					}
					if (!codes.contains(code)) {
						codes.add(code);
					}
					String value = rs.getObject(7) != null ? Integer.toString(rs.getInt(7))
							: rs.getString(9) != null ? rs.getString(9) : rs.getString(8);
					responses.computeIfAbsent(id, k -> new LinkedHashMap<>()).computeIfAbsent(code, k -> new ArrayList<>())
						.add(value);
				});
		Sheet sheet = xlsx.sheet(text("surveys.sheet.raw." + kind, locale));
		List<String> headers = new ArrayList<>(List.of("#", text("surveys.results.submitted", locale),
				text("surveys.results.version", locale), text("surveys.results.flagged", locale)));
		headers.addAll(codes);
		xlsx.headers(sheet, 0, headers.toArray(String[]::new));
		int r = 1;
		for (Map.Entry<Long, Object[]> entry : meta.entrySet()) {
			Row row = xlsx.row(sheet, r);
			xlsx.number(row, 0, r, "0");
			xlsx.text(row, 1, kz.oqytu.shared.NumberFormats.dateTime((java.time.LocalDateTime) entry.getValue()[0]));
			xlsx.number(row, 2, (Integer) entry.getValue()[2], "0");
			xlsx.text(row, 3, (Boolean) entry.getValue()[1] ? text("surveys.results.flaggedYes", locale) : "");
			Map<String, List<String>> answers = responses.getOrDefault(entry.getKey(), Map.of());
			for (int c = 0; c < codes.size(); c++) {
				List<String> values = answers.get(codes.get(c));
				if (values != null) {
					xlsx.text(row, 4 + c, String.join("; ", values));
				}
			}
			r++;
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
