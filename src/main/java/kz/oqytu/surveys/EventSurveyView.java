package kz.oqytu.surveys;

import java.time.LocalDateTime;

/** An event's survey as the methodologist sees it. */
public record EventSurveyView(long id, long eventId, SurveyKind kind, String token, String shortCode, String url,
		LocalDateTime opensAt, LocalDateTime closesAt, boolean windowManual, SurveyState state, long responses,
		long flagged, long attendance, int version) {

	/** Responses / attendance, as a truncated percentage; null without attendance. */
	public kz.oqytu.shared.Percent responseRate() {
		return kz.oqytu.shared.Percent.of(responses - flagged, attendance).orElse(null);
	}

	/** More counted answers than participants recorded: the rate never stands without a warning. */
	public boolean overAttendance() {
		return attendance > 0 && responses - flagged > attendance;
	}
}
