package kz.oqytu.surveys.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.FlagReason;
import kz.oqytu.surveys.FormPass;
import kz.oqytu.surveys.PublicSurvey;
import kz.oqytu.surveys.QuestionView;
import kz.oqytu.surveys.SubmitResult;
import kz.oqytu.surveys.Submission;
import kz.oqytu.surveys.SubmitResult.Outcome;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.SurveyLink;
import kz.oqytu.surveys.SurveyState;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.training.EventScheduled;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.EventSummary;
import kz.oqytu.training.TrainingEvents;
import java.time.Clock;

@Service
class EventSurveyService implements Surveys {

	static final int MAX_VALUES_PER_FIELD = 50;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final QuestionnaireStore questionnaires;

	private final TrainingEvents events;

	private final Organizations organizations;

	private final SurveyProperties properties;

	private final String publicUrl;

	private final FormTokens tokens;

	private final SubmitLimits limits;

	/** Submissions by outcome, registered once (not looked up by name and tags on every answer). */
	private final Map<Outcome, io.micrometer.core.instrument.Counter> submissions = new java.util.EnumMap<>(Outcome.class);

	/** This service through its transactional proxy, for the rare write inside a read. */
	private final org.springframework.beans.factory.ObjectProvider<Surveys> selfProvider;

	private final Clock clock;

	EventSurveyService(JdbcClient jdbc, JdbcTemplate jdbcTemplate, QuestionnaireStore questionnaires,
			TrainingEvents events, Organizations organizations, SurveyProperties properties,
			org.springframework.core.env.Environment environment, io.micrometer.core.instrument.MeterRegistry meters,
			org.springframework.beans.factory.ObjectProvider<Surveys> selfProvider, FormTokens tokens,
			SubmitLimits limits, Clock clock) {
		this.selfProvider = selfProvider;
		this.tokens = tokens;
		this.limits = limits;
		this.clock = clock;
		for (Outcome outcome : Outcome.values()) {
			submissions.put(outcome, meters.counter("oqytu.survey.submissions", "outcome", outcome.name().toLowerCase()));
		}
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.questionnaires = questionnaires;
		this.events = events;
		this.organizations = organizations;
		this.properties = properties;
		String url = environment.getProperty("oqytu.public-url", "http://localhost:8080");
		this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	String surveyUrl(String token) {
		return publicUrl + "/s/" + token;
	}

	// ---- keeping surveys in step with their events

	@EventListener
	@Transactional
	void on(EventScheduled event) {
		if (event.created()) {
			create(event.eventId(), event.startsAt(), event.endsAt());
			return;
		}
		for (SurveyKind kind : SurveyKind.values()) {
			LocalDateTime[] window = defaultWindow(kind, event.startsAt(), event.endsAt());
			jdbc.sql("update event_survey set opens_at = :opens, closes_at = :closes, version = version + 1"
					+ " where event_id = :event and kind = :kind and not window_manual")
				.param("opens", window[0])
				.param("closes", window[1])
				.param("event", event.eventId())
				.param("kind", kind.name())
				.update();
		}
	}

	LocalDateTime[] defaultWindow(SurveyKind kind, LocalDateTime startsAt, LocalDateTime endsAt) {
		if (kind == SurveyKind.POST_EVENT) {
			return new LocalDateTime[] { startsAt, endsAt.plus(properties.postEventOpenFor()) };
		}
		LocalDateTime opens = endsAt.toLocalDate().plusDays(properties.followUpAfterDays()).atStartOfDay();
		return new LocalDateTime[] { opens, opens.plusDays(properties.followUpOpenDays()) };
	}

	private void create(long eventId, LocalDateTime startsAt, LocalDateTime endsAt) {
		for (SurveyKind kind : SurveyKind.values()) {
			LocalDateTime[] window = defaultWindow(kind, startsAt, endsAt);
			for (int attempt = 0;; attempt++) {
				try {
					jdbc.sql("""
							insert into event_survey (id, event_id, kind, questionnaire_id, token, short_code, opens_at, closes_at)
							select nextval('survey_seq'), :event, :kind, q.id, :token, :code, :opens, :closes
							from questionnaire q where q.kind = :kind
							on conflict (event_id, kind) do nothing
							""")
						.param("event", eventId)
						.param("kind", kind.name())
						.param("token", Tokens.token())
						.param("code", Tokens.shortCode())
						.param("opens", window[0])
						.param("closes", window[1])
						.update();
					break;
				}
				catch (DuplicateKeyException ex) {
					// A short code (39 bits) collided with another survey's: draw again.
					if (attempt >= 5) {
						throw ex;
					}
				}
			}
		}
	}

	// ---- staff

	@Override
	@Transactional
	public List<EventSurveyView> forEvent(CurrentUser user, long eventId) {
		EventSummary event = readable(user, eventId);
		create(eventId, event.startsAt(), event.endsAt());
		return jdbc.sql("""
				select s.id, s.kind, s.token, s.short_code, s.opens_at, s.closes_at, s.window_manual, s.version,
				       count(r.id) as responses, count(r.id) filter (where r.flagged) as flagged
				from event_survey s left join survey_response r on r.event_survey_id = s.id
				where s.event_id = :event group by s.id order by s.kind desc
				""")
			.param("event", eventId)
			.query((rs, n) -> {
				LocalDateTime opens = rs.getTimestamp("opens_at").toLocalDateTime();
				LocalDateTime closes = rs.getTimestamp("closes_at").toLocalDateTime();
				return new EventSurveyView(rs.getLong("id"), eventId, SurveyKind.valueOf(rs.getString("kind")),
						rs.getString("token"), rs.getString("short_code"), surveyUrl(rs.getString("token")), opens, closes,
						rs.getBoolean("window_manual"), state(opens, closes, event.status()), rs.getLong("responses"),
						rs.getLong("flagged"), event.participants(), rs.getInt("version"));
			})
			.list();
	}

	@Override
	@Transactional
	public EventSurveyView one(CurrentUser user, long eventId, SurveyKind kind) {
		return forEvent(user, eventId).stream()
			.filter(s -> s.kind() == kind)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("survey " + kind + " of event " + eventId));
	}

	@Override
	public String url(CurrentUser user, long eventId, SurveyKind kind) {
		readable(user, eventId);
		return urlOfReadable(user, eventId, kind);
	}

	/** The address of an event's survey the caller may read (checked before). */
	private String urlOfReadable(CurrentUser user, long eventId, SurveyKind kind) {
		// Read-only and one short statement in the common case; the first time, as the survey page does.
		return jdbc.sql("select token from event_survey where event_id = :event and kind = :kind")
			.param("event", eventId)
			.param("kind", kind.name())
			.query(String.class)
			.optional()
			.map(this::surveyUrl)
			.orElseGet(() -> self().one(user, eventId, kind).url());
	}

	/** What a staff download of a QR code read, and when (decision 0041). */
	private record QrEntry(String organizerPath, kz.oqytu.surveys.QrDownload download, long readAt) {
	}

	/** How long a read of a QR download is used: the longest a changed organizer or title goes unseen. */
	static final long QR_DOWNLOAD_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

	/** QR downloads by event and kind, read within {@link #QR_DOWNLOAD_TTL_NANOS}; at most 2 000. */
	private final kz.oqytu.shared.BoundedCache<String, QrEntry> qrDownloads = new kz.oqytu.shared.BoundedCache<>(2_000);

	@Override
	public kz.oqytu.surveys.QrDownload qrDownload(CurrentUser user, long eventId, SurveyKind kind) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
		String key = eventId + "|" + kind.name();
		long now = System.nanoTime();
		QrEntry entry = qrDownloads.get(key, k -> null);
		if (entry == null || now - entry.readAt() > QR_DOWNLOAD_TTL_NANOS) {
			// read as the uncached way does: the scope check (which reads the event) and the survey's address
			EventSummary event = readable(user, eventId);
			String url = urlOfReadable(user, eventId, kind);
			entry = new QrEntry(event.organizerPath(), new kz.oqytu.surveys.QrDownload(url,
					event.startsAt().toLocalDate(), event.titleKk(), event.titleRu()), now);
			qrDownloads.put(key, entry);
		}
		// the scope check of every request, on what was read (the user comes from the request's session)
		if (!user.covers(entry.organizerPath())) {
			throw new AccessDeniedException("event " + eventId + " is outside the user's scope");
		}
		return entry.download();
	}

	/** An event changed (organizer, title, date, status): its QR downloads are read again on this instance. */
	@org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
	void on(kz.oqytu.training.TrainingFiguresChanged changed) {
		for (SurveyKind kind : SurveyKind.values()) {
			qrDownloads.remove(changed.eventId() + "|" + kind.name());
		}
	}

	private Surveys self() {
		return selfProvider.getObject();
	}

	@Override
	@Transactional
	public void openNow(CurrentUser user, long eventId, SurveyKind kind) {
		EventSurveyView survey = writable(user, eventId, kind);
		LocalDateTime now = now();
		LocalDateTime closes = survey.closesAt().isAfter(now) ? survey.closesAt() : now.plus(openFor(kind));
		updateWindow(survey, now, closes);
	}

	/** How long a survey of the kind stays open from when it opens: the configured window. */
	java.time.Duration openFor(SurveyKind kind) {
		return kind == SurveyKind.FOLLOW_UP ? java.time.Duration.ofDays(properties.followUpOpenDays())
				: properties.postEventOpenFor();
	}

	@Override
	@Transactional
	public void closeNow(CurrentUser user, long eventId, SurveyKind kind) {
		EventSurveyView survey = writable(user, eventId, kind);
		LocalDateTime now = now();
		LocalDateTime opens = survey.opensAt().isBefore(now) ? survey.opensAt() : now.minusMinutes(1);
		updateWindow(survey, opens, now);
	}

	@Override
	@Transactional
	public void setWindow(CurrentUser user, long eventId, SurveyKind kind, LocalDateTime opensAt,
			LocalDateTime closesAt) {
		EventSurveyView survey = writable(user, eventId, kind);
		if (opensAt == null || closesAt == null) {
			throw new BusinessRuleException("opensAt", "validation.required");
		}
		if (!closesAt.isAfter(opensAt)) {
			throw new BusinessRuleException("closesAt", "surveys.error.windowOrder");
		}
		updateWindow(survey, opensAt, closesAt);
	}

	private void updateWindow(EventSurveyView survey, LocalDateTime opens, LocalDateTime closes) {
		int updated = jdbc.sql("update event_survey set opens_at = :opens, closes_at = :closes, window_manual = true,"
				+ " version = version + 1 where id = :id and version = :version")
			.param("opens", opens)
			.param("closes", closes)
			.param("id", survey.id())
			.param("version", survey.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("survey " + survey.id());
		}
	}

	private EventSurveyView writable(CurrentUser user, long eventId, SurveyKind kind) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
		return one(user, eventId, kind);
	}

	private EventSummary readable(CurrentUser user, long eventId) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
		EventSummary event = events.summary(eventId).orElseThrow(() -> new NotFoundException("event " + eventId));
		if (!user.covers(event.organizerPath())) {
			throw new AccessDeniedException("event " + eventId + " is outside the user's scope");
		}
		return event;
	}

	private SurveyState state(LocalDateTime opens, LocalDateTime closes, EventStatus status) {
		LocalDateTime now = now();
		if (status == EventStatus.CANCELLED || !now.isBefore(closes)) {
			return SurveyState.CLOSED;
		}
		return now.isBefore(opens) ? SurveyState.NOT_YET_OPEN : SurveyState.OPEN;
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
	}

	// ---- public

	/** The event a survey token belongs to. */
	private Optional<Long> eventOf(String token) {
		if (!Tokens.looksLikeToken(token)) {
			return Optional.empty();
		}
		return jdbc.sql("select event_id from event_survey where token = :token")
			.param("token", token)
			.query(Long.class)
			.optional();
	}

	/**
	 * The public form's survey in one statement: the survey, its questionnaire's current version and
	 * what the form shows of its event (titles, start, status), read in SQL like the survey results
	 * do. Every answer starts here, so it is one round trip, not three.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<PublicSurvey> byToken(String token) {
		if (!Tokens.looksLikeToken(token)) {
			return Optional.empty();
		}
		return jdbc.sql(SURVEY_BY_TOKEN).param("token", token).query((rs, n) -> survey(rs)).optional();
	}

	/** The survey of a token with its event and its questionnaire's current version (parameter {@code :token}). */
	static final String SURVEY_BY_TOKEN = """
			select s.id, s.token, s.kind, s.event_id, e.title_kk, e.title_ru, e.starts_at, s.opens_at, s.closes_at,
			       e.status,
			       (select v.id from questionnaire_version v where v.questionnaire_id = s.questionnaire_id and v.current)
			           as version_id
			from event_survey s join training_v_event e on e.id = s.event_id
			where s.token = :token
			""";

	/** A row with {@link #SURVEY_BY_TOKEN}'s columns, read by name; null when its survey's id is null. */
	private PublicSurvey survey(java.sql.ResultSet rs) throws java.sql.SQLException {
		long id = rs.getLong("id");
		if (rs.wasNull()) {
			return null;
		}
		LocalDateTime opens = rs.getObject("opens_at", LocalDateTime.class);
		LocalDateTime closes = rs.getObject("closes_at", LocalDateTime.class);
		long version = rs.getLong("version_id");
		return new PublicSurvey(id, rs.getString("token"), SurveyKind.valueOf(rs.getString("kind")),
				rs.getLong("event_id"), rs.getString("title_kk"), rs.getString("title_ru"),
				rs.getObject("starts_at", LocalDateTime.class), opens, closes,
				state(opens, closes, EventStatus.valueOf(rs.getString("status"))), version,
				questionnaires.questions(version));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SurveyLink> link(String token, String deviceCookie) {
		if (!Tokens.looksLikeToken(token)) {
			return Optional.empty();
		}
		// the link's survey and its sibling of the same event, in one statement
		List<PublicSurvey> both = jdbc.sql("""
				select s.id, s.token, s.kind, s.event_id, e.title_kk, e.title_ru, e.starts_at, s.opens_at, s.closes_at,
				       e.status,
				       (select v.id from questionnaire_version v where v.questionnaire_id = s.questionnaire_id and v.current)
				           as version_id
				from event_survey s join training_v_event e on e.id = s.event_id
				where s.event_id = (select event_id from event_survey where token = :token)
				""")
			.param("token", token)
			.query((rs, n) -> survey(rs))
			.list();
		PublicSurvey own = both.stream().filter(s -> s.token().equals(token)).findFirst().orElse(null);
		if (own == null) {
			return Optional.empty();
		}
		PublicSurvey followUp = own.kind() == SurveyKind.FOLLOW_UP ? null
				: both.stream().filter(s -> s.kind() == SurveyKind.FOLLOW_UP).findFirst().orElse(null);
		PublicSurvey shown = shown(own, followUp);
		boolean answered = tokens.device(deviceCookie)
			.map(device -> jdbc.sql("select exists (select 1 from survey_response where event_survey_id = :s"
					+ " and device_id = :device)")
				.param("s", shown.surveyId())
				.param("device", device)
				.query(Boolean.class)
				.single())
			.orElse(false);
		return Optional.of(new SurveyLink(shown, followUp, answered));
	}

	/** The open survey (post-event first), else the next to open, else the link's own. */
	static PublicSurvey shown(PublicSurvey own, PublicSurvey followUp) {
		if (followUp == null || own.state() == SurveyState.OPEN) {
			return own;
		}
		if (followUp.state() == SurveyState.OPEN) {
			return followUp;
		}
		if (own.state() == SurveyState.NOT_YET_OPEN) {
			return own;
		}
		return followUp.state() == SurveyState.NOT_YET_OPEN ? followUp : own;
	}

	/** Tokens seen to exist (a token is never changed or reissued), bounded. */
	private final kz.oqytu.shared.BoundedCache<String, Boolean> knownTokens = new kz.oqytu.shared.BoundedCache<>(10_000);

	@Override
	public Optional<String> urlOfToken(String token) {
		if (!Tokens.looksLikeToken(token)) {
			return Optional.empty();
		}
		if (!knownTokens.contains(token)) {
			boolean exists = jdbc.sql("select count(*) from event_survey where token = :token")
				.param("token", token)
				.query(Long.class)
				.single() > 0;
			if (!exists) {
				return Optional.empty();
			}
			knownTokens.put(token, Boolean.TRUE);
		}
		return Optional.of(surveyUrl(token));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> tokenForCode(String code) {
		String normalized = Tokens.normalizeCode(code);
		if (normalized.length() != Tokens.CODE_LENGTH) {
			return Optional.empty();
		}
		return jdbc.sql("select token from event_survey where short_code = :code")
			.param("code", normalized)
			.query(String.class)
			.optional();
	}

	@Override
	public FormPass formPass(PublicSurvey survey, String deviceCookie) {
		Optional<UUID> known = tokens.device(deviceCookie);
		UUID device = known.orElseGet(tokens::newDevice);
		return new FormPass(tokens.formToken(survey.surveyId(), device, Instant.now(clock)),
				known.isPresent() ? null : tokens.deviceCookie(device));
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
	@Override
	public SubmitResult submit(String token, Submission submission) {
		// The limits are counted in a statement outside the answer's insert, so that a hall's answers do not
		// queue behind one another on the survey's counter row (decision 0037); the same statement reads the
		// survey (decision 0041: one round trip instead of two).
		Optional<FormTokens.FormToken> signed = tokens.formToken(submission.formToken());
		SubmitResult result;
		if (signed.isPresent()) {
			SubmitLimits.Counted<PublicSurvey> counted = limits.allowAndRead(signed.get().surveyId(),
					signed.get().device(), Tokens.looksLikeToken(token) ? SURVEY_BY_TOKEN : null, token,
					(rs, n) -> survey(rs));
			result = !counted.allowed() ? SubmitResult.of(Outcome.BUSY)
					: store(Optional.ofNullable(counted.read()).orElseThrow(() -> new NotFoundException("survey")),
							submission, signed);
		}
		else {
			result = store(byToken(token).orElseThrow(() -> new NotFoundException("survey")), submission, signed);
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
				events.summary(survey.eventId()).map(e -> regionPath(e.organizerPath())).orElse("/")));
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

	@Override
	@Transactional
	public int recordResponses(CurrentUser user, long eventId, SurveyKind kind,
			List<Map<String, List<String>>> answers, kz.oqytu.surveys.ResponseSource source) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
		EventSurveyView view = one(user, eventId, kind);
		PublicSurvey survey = byToken(view.token()).orElseThrow();
		String regionPath = events.summary(eventId).map(e -> regionPath(e.organizerPath())).orElse("/");
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

	@Override
	@Transactional
	public kz.oqytu.surveys.PaperForm paperForm(CurrentUser user, long eventId, SurveyKind kind) {
		EventSurveyView view = one(user, eventId, kind);
		return new kz.oqytu.surveys.PaperForm(byToken(view.token()).orElseThrow(), paperSheets(view.id()));
	}

	@Override
	@Transactional
	public kz.oqytu.surveys.PaperEntry enterPaper(CurrentUser user, long eventId, SurveyKind kind,
			Map<String, String> typed, String sheetKey) {
		EventSurveyView view = writable(user, eventId, kind);
		PublicSurvey survey = byToken(view.token()).orElseThrow();
		Validated v = validate(survey, PaperSheets.answers(survey, typed), () -> organizations.nameIndex(
				events.summary(eventId).map(e -> regionPath(e.organizerPath())).orElse("/")));
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

	@Override
	@Transactional(readOnly = true)
	public List<String> organizationNames(String token, String text) {
		return eventOf(token).flatMap(events::summary)
			.map(e -> organizations.suggestPrimary(regionPath(e.organizerPath()), text, 10)
				.stream()
				.map(u -> u.nameKk())
				.toList())
			.orElse(List.of());
	}

	/** "/1/2/15/" → "/1/2/": the region of an organizer. */
	static String regionPath(String organizerPath) {
		String[] parts = organizerPath.split("/");
		return parts.length >= 3 ? "/" + parts[1] + "/" + parts[2] + "/" : organizerPath;
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
