package kz.oqytu.surveys.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.surveys.SurveyResults;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;
import java.time.Clock;

/** Survey results: one event's (with the follow-up beside), across events, and the demand for topics. */
@Controller
@StaffOnly
class SurveyResultsController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final SurveyResults results;

	private final TrainingEvents events;

	private final TrainingCatalog catalog;

	private final Organizations organizations;

	private final Clock clock;

	SurveyResultsController(SurveyResults results, TrainingEvents events, TrainingCatalog catalog,
			Organizations organizations, Clock clock) {
		this.clock = clock;
		this.results = results;
		this.events = events;
		this.catalog = catalog;
		this.organizations = organizations;
	}

	/** {@code flagged=true} includes the answers flagged as suspicious; they are left out by default. */
	@GetMapping("/events/{id:\\d+}/survey/results")
	String event(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam(defaultValue = "false") boolean flagged,
			Model model) {
		model.addAttribute("event", events.details(me, id));
		model.addAttribute("results", results.forEvent(me, id, flagged));
		model.addAttribute("flaggedIncluded", flagged);
		model.addAttribute("topicByCode", TrainingCatalog.byCode(catalog.topics()));
		return "surveys/event-results";
	}

	@GetMapping("/events/{id:\\d+}/survey/results.xlsx")
	ResponseEntity<byte[]> eventWorkbook(@SignedIn CurrentUser me, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean flagged,
			Locale locale) {
		byte[] body = results.eventWorkbook(me, id, locale, flagged);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("oqytu-survey-results-" + id + ".xlsx").build().toString())
			.body(body);
	}

	@GetMapping("/surveys/results")
	String overview(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String form,
			@RequestParam(required = false) String topic, @RequestParam(required = false) Long district,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<Integer> years = results.years(me);
		int y = year != null && year >= 2000 && year <= LocalDate.now(clock).getYear() + 1 ? year
				: years.isEmpty() ? LocalDate.now(clock).getYear() : years.get(0);
		String f = form == null || form.isBlank() || catalog.form(form).isEmpty() ? null : form;
		String t = topic == null || topic.isBlank() || catalog.topic(topic).isEmpty() ? null : topic;
		model.addAttribute("year", y);
		model.addAttribute("years", years);
		model.addAttribute("form", f);
		model.addAttribute("topic", t);
		model.addAttribute("district", district);
		model.addAttribute("forms", catalog.forms());
		model.addAttribute("topics", catalog.topics());
		model.addAttribute("committees", organizations.committees(me));
		model.addAttribute("overview", results.overview(me, y, f, t, district, Math.max(0, Math.min(page, 100_000))));
		model.addAttribute("paperShare", results.paperShare(me, y, f, t, district));
		model.addAttribute("pagerBase", "/surveys/results?year=" + y + "&form=" + (f == null ? "" : f) + "&topic="
				+ (t == null ? "" : t) + "&district=" + (district == null ? "" : district) + "&");
		return "surveys/overview";
	}

	/** The year's free texts under the topic "other", grouped, with the topic each is mapped to. */
	@GetMapping("/surveys/other-topics")
	String otherTopics(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year, Model model) {
		int y = year(me, year);
		model.addAttribute("year", y);
		model.addAttribute("years", results.years(me));
		model.addAttribute("texts", results.otherTopics(me, y));
		model.addAttribute("topics", catalog.topics().stream().filter(t -> !"OTHER".equals(t.code())).toList());
		model.addAttribute("topicByCode", TrainingCatalog.byCode(catalog.topics()));
		model.addAttribute("writer", me.writesTraining());
		return "surveys/other-topics";
	}

	@PostMapping("/surveys/other-topics/map")
	@TrainingWriter
	String map(@SignedIn CurrentUser me, @RequestParam(required = false) String text,
			@RequestParam(required = false) String topic,
			@RequestParam(required = false) Integer year, RedirectAttributes redirect) {
		try {
			results.mapOtherTopic(me, text, topic);
			redirect.addFlashAttribute("flash", "surveys.otherTopics.flash.mapped");
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
		}
		return back(year, redirect);
	}

	@PostMapping("/surveys/other-topics/unmap")
	@TrainingWriter
	String unmap(@SignedIn CurrentUser me, @RequestParam(required = false) String text,
			@RequestParam(required = false) Integer year,
			RedirectAttributes redirect) {
		try {
			results.unmapOtherTopic(me, text);
			redirect.addFlashAttribute("flash", "surveys.otherTopics.flash.unmapped");
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
		}
		return back(year, redirect);
	}

	private static String back(Integer year, RedirectAttributes redirect) {
		if (year != null && year >= 2000 && year <= 2999) {
			redirect.addAttribute("year", year);
		}
		return "redirect:/surveys/other-topics";
	}

	private int year(CurrentUser me, Integer year) {
		List<Integer> years = results.years(me);
		return year != null && year >= 2000 && year <= LocalDate.now(clock).getYear() + 1 ? year
				: years.isEmpty() ? LocalDate.now(clock).getYear() : years.get(0);
	}

	@GetMapping("/surveys/demand")
	String demand(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year, Model model) {
		List<Integer> years = results.years(me);
		int y = year != null && year >= 2000 && year <= LocalDate.now(clock).getYear() + 1 ? year
				: years.isEmpty() ? LocalDate.now(clock).getYear() : years.get(0);
		model.addAttribute("year", y);
		model.addAttribute("years", years);
		model.addAttribute("lines", results.demand(me, y));
		model.addAttribute("otherTexts", results.otherTopics(me, y));
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("committees", organizations.committees(me));
		return "surveys/demand";
	}
}
