package kz.oqytu.surveys.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.organizations.Organizations;
import kz.oqytu.surveys.FormPass;
import kz.oqytu.surveys.PublicSurvey;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.SurveyLink;
import kz.oqytu.surveys.SurveyState;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;

/**
 * The public side of the surveys, before an answer: a survey by its token or short code, what a link
 * shows now, the survey's public address, the form's one-time pass and the organization names the form
 * suggests. No account; the token is the key.
 */
@Service
class PublicSurveys {

	private final JdbcClient jdbc;

	private final QuestionnaireStore questionnaires;

	private final TrainingEvents events;

	private final Organizations organizations;

	private final FormTokens tokens;

	private final SurveyWindows windows;

	private final String publicUrl;

	private final Clock clock;

	PublicSurveys(JdbcClient jdbc, QuestionnaireStore questionnaires, TrainingEvents events,
			Organizations organizations, FormTokens tokens, SurveyWindows windows,
			org.springframework.core.env.Environment environment, Clock clock) {
		this.jdbc = jdbc;
		this.questionnaires = questionnaires;
		this.events = events;
		this.organizations = organizations;
		this.tokens = tokens;
		this.windows = windows;
		this.clock = clock;
		String url = environment.getProperty("oqytu.public-url", "http://localhost:8080");
		this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** The public address of the survey with this token: what its QR code holds. */
	String surveyUrl(String token) {
		return publicUrl + "/s/" + token;
	}

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
	@Transactional(readOnly = true)
	public Optional<PublicSurvey> byToken(String token) {
		return read(token);
	}

	/** As {@link #byToken}, in the caller's transaction or none: the answer's path reads it outside one. */
	Optional<PublicSurvey> read(String token) {
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
	PublicSurvey survey(java.sql.ResultSet rs) throws java.sql.SQLException {
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
				windows.state(opens, closes, EventStatus.valueOf(rs.getString("status"))), version,
				questionnaires.questions(version));
	}

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

	public FormPass formPass(PublicSurvey survey, String deviceCookie) {
		Optional<UUID> known = tokens.device(deviceCookie);
		UUID device = known.orElseGet(tokens::newDevice);
		return new FormPass(tokens.formToken(survey.surveyId(), device, Instant.now(clock)),
				known.isPresent() ? null : tokens.deviceCookie(device));
	}

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
}
