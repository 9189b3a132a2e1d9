package kz.oqytu.surveys.domain;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.training.EventSummary;
import kz.oqytu.training.TrainingEvents;

/**
 * The staff's side of an event's surveys: the panel's list (with response counts), the survey's public
 * address, and opening, closing or setting a window by hand, each after the role and scope check.
 */
@Service
class EventSurveyPanel {

	private final JdbcClient jdbc;

	private final TrainingEvents events;

	private final SurveyWindows windows;

	private final PublicSurveys publicSurveys;

	/** The surveys through their transactional proxy, for the rare write inside a read. */
	private final org.springframework.beans.factory.ObjectProvider<Surveys> selfProvider;

	EventSurveyPanel(JdbcClient jdbc, TrainingEvents events, SurveyWindows windows, PublicSurveys publicSurveys,
			org.springframework.beans.factory.ObjectProvider<Surveys> selfProvider) {
		this.jdbc = jdbc;
		this.events = events;
		this.windows = windows;
		this.publicSurveys = publicSurveys;
		this.selfProvider = selfProvider;
	}

	@Transactional
	public List<EventSurveyView> forEvent(CurrentUser user, long eventId) {
		EventSummary event = readable(user, eventId);
		windows.create(eventId, event.startsAt(), event.endsAt());
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
						rs.getString("token"), rs.getString("short_code"), publicSurveys.surveyUrl(rs.getString("token")),
						opens, closes, rs.getBoolean("window_manual"), windows.state(opens, closes, event.status()),
						rs.getLong("responses"), rs.getLong("flagged"), event.participants(), rs.getInt("version"));
			})
			.list();
	}

	@Transactional
	public EventSurveyView one(CurrentUser user, long eventId, SurveyKind kind) {
		return forEvent(user, eventId).stream()
			.filter(s -> s.kind() == kind)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("survey " + kind + " of event " + eventId));
	}

	public String url(CurrentUser user, long eventId, SurveyKind kind) {
		readable(user, eventId);
		return urlOfReadable(user, eventId, kind);
	}

	/** The address of an event's survey the caller may read (checked before). */
	String urlOfReadable(CurrentUser user, long eventId, SurveyKind kind) {
		// Read-only and one short statement in the common case; the first time, as the survey page does.
		return jdbc.sql("select token from event_survey where event_id = :event and kind = :kind")
			.param("event", eventId)
			.param("kind", kind.name())
			.query(String.class)
			.optional()
			.map(publicSurveys::surveyUrl)
			.orElseGet(() -> self().one(user, eventId, kind).url());
	}

	private Surveys self() {
		return selfProvider.getObject();
	}

	@Transactional
	public void openNow(CurrentUser user, long eventId, SurveyKind kind) {
		EventSurveyView survey = writable(user, eventId, kind);
		LocalDateTime now = windows.now();
		LocalDateTime closes = survey.closesAt().isAfter(now) ? survey.closesAt() : now.plus(windows.openFor(kind));
		windows.updateWindow(survey, now, closes);
	}

	@Transactional
	public void closeNow(CurrentUser user, long eventId, SurveyKind kind) {
		EventSurveyView survey = writable(user, eventId, kind);
		LocalDateTime now = windows.now();
		LocalDateTime opens = survey.opensAt().isBefore(now) ? survey.opensAt() : now.minusMinutes(1);
		windows.updateWindow(survey, opens, now);
	}

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
		windows.updateWindow(survey, opensAt, closesAt);
	}

	/** The survey, for a writer whose scope covers its event. */
	EventSurveyView writable(CurrentUser user, long eventId, SurveyKind kind) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
		return one(user, eventId, kind);
	}

	/** The event, for staff whose scope covers it. */
	EventSummary readable(CurrentUser user, long eventId) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
		EventSummary event = events.summary(eventId).orElseThrow(() -> new NotFoundException("event " + eventId));
		if (!user.covers(event.organizerPath())) {
			throw new AccessDeniedException("event " + eventId + " is outside the user's scope");
		}
		return event;
	}
}
