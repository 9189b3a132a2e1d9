package kz.oqytu.surveys.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.PublicSurvey;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.training.TrainingEvents;

/**
 * Answers typed in by staff (issue #20, decision 46): a paper questionnaire's form and sheets so far, one
 * sheet at a time through the public answer's insert, or many at once (paper, demo data), validated as the
 * public form is, whatever the survey's window and without the public limits.
 */
@Service
class PaperAnswers {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TrainingEvents events;

	private final Organizations organizations;

	private final EventSurveyPanel panel;

	private final PublicSurveys publicSurveys;

	private final Clock clock;

	PaperAnswers(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TrainingEvents events, Organizations organizations,
			EventSurveyPanel panel, PublicSurveys publicSurveys, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.events = events;
		this.organizations = organizations;
		this.panel = panel;
		this.publicSurveys = publicSurveys;
		this.clock = clock;
	}

	@Transactional
	public int recordResponses(CurrentUser user, long eventId, SurveyKind kind,
			List<Map<String, List<String>>> answers, kz.oqytu.surveys.ResponseSource source) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
		EventSurveyView view = panel.one(user, eventId, kind);
		PublicSurvey survey = publicSurveys.read(view.token()).orElseThrow();
		String regionPath = events.summary(eventId).map(e -> PublicSurveys.regionPath(e.organizerPath())).orElse("/");
		Map<String, Long> names = organizations.nameIndex(regionPath);
		java.util.function.Supplier<Map<String, Long>> namesSupplier = () -> names;
		List<AnswerRules.Validated> all = new ArrayList<>(answers.size());
		for (int i = 0; i < answers.size(); i++) {
			AnswerRules.Validated v = AnswerRules.validate(survey, answers.get(i), namesSupplier);
			if (!v.errors().isEmpty()) {
				Map.Entry<String, String> first = v.errors().entrySet().iterator().next();
				throw new BusinessRuleException("surveys.error.paperRow", i + 1, first.getKey());
			}
			all.add(v);
		}
		if (all.isEmpty()) {
			return 0;
		}
		boolean paper = source == kz.oqytu.surveys.ResponseSource.PAPER;
		List<Long> ids = jdbc.sql("select nextval('survey_seq') from generate_series(1, :n)")
			.param("n", all.size()).query(Long.class).list();
		List<Object[]> responses = new ArrayList<>(all.size());
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			AnswerRules.Validated v = all.get(i);
			long id = ids.get(i);
			// A paper form has no device: a fresh random id, and the fingerprint says where it came from.
			responses.add(new Object[] { id, survey.surveyId(), survey.versionId(), UUID.randomUUID(), "paper",
					v.organizationId(), v.category(), source.name(), paper ? user.id() : null });
			v.rows().forEach(r -> rows.add(new Object[] { id, r[0], r[1], r[2], r[3] }));
		}
		jdbcTemplate.batchUpdate("insert into survey_response (id, event_survey_id, version_id, device_id, fingerprint,"
				+ " organization_id, category_code, source, entered_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", responses);
		jdbcTemplate.batchUpdate("insert into survey_answer (response_id, question_id, rating, option_code, text_value)"
				+ " values (?, ?, ?, ?, ?)", rows);
		return all.size();
	}

	@Transactional
	public kz.oqytu.surveys.PaperForm paperForm(CurrentUser user, long eventId, SurveyKind kind) {
		EventSurveyView view = panel.one(user, eventId, kind);
		return new kz.oqytu.surveys.PaperForm(publicSurveys.read(view.token()).orElseThrow(), paperSheets(view.id()));
	}

	@Transactional
	public kz.oqytu.surveys.PaperEntry enterPaper(CurrentUser user, long eventId, SurveyKind kind,
			Map<String, String> typed, String sheetKey) {
		EventSurveyView view = panel.writable(user, eventId, kind);
		PublicSurvey survey = publicSurveys.read(view.token()).orElseThrow();
		AnswerRules.Validated v = AnswerRules.validate(survey, PaperSheets.answers(survey, typed),
				() -> organizations.nameIndex(events.summary(eventId)
					.map(e -> PublicSurveys.regionPath(e.organizerPath()))
					.orElse("/")));
		if (!v.errors().isEmpty()) {
			return new kz.oqytu.surveys.PaperEntry(false, v.errors(), paperSheets(view.id()));
		}
		// The public answer's one statement (decision 41): the response's and the answers' insert triggers keep
		// the score row exact and leave it unfolded for the fold (decision 38). No limits: staff, not the public.
		// A sheet sent twice (a double Enter) has the same key: the second insert does nothing.
		AnswerRules.bindAnswers(jdbc.sql("""
				with response as (
				    insert into survey_response (id, event_survey_id, version_id, device_id, fingerprint,
				                                 organization_id, category_code, submitted_at, submission_key,
				                                 source, entered_by)
				    values (nextval('survey_seq'), :survey, :version, :device, 'paper', :organization, :category, :now,
				            cast(:key as uuid), 'PAPER', :user)
				    on conflict do nothing
				    returning id),
				""" + AnswerRules.ANSWERS_OF_RESPONSE + """
				select count(*) from response
				"""), v.rows())
			.param("survey", survey.surveyId())
			.param("version", survey.versionId())
			.param("device", UUID.randomUUID())
			.param("organization", v.organizationId())
			.param("category", v.category())
			.param("now", java.time.OffsetDateTime.ofInstant(Instant.now(clock), java.time.ZoneOffset.UTC))
			.param("key", AnswerRules.submissionKey(sheetKey))
			.param("user", user.id())
			.query(Long.class)
			.single();
		return new kz.oqytu.surveys.PaperEntry(true, Map.of(), paperSheets(view.id()));
	}

	private long paperSheets(long surveyId) {
		return jdbc.sql("select count(*) from survey_response where event_survey_id = :s and source = 'PAPER'")
			.param("s", surveyId)
			.query(Long.class)
			.single();
	}
}
