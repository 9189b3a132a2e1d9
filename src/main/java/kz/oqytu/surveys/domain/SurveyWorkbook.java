package kz.oqytu.surveys.domain;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.shared.NumberFormats;
import kz.oqytu.shared.xlsx.XlsxWriter;
import kz.oqytu.shared.xlsx.XlsxWriters;
import kz.oqytu.surveys.EventResults;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.FlagReason;
import kz.oqytu.surveys.KindResults;
import kz.oqytu.surveys.OptionCount;
import kz.oqytu.surveys.OtherTopicText;
import kz.oqytu.surveys.QuestionResult;
import kz.oqytu.surveys.QuestionType;
import kz.oqytu.surveys.QuestionView;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.TrainingCatalog;

/**
 * An event's survey results as a workbook: a summary sheet and the rows behind it (one row per
 * response, one column per question; choices joined by "; "). Everything a person reads is a label
 * in the reader's language (questions, their types, options, topics, kinds, flags), never a code,
 * and every time is the union's local time (the {@link Clock}'s zone), never UTC. Text is written as
 * text.
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

	private final TrainingCatalog catalog;

	private final Clock clock;

	SurveyWorkbook(JdbcClient jdbc, MessageSource messages, SurveyProperties properties, TrainingCatalog catalog,
			Clock clock, XlsxWriters writers) {
		this.writers = writers;
		this.jdbc = jdbc;
		this.messages = messages;
		this.properties = properties;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** One survey of the event: what the page shows of it, its questions' labels and where its organizer sits. */
	record Part(EventSurveyView survey, KindResults results, List<QuestionView> questions, String organizerPath) {
	}

	byte[] write(EventDetails event, List<Part> parts, boolean includeFlagged, Locale locale) {
		try (XlsxWriter xlsx = writers.open(locale)) {
			for (Part part : parts) {
				summary(xlsx, event, part, locale);
			}
			for (Part part : parts) {
				raw(xlsx, part, includeFlagged, locale);
			}
			return xlsx.toBytes();
		}
	}

	private void summary(XlsxWriter xlsx, EventDetails event, Part part, Locale locale) {
		KindResults kind = part.results();
		Sheet sheet = xlsx.sheet(text("surveys.sheet.summary." + kind.kind(), locale));
		sheet.setColumnWidth(0, 50 * 256);
		sheet.setColumnWidth(1, 40 * 256);
		sheet.setColumnWidth(2, 14 * 256);
		sheet.setColumnWidth(3, 14 * 256);
		int r = 0;
		xlsx.title(xlsx.row(sheet, r++), 0, text("surveys.kind." + kind.kind(), locale));
		pair(xlsx, sheet, r++, text("surveys.export.event", locale), event.title(locale));
		pair(xlsx, sheet, r++, text("surveys.export.eventDates", locale),
				span(event.startsAt(), event.endsAt()));
		pair(xlsx, sheet, r++, text("surveys.export.window", locale),
				span(part.survey().opensAt(), part.survey().closesAt()));
		Row counts = xlsx.row(sheet, r++);
		xlsx.text(counts, 0, text("surveys.responsesLabel", locale));
		xlsx.number(counts, 1, kind.responses(), "#,##0");
		Row attendance = xlsx.row(sheet, r++);
		xlsx.text(attendance, 0, text("surveys.export.attendance", locale));
		if (kind.attendance() > 0) {
			xlsx.number(attendance, 1, kind.attendance(), "#,##0");
		}
		else {
			xlsx.text(attendance, 1, text("surveys.export.attendanceNone", locale));
		}
		Row rate = xlsx.row(sheet, r++);
		xlsx.text(rate, 0, text("surveys.export.rate", locale));
		if (kind.rate() != null) {
			// never capped: a rate above 100% stands with its reason beside it
			xlsx.text(rate, 1, NumberFormats.percent(kind.rate(), locale));
			if (kind.overAttendance()) {
				xlsx.text(rate, 2, messages.getMessage("surveys.rateOverAttendance",
						new Object[] { NumberFormats.percent(kind.rate(), locale),
								NumberFormats.count(kind.responses(), locale), NumberFormats.count(kind.attendance(), locale) },
						locale));
			}
		}
		if (kind.flagged() > 0) {
			Row flagged = xlsx.row(sheet, r++);
			xlsx.text(flagged, 0, kind.flaggedIncluded()
					? text("surveys.results.flaggedIncluded", NumberFormats.count(kind.flagged(), locale), locale)
					: text("surveys.results.flaggedLeftOut", NumberFormats.count(kind.flagged(), locale), locale));
			for (Map.Entry<FlagReason, Long> reason : kind.flagReasons().entrySet()) {
				Row row = xlsx.row(sheet, r++);
				xlsx.text(row, 1, text("surveys.flagReason." + reason.getKey(), locale));
				xlsx.number(row, 2, reason.getValue(), "#,##0");
			}
		}
		pair(xlsx, sheet, r++, text("surveys.export.madeAt", locale),
				NumberFormats.dateTime(LocalDateTime.now(clock)) + " (" + clock.getZone().getId() + ")");
		r++;
		if (kind.suppressed()) {
			xlsx.text(xlsx.row(sheet, r), 0, text("surveys.results.suppressed", kind.threshold(), locale));
			return;
		}
		xlsx.headers(sheet, r++, text("surveys.results.question", locale), text("surveys.results.answer", locale),
				text("surveys.results.count", locale), text("surveys.results.average", locale),
				text("surveys.export.questionType", locale));
		sheet.setColumnWidth(0, 50 * 256);
		sheet.setColumnWidth(1, 40 * 256);
		for (QuestionResult q : kind.questions()) {
			Row head = xlsx.row(sheet, r++);
			xlsx.text(head, 0, q.text(locale));
			xlsx.text(head, 4, text("surveys.editor.type." + q.type(), locale));
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
				xlsx.text(row, 1, option(q.type(), o.code(), o.text(locale), locale));
				xlsx.number(row, 2, o.count(), "#,##0");
			}
			for (OtherTopicText t : q.otherTexts()) {
				Row row = xlsx.row(sheet, r++);
				xlsx.text(row, 1, t.text());
				xlsx.number(row, 2, t.answers(), "#,##0");
				xlsx.text(row, 3, t.mapped() ? topic(t.topicCode(), locale) : text("surveys.otherTopics.notMapped", locale));
			}
			for (String t : q.texts()) {
				xlsx.text(xlsx.row(sheet, r++), 1, t);
			}
		}
	}

	private void pair(XlsxWriter xlsx, Sheet sheet, int r, String label, String value) {
		Row row = xlsx.row(sheet, r);
		xlsx.text(row, 0, label);
		xlsx.text(row, 1, value);
	}

	/** Local date-times as the union prints them; the columns are local already (timestamp without zone). */
	private static String span(LocalDateTime from, LocalDateTime to) {
		return NumberFormats.dateTime(from) + " – " + NumberFormats.dateTime(to);
	}

	private String option(QuestionType type, String code, String label, Locale locale) {
		if (type == QuestionType.TOPICS) {
			return topic(code, locale);
		}
		if (type == QuestionType.CATEGORY) {
			return catalog.category(code).map(c -> c.name(locale)).orElse(label);
		}
		return label;
	}

	private String topic(String code, Locale locale) {
		return catalog.topic(code).map(t -> t.name(locale)).orElse(code);
	}

	private void raw(XlsxWriter xlsx, Part part, boolean includeFlagged, Locale locale) {
		Map<String, QuestionView> questions = new HashMap<>();
		part.questions().forEach(q -> questions.putIfAbsent(q.code(), q));
		Map<Long, Map<String, List<String>>> responses = new LinkedHashMap<>();
		Map<Long, Object[]> meta = new LinkedHashMap<>();
		List<String> codes = new ArrayList<>();
		// topics as they count in the results: a text under "other" by the topic it is mapped to, never its text
		jdbc.sql(SurveyResultsService.PUBLISHED + """
				select r.id, r.flagged, v.version_no, x.code, x.position, x.rating, x.option_code, r.source
				from pub p
				join survey_response r on r.id = p.id
				join questionnaire_version v on v.id = r.version_id
				left join lateral (
				    select distinct a.response_id, q.code, q.position, a.rating,
				           case when q.type = 'TOPICS' then """ + SurveyResultsService.topicOf(":path") + """
				           else a.option_code end as option_code
				    from survey_answer a join question q on q.id = a.question_id
				    where a.response_id = r.id and q.type in ('RATING', 'SINGLE', 'MULTIPLE', 'TOPICS')
				      and (q.type <> 'TOPICS' or a.option_code is not null)
				      and """ + SurveyResultsService.NOT_A_BARE_OTHER_TICK + """
				) x on true
				order by x.position, x.option_code
				""").param("s", part.survey().id()).param("all", includeFlagged).param("k", properties.anonymityThreshold())
			.param("path", part.organizerPath())
			.query(rs -> {
					long id = rs.getLong("id");
					meta.putIfAbsent(id, new Object[] { rs.getBoolean("flagged"), rs.getInt("version_no"),
							rs.getString("source") });
					String code = rs.getString("code");
					if (code == null) {
						return;
					}
					if (!codes.contains(code)) {
						codes.add(code);
					}
					String value = rs.getObject("rating") != null ? Integer.toString(rs.getInt("rating"))
							: label(questions.get(code), rs.getString("option_code"), locale);
					responses.computeIfAbsent(id, k -> new LinkedHashMap<>()).computeIfAbsent(code, k -> new ArrayList<>())
						.add(value);
				});
		Sheet sheet = xlsx.sheet(text("surveys.sheet.raw." + part.survey().kind(), locale));
		List<String> headers = new ArrayList<>(List.of("#", text("surveys.results.version", locale),
				text("surveys.results.flagged", locale), text("surveys.results.source", locale)));
		for (String code : codes) {
			QuestionView q = questions.get(code);
			headers.add(q == null ? code : q.text(locale));
		}
		xlsx.headers(sheet, 0, headers.toArray(String[]::new));
		// rows in the order of their answers, not of their arrival
		List<String[]> rows = new ArrayList<>();
		for (Map.Entry<Long, Object[]> entry : meta.entrySet()) {
			Map<String, List<String>> answers = responses.getOrDefault(entry.getKey(), Map.of());
			String[] row = new String[codes.size() + 3];
			row[0] = Integer.toString((Integer) entry.getValue()[1]);
			row[1] = (Boolean) entry.getValue()[0] ? text("surveys.results.flaggedYes", locale) : "";
			// where the answers came from: the QR code's form or a paper sheet typed in (decision 46)
			row[2] = text("surveys.results.source." + entry.getValue()[2], locale);
			for (int c = 0; c < codes.size(); c++) {
				List<String> values = answers.get(codes.get(c));
				row[c + 3] = values == null ? "" : String.join("; ", values);
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
			xlsx.text(row, 3, values[2]);
			for (int c = 3; c < values.length; c++) {
				if (values[c].isEmpty()) {
					continue;
				}
				QuestionView q = questions.get(codes.get(c - 3));
				if (q != null && q.type() == QuestionType.RATING) {
					xlsx.number(row, c + 1, Integer.parseInt(values[c]), "0");
				}
				else {
					xlsx.text(row, c + 1, values[c]);
				}
			}
			r++;
		}
	}

	/** An option's label in the reader's language: a topic's catalogue name, a choice's text. */
	private String label(QuestionView question, String code, Locale locale) {
		if (question == null || code == null) {
			return code;
		}
		if (question.type() == QuestionType.TOPICS) {
			return topic(code, locale);
		}
		return question.options().stream().filter(o -> o.code().equals(code)).findFirst()
			.map(o -> o.text(locale)).orElse(code);
	}

	private String text(String key, Object argument, Locale locale) {
		return messages.getMessage(key, new Object[] { argument }, key, locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
