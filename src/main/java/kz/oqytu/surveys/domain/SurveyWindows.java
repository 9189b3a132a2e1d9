package kz.oqytu.surveys.domain;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.shared.ConflictException;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.SurveyState;
import kz.oqytu.training.EventScheduled;
import kz.oqytu.training.EventStatus;

/**
 * Owns each event's two surveys and their answering windows: creates them with the event (and on first
 * use), moves the default windows with the event's dates, keeps a window set by hand, and says whether a
 * survey is open now.
 */
@Component
class SurveyWindows {

	private final JdbcClient jdbc;

	private final SurveyProperties properties;

	private final Clock clock;

	SurveyWindows(JdbcClient jdbc, SurveyProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

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

	/** Creates the event's surveys that do not exist yet, each with its default window. */
	void create(long eventId, LocalDateTime startsAt, LocalDateTime endsAt) {
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

	/** How long a survey of the kind stays open from when it opens: the configured window. */
	java.time.Duration openFor(SurveyKind kind) {
		return kind == SurveyKind.FOLLOW_UP ? java.time.Duration.ofDays(properties.followUpOpenDays())
				: properties.postEventOpenFor();
	}

	/** Sets a survey's window by hand; a survey changed since it was read is a conflict. */
	void updateWindow(EventSurveyView survey, LocalDateTime opens, LocalDateTime closes) {
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

	/** A survey's state now, from its window and its event's status. */
	SurveyState state(LocalDateTime opens, LocalDateTime closes, EventStatus status) {
		LocalDateTime now = now();
		if (status == EventStatus.CANCELLED || !now.isBefore(closes)) {
			return SurveyState.CLOSED;
		}
		return now.isBefore(opens) ? SurveyState.NOT_YET_OPEN : SurveyState.OPEN;
	}

	LocalDateTime now() {
		return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
	}
}
