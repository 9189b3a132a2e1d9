package kz.oqytu.surveys.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import kz.oqytu.surveys.PaperEntry;
import kz.oqytu.surveys.PaperForm;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.TrainingEvents;

/**
 * Paper questionnaires (issue #20): the printed sheet of an event's survey, and the methodologist's
 * keyboard-only entry of filled sheets, one after another.
 */
@Controller
@RequestMapping("/events/{id:\\d+}/survey")
class PaperQuestionnaireController {

	private static final Locale KAZAKH = Locale.forLanguageTag("kk");

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private final Surveys surveys;

	private final TrainingEvents events;

	private final Templates templates;

	private final PdfRenderer pdf;

	PaperQuestionnaireController(Surveys surveys, TrainingEvents events, Templates templates, PdfRenderer pdf) {
		this.surveys = surveys;
		this.events = events;
		this.templates = templates;
		this.pdf = pdf;
	}

	/** The next empty sheet, the first question focused. */
	@GetMapping("/paper")
	@TrainingWriter
	String entry(@SignedIn CurrentUser me, @PathVariable long id,
			@RequestParam(defaultValue = "POST_EVENT") SurveyKind kind, Model model) {
		model.addAttribute("values", Map.of());
		model.addAttribute("errors", Map.of());
		return entryPage(me, id, kind, surveys.paperForm(me, id, kind), model);
	}

	/** One typed sheet: stored and the next empty one shown, or shown again with its errors, nothing stored. */
	@PostMapping("/paper")
	@TrainingWriter
	String enter(@SignedIn CurrentUser me, @PathVariable long id,
			@RequestParam(defaultValue = "POST_EVENT") SurveyKind kind,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Map<String, String> typed = new HashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("q_")) {
				typed.put(k, v);
			}
		});
		PaperEntry result = surveys.enterPaper(me, id, kind, typed, params.get("_sheet"));
		if (result.stored()) {
			redirect.addFlashAttribute("flash", "surveys.paper.saved");
			return "redirect:/events/" + id + "/survey/paper?kind=" + kind;
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("values", typed);
		model.addAttribute("errors", result.errors());
		model.addAttribute("sheetKey", params.get("_sheet"));
		PaperForm form = surveys.paperForm(me, id, kind);
		return entryPage(me, id, kind, new PaperForm(form.survey(), result.entered()), model);
	}

	private String entryPage(CurrentUser me, long id, SurveyKind kind, PaperForm form, Model model) {
		EventDetails event = events.details(me, id);
		model.addAttribute("event", event);
		model.addAttribute("kind", kind);
		model.addAttribute("survey", form.survey());
		model.addAttribute("entered", form.entered());
		if (!model.containsAttribute("sheetKey") || model.getAttribute("sheetKey") == null) {
			model.addAttribute("sheetKey", UUID.randomUUID().toString());
		}
		return "surveys/paper-entry";
	}

	/**
	 * The printable questionnaire as a PDF, in Kazakh or Russian ({@code lang}); without a choice in the
	 * page's language when that is one of the two, else Kazakh (the union's default language).
	 */
	@GetMapping("/paper.pdf")
	@StaffOnly
	ResponseEntity<byte[]> sheet(@SignedIn CurrentUser me, @PathVariable long id,
			@RequestParam(defaultValue = "POST_EVENT") SurveyKind kind,
			@RequestParam(required = false) String lang, Locale locale) {
		Locale language = language(lang, locale);
		PaperForm form = surveys.paperForm(me, id, kind);
		EventDetails event = events.details(me, id);
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("survey", form.survey());
		byte[] body = pdf.render(templates.render("surveys/paper-pdf", language, model));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, DownloadNames.contentDisposition("attachment",
					event.startsAt().toLocalDate(), event.title(language),
					(kind == SurveyKind.POST_EVENT ? "paper " : "paper follow-up ") + language.getLanguage(), "pdf"))
			.body(body);
	}

	static Locale language(String lang, Locale locale) {
		String chosen = lang != null ? lang : locale.getLanguage();
		return "ru".equalsIgnoreCase(chosen) ? RUSSIAN : KAZAKH;
	}
}
