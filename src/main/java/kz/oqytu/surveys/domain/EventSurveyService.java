package kz.oqytu.surveys.domain;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.FormPass;
import kz.oqytu.surveys.PaperEntry;
import kz.oqytu.surveys.PaperForm;
import kz.oqytu.surveys.PublicSurvey;
import kz.oqytu.surveys.QrDownload;
import kz.oqytu.surveys.ResponseSource;
import kz.oqytu.surveys.SubmitResult;
import kz.oqytu.surveys.Submission;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.SurveyLink;
import kz.oqytu.surveys.Surveys;

/**
 * The module's {@link Surveys} for other modules and the web layer: hands each call to the service that
 * owns it (the staff's panel, the QR downloads, the public side, the public answers, the paper ones). Transactions are theirs.
 */
@Service
class EventSurveyService implements Surveys {

	private final EventSurveyPanel panel;

	private final SurveyQrDownloads qrDownloads;

	private final PublicSurveys publicSurveys;

	private final SurveyAnswers answers;

	private final PaperAnswers paper;

	EventSurveyService(EventSurveyPanel panel, SurveyQrDownloads qrDownloads, PublicSurveys publicSurveys,
			SurveyAnswers answers, PaperAnswers paper) {
		this.panel = panel;
		this.qrDownloads = qrDownloads;
		this.publicSurveys = publicSurveys;
		this.answers = answers;
		this.paper = paper;
	}

	// ---- staff

	@Override
	public List<EventSurveyView> forEvent(CurrentUser user, long eventId) {
		return panel.forEvent(user, eventId);
	}

	@Override
	public EventSurveyView one(CurrentUser user, long eventId, SurveyKind kind) {
		return panel.one(user, eventId, kind);
	}

	@Override
	public String url(CurrentUser user, long eventId, SurveyKind kind) {
		return panel.url(user, eventId, kind);
	}

	@Override
	public QrDownload qrDownload(CurrentUser user, long eventId, SurveyKind kind) {
		return qrDownloads.qrDownload(user, eventId, kind);
	}

	@Override
	public void openNow(CurrentUser user, long eventId, SurveyKind kind) {
		panel.openNow(user, eventId, kind);
	}

	@Override
	public void closeNow(CurrentUser user, long eventId, SurveyKind kind) {
		panel.closeNow(user, eventId, kind);
	}

	@Override
	public void setWindow(CurrentUser user, long eventId, SurveyKind kind, LocalDateTime opensAt,
			LocalDateTime closesAt) {
		panel.setWindow(user, eventId, kind, opensAt, closesAt);
	}

	@Override
	public int recordResponses(CurrentUser user, long eventId, SurveyKind kind,
			List<Map<String, List<String>>> responses, ResponseSource source) {
		return paper.recordResponses(user, eventId, kind, responses, source);
	}

	@Override
	public PaperForm paperForm(CurrentUser user, long eventId, SurveyKind kind) {
		return paper.paperForm(user, eventId, kind);
	}

	@Override
	public PaperEntry enterPaper(CurrentUser user, long eventId, SurveyKind kind, Map<String, String> typed,
			String sheetKey) {
		return paper.enterPaper(user, eventId, kind, typed, sheetKey);
	}

	// ---- public

	@Override
	public Optional<PublicSurvey> byToken(String token) {
		return publicSurveys.byToken(token);
	}

	@Override
	public Optional<SurveyLink> link(String token, String deviceCookie) {
		return publicSurveys.link(token, deviceCookie);
	}

	@Override
	public Optional<String> urlOfToken(String token) {
		return publicSurveys.urlOfToken(token);
	}

	@Override
	public Optional<String> tokenForCode(String code) {
		return publicSurveys.tokenForCode(code);
	}

	@Override
	public FormPass formPass(PublicSurvey survey, String deviceCookie) {
		return publicSurveys.formPass(survey, deviceCookie);
	}

	@Override
	public SubmitResult submit(String token, Submission submission) {
		return answers.submit(token, submission);
	}

	@Override
	public List<String> organizationNames(String token, String text) {
		return publicSurveys.organizationNames(token, text);
	}
}
