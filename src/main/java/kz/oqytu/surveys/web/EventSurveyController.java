package kz.oqytu.surveys.web;

import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.shared.pdf.PdfRenderer;
import kz.oqytu.shared.pdf.Templates;
import kz.oqytu.shared.web.OnRuleBroken;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.QrCodes;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.TrainingEvents;

/** An event's surveys for the methodologist: QR code, handout, window, responses. */
@Controller
@RequestMapping("/events/{id:\\d+}")
class EventSurveyController {

	private final Surveys surveys;

	private final QrCodes qr;

	private final TrainingEvents events;

	private final Templates templates;

	private final PdfRenderer pdf;

	EventSurveyController(Surveys surveys, QrCodes qr, TrainingEvents events, Templates templates, PdfRenderer pdf) {
		this.surveys = surveys;
		this.qr = qr;
		this.events = events;
		this.templates = templates;
		this.pdf = pdf;
	}

	@GetMapping("/survey")
	@StaffOnly
	String page(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		EventDetails event = events.details(me, id);
		model.addAttribute("event", event);
		model.addAttribute("surveys", surveys.forEvent(me, id));
		return "surveys/event-survey";
	}

	/** The survey box on the event page, loaded by htmx. */
	@GetMapping("/survey-panel")
	@StaffOnly
	String panel(@SignedIn CurrentUser me, @PathVariable long id, Model model, Locale locale) {
		model.addAttribute("eventId", id);
		model.addAttribute("eventTitle", events.details(me, id).title(locale));
		model.addAttribute("surveys", surveys.forEvent(me, id));
		return "surveys/panel :: panel";
	}

	/** The QR code as a download named by the event's date and title (issue 19), not {@code qr.png}. */
	@GetMapping(value = "/survey/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@StaffOnly
	ResponseEntity<byte[]> png(@SignedIn CurrentUser me, @PathVariable long id,
			@RequestParam(defaultValue = "POST_EVENT") SurveyKind kind,
			@RequestParam(required = false) Integer size, Locale locale) {
		// the survey's address and the event's date and title after the scope check, read at most every few
		// seconds per event (decision 0041); the full event details took about ten statements (issue #17 S6)
		kz.oqytu.surveys.QrDownload download = surveys.qrDownload(me, id, kind);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION, qrDisposition(download.day(), download.title(locale), suffix(kind, "QR")))
			.body(qr.png(download.url(), QrCodes.boundedSize(size)));
	}

	/** The QR download's Content-Disposition by day, title and suffix: a pure function of them, remembered. */
	private final kz.oqytu.shared.BoundedCache<String, String> qrDispositions = new kz.oqytu.shared.BoundedCache<>(2_000);

	private String qrDisposition(java.time.LocalDate day, String title, String suffix) {
		// the name's clean-up and transliteration run a dozen regular expressions: once per name (decision 0041)
		return qrDispositions.get(day + "\n" + title + "\n" + suffix,
				k -> DownloadNames.contentDisposition("attachment", day, title, suffix, "png"));
	}

	@GetMapping(value = "/survey/qr.svg", produces = "image/svg+xml")
	@StaffOnly
	ResponseEntity<String> svg(@SignedIn CurrentUser me, @PathVariable long id,
			@RequestParam(defaultValue = "POST_EVENT") SurveyKind kind,
			Locale locale) {
		EventDetails event = events.details(me, id);
		EventSurveyView survey = surveys.one(me, id, kind);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("image/svg+xml"))
			.header(HttpHeaders.CONTENT_DISPOSITION, DownloadNames.contentDisposition("inline",
					event.startsAt().toLocalDate(), event.title(locale), suffix(kind, "QR"), "svg"))
			.body(qr.svg(survey.url()));
	}

	/** The follow-up survey's downloads say so in their names; the post-event survey's are the usual ones. */
	private static String suffix(SurveyKind kind, String what) {
		return kind == SurveyKind.POST_EVENT ? what : what + " follow-up";
	}

	/** The A4 handout as a print page. */
	@GetMapping("/survey/handout")
	@StaffOnly
	String handout(@SignedIn CurrentUser me, @PathVariable long id,
			@RequestParam(defaultValue = "POST_EVENT") SurveyKind kind, Model model) {
		handoutModel(me, id, kind).forEach(model::addAttribute);
		return "surveys/handout";
	}

	/** The handout as a PDF on A4 (default) or A5 paper, named by the event's date and title. */
	@GetMapping("/survey/handout.pdf")
	@StaffOnly
	ResponseEntity<byte[]> handoutPdf(@SignedIn CurrentUser me, @PathVariable long id,
			@RequestParam(defaultValue = "POST_EVENT") SurveyKind kind,
			@RequestParam(defaultValue = "A4") String paper, Locale locale) {
		String size = "A5".equalsIgnoreCase(paper) ? "A5" : "A4";
		Map<String, Object> model = handoutModel(me, id, kind);
		EventSurveyView survey = (EventSurveyView) model.get("survey");
		EventDetails event = (EventDetails) model.get("event");
		model.put("paper", size);
		model.put("qrDataUri", "data:image/png;base64,"
				+ Base64.getEncoder().encodeToString(qr.png(survey.url(), 800)));
		byte[] body = pdf.render(templates.render("surveys/handout-pdf", locale, model));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, DownloadNames.contentDisposition("attachment",
					event.startsAt().toLocalDate(), event.title(locale), suffix(kind, size), "pdf"))
			.body(body);
	}

	private Map<String, Object> handoutModel(CurrentUser me, long id, SurveyKind kind) {
		Map<String, Object> model = new java.util.HashMap<>();
		model.put("event", events.details(me, id));
		model.put("survey", surveys.one(me, id, kind));
		return model;
	}

	@PostMapping("/survey/open")
	@TrainingWriter
	String open(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam SurveyKind kind,
			RedirectAttributes redirect) {
		surveys.openNow(me, id, kind);
		redirect.addFlashAttribute("flash", "surveys.flash.opened");
		return "redirect:/events/" + id + "/survey";
	}

	@PostMapping("/survey/close")
	@TrainingWriter
	String close(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam SurveyKind kind,
			RedirectAttributes redirect) {
		surveys.closeNow(me, id, kind);
		redirect.addFlashAttribute("flash", "surveys.flash.closed");
		return "redirect:/events/" + id + "/survey";
	}

	@PostMapping("/survey/window")
	@OnRuleBroken(redirect = "/events/{id}/survey")
	@TrainingWriter
	String window(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam SurveyKind kind,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime opensAt,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime closesAt,
			RedirectAttributes redirect) {
		surveys.setWindow(me, id, kind, opensAt, closesAt);
		redirect.addFlashAttribute("flash", "surveys.flash.windowSaved");
		return "redirect:/events/" + id + "/survey";
	}
}
