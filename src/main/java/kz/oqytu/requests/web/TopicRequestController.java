package kz.oqytu.requests.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;

import jakarta.validation.Valid;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.AnyAccount;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.plans.PlanItemRef;
import kz.oqytu.plans.Plans;
import kz.oqytu.requests.CampaignAnswers;
import kz.oqytu.requests.RequestCriteria;
import kz.oqytu.requests.RequestStatus;
import kz.oqytu.requests.RequestView;
import kz.oqytu.requests.TopicRequests;
import kz.oqytu.shared.web.Forms;
import kz.oqytu.shared.web.OnRuleBroken;
import kz.oqytu.surveys.SurveyResults;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;

/**
 * Topic requests: a chair's own (submit, change, withdraw, see the decision), the staff's list
 * with the methodologist's decisions, the demand beside the survey wishes, and request campaigns.
 */
@Controller
@RequestMapping("/requests")
class TopicRequestController {

	private final TopicRequests requests;

	private final Plans plans;

	private final TrainingEvents events;

	private final TrainingCatalog catalog;

	private final Organizations organizations;

	private final SurveyResults surveys;

	private final Clock clock;

	TopicRequestController(TopicRequests requests, Plans plans, TrainingEvents events, TrainingCatalog catalog,
			Organizations organizations, SurveyResults surveys, Clock clock) {
		this.clock = clock;
		this.requests = requests;
		this.plans = plans;
		this.events = events;
		this.catalog = catalog;
		this.organizations = organizations;
		this.surveys = surveys;
	}

	@GetMapping
	@AnyAccount
	String list(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) RequestStatus status,
			@RequestParam(required = false) Long district, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String category, @RequestParam(defaultValue = "0") int page, Model model) {
		reference(model);
		if (me.is(Role.CHAIR)) {
			model.addAttribute("requests", requests.mine(me));
			model.addAttribute("campaigns", requests.openCampaigns(me));
			return "requests/requests-mine";
		}
		RequestCriteria criteria = new RequestCriteria(year, status, district, topic, category, page,
				RequestCriteria.DEFAULT_SIZE);
		model.addAttribute("criteria", criteria);
		model.addAttribute("result", requests.search(me, criteria));
		model.addAttribute("years", requests.years(me));
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("committees", organizations.committees(me));
		return "requests/requests";
	}

	@GetMapping("/new")
	@AnyAccount
	String newRequest(@SignedIn CurrentUser me, Model model) {
		requireChair(me);
		model.addAttribute("form", RequestForm.empty(RequestForm.defaultYear(LocalDate.now(clock))));
		return form(null, model);
	}

	@PostMapping("/new")
	@AnyAccount
	String submit(@SignedIn CurrentUser me, @Valid @ModelAttribute("form") RequestForm form, BindingResult result,
			Model model,
			RedirectAttributes redirect) {
		requireChair(me);
		return Forms.submit(result, () -> {
			requests.submit(me, me.scopeUnitId(), form.command());
			redirect.addFlashAttribute("flash", "requests.flash.submitted");
			return "redirect:/requests";
		}, () -> form(null, model));
	}

	@GetMapping("/{id:\\d+}")
	@AnyAccount
	String show(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		RequestView request = requests.request(me, id);
		model.addAttribute("topicRequest", request);
		if (me.writesTraining()) {
			if (!model.containsAttribute("decision")) {
				model.addAttribute("decision", DecisionForm.of(request));
			}
			decisionOptions(me, request, model);
		}
		reference(model);
		return "requests/request";
	}

	@PostMapping("/{id:\\d+}/decision")
	@TrainingWriter
	String decide(@SignedIn CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("decision") DecisionForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		return Forms.submit(result, () -> {
			requests.decide(me, id, form.version() == null ? -1 : form.version(),
					form.decision());
			redirect.addFlashAttribute("flash", "requests.flash.decided");
			return "redirect:/requests/" + id;
		}, () -> show(me, id, model));
	}

	@GetMapping("/{id:\\d+}/edit")
	@AnyAccount
	String edit(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		RequestView request = requests.request(requireChair(me), id);
		model.addAttribute("form", RequestForm.of(request));
		return form(request, model);
	}

	@PostMapping("/{id:\\d+}/edit")
	@AnyAccount
	String update(@SignedIn CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") RequestForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		requireChair(me);
		RequestView request = requests.request(me, id);
		return Forms.submit(result, () -> {
			requests.update(me, id, form.version() == null ? -1 : form.version(), form.command());
			redirect.addFlashAttribute("flash", "requests.flash.saved");
			return "redirect:/requests/" + id;
		}, () -> form(request, model));
	}

	@PostMapping("/{id:\\d+}/withdraw")
	@OnRuleBroken(redirect = "/requests/{id}")
	@AnyAccount
	String withdraw(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		requests.withdraw(requireChair(me), id, version);
		redirect.addFlashAttribute("flash", "requests.flash.withdrawn");
		return "redirect:/requests";
	}

	@GetMapping("/demand")
	@StaffOnly
	String demand(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer surveyYear,
			Model model) {
		List<Integer> years = requests.years(me);
		int y = year != null && year >= 2000 && year <= LocalDate.now(clock).getYear() + 2 ? year : RequestForm.defaultYear(LocalDate.now(clock));
		List<Integer> surveyYears = surveys.years(me);
		// The wishes of the surveys before the plan year are what its requests should be read beside.
		int sy = surveyYear != null && surveyYears.contains(surveyYear) ? surveyYear
				: surveyYears.stream().filter(s -> s < y).findFirst()
					.orElse(surveyYears.isEmpty() ? y - 1 : surveyYears.get(0));
		model.addAttribute("year", y);
		model.addAttribute("years", years);
		model.addAttribute("surveyYear", sy);
		model.addAttribute("surveyYears", surveyYears);
		model.addAttribute("demand", requests.demand(me, y));
		model.addAttribute("wishes", surveys.demand(me, sy));
		model.addAttribute("otherTexts", surveys.otherTopics(me, sy));
		model.addAttribute("committees", organizations.committees(me));
		reference(model);
		return "requests/demand";
	}

	// ---- campaigns

	@GetMapping("/campaigns")
	@StaffOnly
	String campaigns(@SignedIn CurrentUser me, Model model) {
		model.addAttribute("campaigns", requests.campaigns(me));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", CampaignForm.empty(LocalDate.now(clock)));
		}
		model.addAttribute("today", LocalDate.now(clock));
		return "requests/campaigns";
	}

	@PostMapping("/campaigns")
	@TrainingWriter
	String openCampaign(@SignedIn CurrentUser me, @Valid @ModelAttribute("form") CampaignForm form,
			BindingResult result, Model model,
			RedirectAttributes redirect) {
		return Forms.submit(result, () -> {
			long id = requests.openCampaign(me, form.command());
			redirect.addFlashAttribute("flash", "requests.flash.campaignOpened");
			return "redirect:/requests/campaigns/" + id;
		}, () -> campaigns(me, model));
	}

	@GetMapping("/campaigns/{id:\\d+}")
	@StaffOnly
	String campaign(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long district,
			Model model) {
		CampaignAnswers answers = requests.campaign(me, id);
		model.addAttribute("answers", answers);
		model.addAttribute("district", district);
		model.addAttribute("today", LocalDate.now(clock));
		return "requests/campaign";
	}

	@GetMapping("/campaigns/{id:\\d+}/edit")
	@TrainingWriter
	String editCampaign(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		CampaignAnswers answers = requests.campaign(me, id);
		model.addAttribute("campaign", answers.campaign());
		model.addAttribute("form", CampaignForm.of(answers.campaign()));
		return "requests/campaign-form";
	}

	@PostMapping("/campaigns/{id:\\d+}/edit")
	@TrainingWriter
	String updateCampaign(@SignedIn CurrentUser me, @PathVariable long id,
			@Valid @ModelAttribute("form") CampaignForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CampaignAnswers answers = requests.campaign(me, id);
		return Forms.submit(result, () -> {
			requests.updateCampaign(me, id, form.version() == null ? -1 : form.version(),
					form.command());
			redirect.addFlashAttribute("flash", "requests.flash.campaignSaved");
			return "redirect:/requests/campaigns/" + id;
		}, () -> {
			model.addAttribute("campaign", answers.campaign());
			return "requests/campaign-form";
		});
	}

	// ---- helpers

	private String form(RequestView request, Model model) {
		model.addAttribute("topicRequest", request);
		int thisYear = LocalDate.now(clock).getYear();
		model.addAttribute("requestYears", List.of(thisYear, thisYear + 1, thisYear + 2));
		reference(model);
		return "requests/request-form";
	}

	/** Plan items of the request's year and the next, and the held events of its year, for the decision. */
	private void decisionOptions(CurrentUser me, RequestView request, Model model) {
		List<PlanItemRef> items = new ArrayList<>(plans.itemOptions(me, request.year()));
		items.addAll(plans.itemOptions(me, request.year() + 1));
		model.addAttribute("itemOptions", items);
		model.addAttribute("eventOptions", events.search(me, new EventCriteria(request.year(), null, null, null, null,
				EventStatus.HELD, null, null, EventCriteria.Sort.DATE, false, 0, EventCriteria.MAX_SIZE)).getContent());
		model.addAttribute("statuses", RequestStatus.values());
	}

	private static CurrentUser requireChair(CurrentUser me) {
		if (!me.is(Role.CHAIR)) {
			throw new AccessDeniedException("requests are submitted by a primary organization's chair");
		}
		return me;
	}

	private void reference(Model model) {
		model.addAttribute("forms", catalog.forms());
		model.addAttribute("topics", catalog.topics());
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("formByCode", kz.oqytu.training.TrainingCatalog.byCode(catalog.forms()));
		model.addAttribute("topicByCode", kz.oqytu.training.TrainingCatalog.byCode(catalog.topics()));
		model.addAttribute("categoryByCode", kz.oqytu.training.TrainingCatalog.byCode(catalog.categories()));
	}
}
