package kz.oqytu.surveys.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.surveys.FlagReason;
import kz.oqytu.surveys.PublicSurvey;
import kz.oqytu.surveys.SubmitResult;
import kz.oqytu.surveys.Submission;
import kz.oqytu.surveys.SubmitResult.Outcome;
import kz.oqytu.surveys.SurveyState;
import kz.oqytu.training.TrainingEvents;

/**
 * Stores the public form's answers: its limits (decision 37), its one-time form token, its flags, a late
 * answer (decision 29), the response and its answers in one statement (decision 41).
 */
@Service
class SurveyAnswers {

	/** Submissions by outcome, registered once (not looked up by name and tags on every answer). */
	private final Map<Outcome, io.micrometer.core.instrument.Counter> submissions = new java.util.EnumMap<>(Outcome.class);

	/** The answers' own pool (decision 0060) and the application's, for a caller's transaction. */
	private final JdbcClient answers;

	private final JdbcClient application;

	private final TrainingEvents events;

	private final Organizations organizations;

	private final SurveyProperties properties;

	private final FormTokens tokens;

	private final SubmitLimits limits;

	private final PublicSurveys publicSurveys;

	private final Clock clock;

	SurveyAnswers(@Qualifier(AnswerConnections.ANSWERS) JdbcClient answers,
			JdbcClient application, TrainingEvents events, Organizations organizations, SurveyProperties properties,
			FormTokens tokens, SubmitLimits limits, PublicSurveys publicSurveys,
			io.micrometer.core.instrument.MeterRegistry meters, Clock clock) {
		this.answers = answers;
		this.application = application;
		this.events = events;
		this.organizations = organizations;
		this.properties = properties;
		this.tokens = tokens;
		this.limits = limits;
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
		// to the microsecond PostgreSQL keeps, so that the minute counted is the minute stored
		Instant now = Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
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
		UUID submissionKey = AnswerRules.submissionKey(submission.submissionKey());
		Map<String, List<String>> answers = submission.answers();
		// Only a named organization needs the region's names: most forms never load them.
		AnswerRules.Validated v = AnswerRules.validate(survey, answers, () -> organizations.nameIndex(
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
		JdbcClient jdbc = AnswerConnections.jdbc(this.answers, application);
		// The earlier answers from the address within the window: the whole minutes after the window's first
		// one from their counts (survey_address_minute, written below with the response), the rows of that
		// first, partial minute one by one (decision 0062). The same number as counting every row, read from
		// at most a window's minutes and a minute's rows.
		Instant since = now.minus(properties.addressWindow());
		long sinceMinute = Math.floorDiv(since.toEpochMilli(), 60_000L);
		Long responseId = AnswerRules.bindAnswers(jdbc.sql("""
				with seen as (
				    select (select count(*) from (select 1 from survey_response
				                where event_survey_id = :survey and fingerprint = :fingerprint limit :threshold) f)
				               >= :threshold as browser,
				           (select coalesce(sum(answers), 0) from survey_address_minute
				                where event_survey_id = :survey and address_key = :address and minute > :sinceMinute)
				           + (select count(*) from (select 1 from survey_response
				                where event_survey_id = :survey and address_key = :address and submitted_at > :since
				                and submitted_at < :sinceMinuteEnd limit :addressThreshold) a) >= :addressThreshold as address),
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
				tally as (
				    insert into survey_address_minute as t (event_survey_id, address_key, minute, answers)
				    select :survey, :address, :minute, 1 from response
				    on conflict (event_survey_id, address_key, minute) do update set answers = t.answers + 1
				    returning 1),
				""" + AnswerRules.ANSWERS_OF_RESPONSE + """
				select id from response
				"""), rows)
			.param("survey", survey.surveyId())
			.param("version", survey.versionId())
			.param("device", form.device())
			.param("fingerprint", tokens.fingerprint(submission.address(), submission.userAgent(),
					submission.acceptLanguage(), survey.token()))
			.param("threshold", properties.deviceFlagThreshold())
			.param("address", tokens.addressKey(submission.address(), survey.token()))
			.param("since", java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
			.param("sinceMinute", sinceMinute)
			.param("sinceMinuteEnd", java.time.OffsetDateTime.ofInstant(Instant.ofEpochSecond((sinceMinute + 1) * 60),
					java.time.ZoneOffset.UTC))
			.param("minute", Math.floorDiv(now.toEpochMilli(), 60_000L))
			.param("addressThreshold", properties.addressFlagThreshold())
			.param("reasons", FlagReason.bits(reasons))
			.param("browserBit", FlagReason.SAME_BROWSER.bit())
			.param("addressBit", FlagReason.ONE_ADDRESS.bit())
			.param("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
			.param("nonce", form.nonce())
			.param("key", submissionKey)
			.param("organization", organizationId)
			.param("category", category)
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

}
