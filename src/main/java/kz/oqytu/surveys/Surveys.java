package kz.oqytu.surveys;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.oqytu.accounts.CurrentUser;

/**
 * The surveys module's API: event surveys for staff (scope-checked), and the public side (by token,
 * no account).
 */
public interface Surveys {

	/** The event's surveys (after the event, follow-up), created on first use. */
	List<EventSurveyView> forEvent(CurrentUser user, long eventId);

	EventSurveyView one(CurrentUser user, long eventId, SurveyKind kind);

	/**
	 * The survey's public address (what its QR code holds), read without counting its responses;
	 * the event's surveys are created when they do not exist yet.
	 */
	String url(CurrentUser user, long eventId, SurveyKind kind);

	/**
	 * The staff download of the survey's QR code: its address and its event's day and title, after the
	 * same scope check as {@link #url}. The check is made on every call; what it reads (the event's
	 * organizer, the survey's token, the title) is remembered for a few seconds (decision 0041).
	 */
	QrDownload qrDownload(CurrentUser user, long eventId, SurveyKind kind);

	/** Opens the survey now (e.g. early, before the event starts), keeping its closing time. */
	void openNow(CurrentUser user, long eventId, SurveyKind kind);

	void closeNow(CurrentUser user, long eventId, SurveyKind kind);

	void setWindow(CurrentUser user, long eventId, SurveyKind kind, LocalDateTime opensAt, LocalDateTime closesAt);

	/**
	 * Records responses typed in from paper questionnaires (or loaded as demo data): each validated
	 * like the public form, all or nothing, whatever the survey's window. Returns how many.
	 */
	default int recordResponses(CurrentUser user, long eventId, SurveyKind kind, List<Map<String, List<String>>> answers) {
		return recordResponses(user, eventId, kind, answers, ResponseSource.PAPER);
	}

	/** As {@link #recordResponses(CurrentUser, long, SurveyKind, List)}, marked as coming from {@code source}. */
	int recordResponses(CurrentUser user, long eventId, SurveyKind kind, List<Map<String, List<String>>> answers,
			ResponseSource source);

	/**
	 * The survey's paper questionnaire (issue #20): its questions and the sheets typed in so far, for a
	 * writer whose scope covers the event.
	 */
	PaperForm paperForm(CurrentUser user, long eventId, SurveyKind kind);

	/**
	 * Stores one paper sheet as typed by staff, through the same insert (and triggers) as every response,
	 * marked {@link ResponseSource#PAPER}: ratings as digits, a choice as its option's number (1 first),
	 * several choices as numbers separated by spaces or commas, texts as they are. Validated like the
	 * public form, whatever the survey's window and without the public limits; with errors nothing is
	 * stored. A {@code sheetKey} (UUID) sent twice stores the sheet once.
	 */
	PaperEntry enterPaper(CurrentUser user, long eventId, SurveyKind kind, Map<String, String> typed, String sheetKey);

	// ---- public

	Optional<PublicSurvey> byToken(String token);

	/**
	 * What the survey link with this token shows now: a post-event link leads to whichever survey of
	 * its event is open (post-event, then the follow-up) or to the next to open; a follow-up link to
	 * the follow-up. {@code answered} when the device of the cookie (if signed by this server) has
	 * answered the survey shown. Empty for an unknown token.
	 */
	Optional<SurveyLink> link(String token, String deviceCookie);

	/**
	 * The public address of the survey with this token, when there is one: what its QR code holds.
	 * A token never changes once issued, so known ones are remembered and cost no statement.
	 */
	Optional<String> urlOfToken(String token);

	/** The token behind a typed short code (any case, spaces and dashes ignored). */
	Optional<String> tokenForCode(String code);

	/**
	 * The one-time token for a form about to be shown, bound to the survey and to the device of the
	 * cookie sent (a device cookie not signed by this server is ignored and a new device issued).
	 */
	FormPass formPass(PublicSurvey survey, String deviceCookie);

	/**
	 * Stores one response for the device the form was issued to, or says why not. The form token is
	 * verified and used up with the answer; the answer is flagged when it looks made by a script
	 * ({@link FlagReason}). The survey is read in the same transaction; an unknown token is a
	 * {@code NotFoundException}.
	 */
	SubmitResult submit(String token, Submission submission);

	/** Primary organizations of the survey's region by name, for the optional organization question. */
	List<String> organizationNames(String token, String text);
}
