package kz.oqytu.surveys.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.FlagReason;
import kz.oqytu.surveys.PublicSurvey;
import kz.oqytu.surveys.QuestionView;
import kz.oqytu.surveys.SubmitResult;
import kz.oqytu.surveys.Submission;
import kz.oqytu.surveys.SubmitResult.Outcome;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.SurveyState;
import kz.oqytu.training.TrainingEvents;

/**
 * Stores answers: the public form's (its limits, form token, flags and lateness, decisions 29, 37 and
 * 41) and the staff's typed from paper (decision 46), each validated against the questions the same way.
 */
@Service
class SurveyAnswers {

	static final int MAX_VALUES_PER_FIELD = 50;

	/** Submissions by outcome, registered once (not looked up by name and tags on every answer). */
	private final Map<Outcome, io.micrometer.core.instrument.Counter> submissions = new java.util.EnumMap<>(Outcome.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TrainingEvents events;

	private final Organizations organizations;

	private final SurveyProperties properties;

	private final FormTokens tokens;

	private final SubmitLimits limits;

	private final EventSurveyPanel panel;

	private final PublicSurveys publicSurveys;

	private final Clock clock;

	SurveyAnswers(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TrainingEvents events, Organizations organizations,
			SurveyProperties properties, FormTokens tokens, SubmitLimits limits, EventSurveyPanel panel,
			PublicSurveys publicSurveys, io.micrometer.core.instrument.MeterRegistry meters, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.events = events;
		this.organizations = organizations;
		this.properties = properties;
		this.tokens = tokens;
		this.limits = limits;
		this.panel = panel;
		this.publicSurveys = publicSurveys;
		this.clock = clock;
		for (Outcome outcome : Outcome.values()) {
			submissions.put(outcome, meters.counter("oqytu.survey.submissions", "outcome", outcome.name().toLowerCase()));
		}
	}

	/**
	 * Two statements, no transaction around them (each is its own): the limits' count together with the
	 * survey, its current version and its event ({@link SubmitLimits#allowAndRead}), then the response
	 * with its answers, its flags and its used-up form token (one data-modifying statement, its score row
	 * written by its triggers). Only a form that stores nothing asks once more why. A transaction around
	 * the two bought nothing (a read-committed read takes no lock and its snapshot ends with it) and cost
	 * a commit's round trip and the transaction manager's work per answer (decision 0041). Survey answers
	 * are not audited: no actor is set.
	 */
	public SubmitResult submit(String token, Submission submission) {
		// The limits are counted in a statement outside the answer's insert, so that a hall's answers do not
		// queue behind one another on the survey's counter row (decision 0037); the same statement reads the
		// survey (decision 0041: one round trip instead of two).
		Optional<FormTokens.FormToken> signed = tokens.formToken(submission.formToken());
		SubmitResult result;
		if (signed.isPresent()) {
			SubmitLimits.Counted<PublicSurvey> counted = limits.allowAndRead(signed.get().surveyId(),
					signed.get().device(), Tokens.looksLikeToken(token) ? PublicSurveys.SURVEY_BY_TOKEN : null, token,
					(rs, n) -> publicSurveys.survey(rs));
			result = !counted.allowed() ? SubmitResult.of(Outcome.BUSY)
					: store(Optional.ofNullable(counted.read()).orElseThrow(() -> new NotFoundException("survey")),
							submission, signed);
		}
		else {
			result = store(publicSurveys.read(token).orElseThrow(() -> new NotFoundException("survey")), submission, signed);
		}
		submissions.get(result.outcome()).increment();
		return result;
	}

	private SubmitResult store(PublicSurvey survey, Submission submission, Optional<FormTokens.FormToken> signed) {
		Instant now = Instant.now(clock);
		FormTokens.FormToken form = signed
			.filter(t -> t.surveyId() == survey.surveyId())
			.filter(t -> !t.issuedAt().isAfter(now.plusSeconds(60)))
			.filter(t -> !t.issuedAt().plus(properties.formTokenLifetime()).isBefore(now))
			.orElse(null);
		boolean late = false;
		if (survey.state() != SurveyState.OPEN) {
			// A form opened while the survey was open and sent after its closing time (typing, offline) is
			// kept, marked late (decision 29); anything else is not taken.
			java.time.Instant closes = survey.closesAt().atZone(clock.getZone()).toInstant();
			late = survey.state() == SurveyState.CLOSED && form != null && !now.isBefore(closes)
					&& form.issuedAt().isBefore(closes);
			if (!late) {
				return SubmitResult.of(Outcome.NOT_OPEN);
			}
		}
		if (form == null) {
			return SubmitResult.of(Outcome.STALE);
		}
		UUID submissionKey = submissionKey(submission.submissionKey());
		Map<String, List<String>> answers = submission.answers();
		// Only a named organization needs the region's names: most forms never load them.
		Validated v = validate(survey, answers, () -> organizations.nameIndex(
				events.summary(survey.eventId()).map(e -> PublicSurveys.regionPath(e.organizerPath())).orElse("/")));
		Map<String, String> errors = v.errors();
		List<Object[]> rows = v.rows();
		Long organizationId = v.organizationId();
		String category = v.category();
		if (!errors.isEmpty()) {
			return new SubmitResult(late ? Outcome.NOT_OPEN : Outcome.INVALID, errors);
		}
		// What the request itself shows; the counts of earlier answers are added in SQL.
		Set<FlagReason> reasons = java.util.EnumSet.noneOf(FlagReason.class);
		Optional<UUID> cookieDevice = tokens.device(submission.deviceCookie());
		if (cookieDevice.isEmpty()) {
			reasons.add(FlagReason.NO_DEVICE);
		}
		else if (!cookieDevice.get().equals(form.device())) {
			reasons.add(FlagReason.OTHER_DEVICE);
		}
		if (form.issuedAt().plus(properties.minFillTime()).isAfter(now)) {
			reasons.add(FlagReason.TOO_FAST);
		}
		if (late) {
			reasons.add(FlagReason.LATE);
		}
		// The response and its answers in one statement (one round trip): no row comes back when the
		// device has answered already or the form was used (the unique keys), and then no answer is
		// written either.
		int n = rows.size();
		Long[] questions = new Long[n];
		Integer[] ratings = new Integer[n];
		String[] options = new String[n];
		String[] texts = new String[n];
		for (int k = 0; k < n; k++) {
			Object[] r = rows.get(k);
			questions[k] = (Long) r[0];
			ratings[k] = (Integer) r[1];
			options[k] = (String) r[2];
			texts[k] = (String) r[3];
		}
		Long responseId = jdbc.sql("""
				with seen as (
				    select (select count(*) from (select 1 from survey_response
				                where event_survey_id = :survey and fingerprint = :fingerprint limit :threshold) f)
				               >= :threshold as browser,
				           (select count(*) from (select 1 from survey_response
				                where event_survey_id = :survey and address_key = :address and submitted_at > :since
				                limit :addressThreshold) a) >= :addressThreshold as address),
				flags as (
				    select cast(:reasons as integer)
				           | case when browser then :browserBit else 0 end
				           | case when address then :addressBit else 0 end as bits
				    from seen),
				response as (
				    insert into survey_response (id, event_survey_id, version_id, device_id, fingerprint, flagged,
				                                 flag_reasons, organization_id, category_code, submitted_at,
				                                 address_key, form_nonce, submission_key)
				    select nextval('survey_seq'), :survey, :version, :device, :fingerprint, bits <> 0, bits,
				           :organization, :category, :now, :address, :nonce, cast(:key as uuid)
				    from flags
				    on conflict do nothing
				    returning id),
				answers as (
				    insert into survey_answer (response_id, question_id, rating, option_code, text_value)
				    select response.id, a.question_id, a.rating, a.option_code, a.text_value
				    from response, unnest(cast(:questions as bigint[]), cast(:ratings as int[]),
				                          cast(:options as text[]), cast(:texts as text[]))
				         as a (question_id, rating, option_code, text_value)
				    returning 1)
				select id from response
				""")
			.param("survey", survey.surveyId())
			.param("version", survey.versionId())
			.param("device", form.device())
			.param("fingerprint", tokens.fingerprint(submission.address(), submission.userAgent(),
					submission.acceptLanguage(), survey.token()))
			.param("threshold", properties.deviceFlagThreshold())
			.param("address", tokens.addressKey(submission.address(), survey.token()))
			.param("since", java.time.OffsetDateTime.ofInstant(now.minus(properties.addressWindow()), java.time.ZoneOffset.UTC))
			.param("addressThreshold", properties.addressFlagThreshold())
			.param("reasons", FlagReason.bits(reasons))
			.param("browserBit", FlagReason.SAME_BROWSER.bit())
			.param("addressBit", FlagReason.ONE_ADDRESS.bit())
			.param("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
			.param("nonce", form.nonce())
			.param("key", submissionKey)
			.param("organization", organizationId)
			.param("category", category)
			.param("questions", questions)
			.param("ratings", ratings)
			.param("options", options)
			.param("texts", texts)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (responseId != null) {
			return SubmitResult.of(late ? Outcome.LATE : Outcome.STORED);
		}
		String why = jdbc.sql("select case when exists (select 1 from survey_response where submission_key = cast(:key as uuid)) then 'KEY'"
				+ " when exists (select 1 from survey_response where form_nonce = :nonce) then 'FORM' else 'DEVICE' end")
			.param("key", submissionKey)
			.param("nonce", form.nonce())
			.query(String.class)
			.single();
		return SubmitResult.of(switch (why) {
			case "KEY" -> Outcome.STORED_BEFORE;
			case "FORM" -> Outcome.REPLAYED;
			default -> Outcome.ALREADY_ANSWERED;
		});
	}

	/** The browser's key of an answer, when it is one (a UUID); anything else is no key. */
	static UUID submissionKey(String value) {
		if (value == null || value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A form's answers checked against the questions: errors by question code, or the rows to store. */
	record Validated(Map<String, String> errors, List<Object[]> rows, Long organizationId, String category) {
	}

	Validated validate(PublicSurvey survey, Map<String, List<String>> answers,
			java.util.function.Supplier<Map<String, Long>> names) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<Object[]> rows = new ArrayList<>();
		Long organizationId = null;
		String category = null;
		for (QuestionView q : survey.questions()) {
			List<String> values = clean(answers.get(q.field()));
			if (values.size() > MAX_VALUES_PER_FIELD) {
				errors.put(q.code(), "surveys.error.invalid");
				continue;
			}
			if (values.isEmpty() && !(q.type() == kz.oqytu.surveys.QuestionType.TOPICS
					&& !clean(answers.get(q.field() + "_other")).isEmpty())) {
				if (q.required()) {
					errors.put(q.code(), "surveys.error.required");
				}
				continue;
			}
			Set<String> codes = new HashSet<>();
			q.options().forEach(o -> codes.add(o.code()));
			switch (q.type()) {
				case RATING -> {
					Integer rating = values.size() == 1 ? rating(values.get(0)) : null;
					if (rating == null) {
						errors.put(q.code(), "surveys.error.rating");
					}
					else {
						rows.add(new Object[] { q.id(), rating, null, null });
					}
				}
				case SINGLE, CATEGORY -> {
					if (values.size() != 1 || !codes.contains(values.get(0))) {
						errors.put(q.code(), "surveys.error.choice");
					}
					else {
						rows.add(new Object[] { q.id(), null, values.get(0), null });
						if (q.type() == kz.oqytu.surveys.QuestionType.CATEGORY) {
							category = values.get(0);
						}
					}
				}
				case MULTIPLE, TOPICS -> {
					Set<String> distinct = new java.util.LinkedHashSet<>(values);
					if (!codes.containsAll(distinct)) {
						errors.put(q.code(), "surveys.error.choice");
						break;
					}
					distinct.forEach(v -> rows.add(new Object[] { q.id(), null, v, null }));
					if (q.type() == kz.oqytu.surveys.QuestionType.TOPICS) {
						List<String> other = clean(answers.get(q.field() + "_other"));
						if (!other.isEmpty()) {
							String text = other.get(0);
							int max = q.maxLength() == null ? 200 : q.maxLength();
							if (text.length() > max) {
								errors.put(q.code(), "surveys.error.tooLong");
							}
							else {
								rows.add(new Object[] { q.id(), null, "OTHER", text });
							}
						}
					}
				}
				case ORGANIZATION -> {
					String name = values.get(0);
					Long id = name.length() > 300 ? null : names.get().get(Organizations.nameKey(name));
					if (id == null) {
						// an optional question never blocks the answer: a name not in the registry is left out
						if (q.required()) {
							errors.put(q.code(), "surveys.error.organization");
						}
					}
					else {
						organizationId = id;
						rows.add(new Object[] { q.id(), null, null, name });
					}
				}
				case TEXT -> {
					String text = String.join(" ", values);
					int max = q.maxLength() == null ? 1000 : q.maxLength();
					if (text.length() > max) {
						errors.put(q.code(), "surveys.error.tooLong");
					}
					else {
						rows.add(new Object[] { q.id(), null, null, text });
					}
				}
			}
		}
		return new Validated(errors, rows, organizationId, category);
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
		List<Validated> all = new ArrayList<>(answers.size());
		for (int i = 0; i < answers.size(); i++) {
			Validated v = validate(survey, answers.get(i), namesSupplier);
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
			Validated v = all.get(i);
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

	// ---- paper questionnaires (issue #20, decision 46)

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
		Validated v = validate(survey, PaperSheets.answers(survey, typed), () -> organizations.nameIndex(
				events.summary(eventId).map(e -> PublicSurveys.regionPath(e.organizerPath())).orElse("/")));
		if (!v.errors().isEmpty()) {
			return new kz.oqytu.surveys.PaperEntry(false, v.errors(), paperSheets(view.id()));
		}
		int n = v.rows().size();
		Long[] questions = new Long[n];
		Integer[] ratings = new Integer[n];
		String[] options = new String[n];
		String[] texts = new String[n];
		for (int k = 0; k < n; k++) {
			Object[] r = v.rows().get(k);
			questions[k] = (Long) r[0];
			ratings[k] = (Integer) r[1];
			options[k] = (String) r[2];
			texts[k] = (String) r[3];
		}
		// The public answer's one statement (decision 41): the response's and the answers' insert triggers keep
		// the score row exact and leave it unfolded for the fold (decision 38). No limits: staff, not the public.
		// A sheet sent twice (a double Enter) has the same key: the second insert does nothing.
		jdbc.sql("""
				with response as (
				    insert into survey_response (id, event_survey_id, version_id, device_id, fingerprint,
				                                 organization_id, category_code, submitted_at, submission_key,
				                                 source, entered_by)
				    values (nextval('survey_seq'), :survey, :version, :device, 'paper', :organization, :category, :now,
				            cast(:key as uuid), 'PAPER', :user)
				    on conflict do nothing
				    returning id),
				answers as (
				    insert into survey_answer (response_id, question_id, rating, option_code, text_value)
				    select response.id, a.question_id, a.rating, a.option_code, a.text_value
				    from response, unnest(cast(:questions as bigint[]), cast(:ratings as int[]),
				                          cast(:options as text[]), cast(:texts as text[]))
				         as a (question_id, rating, option_code, text_value)
				    returning 1)
				select count(*) from response
				""")
			.param("survey", survey.surveyId())
			.param("version", survey.versionId())
			.param("device", UUID.randomUUID())
			.param("organization", v.organizationId())
			.param("category", v.category())
			.param("now", java.time.OffsetDateTime.ofInstant(Instant.now(clock), java.time.ZoneOffset.UTC))
			.param("key", submissionKey(sheetKey))
			.param("user", user.id())
			.param("questions", questions)
			.param("ratings", ratings)
			.param("options", options)
			.param("texts", texts)
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

	private static Integer rating(String value) {
		try {
			int n = Integer.parseInt(value);
			return n >= 1 && n <= 5 ? n : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Trimmed, non-empty values, control characters removed. */
	static List<String> clean(List<String> values) {
		if (values == null) {
			return List.of();
		}
		List<String> result = new ArrayList<>(values.size());
		for (String v : values) {
			if (v == null) {
				continue;
			}
			String s = v.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
			if (!s.isEmpty()) {
				result.add(s);
			}
		}
		return result;
	}

	static Map<String, List<String>> copy(Map<String, String[]> parameters) {
		Map<String, List<String>> map = new HashMap<>();
		parameters.forEach((k, v) -> map.put(k, List.of(v)));
		return map;
	}
}
