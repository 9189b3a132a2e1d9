package kz.oqytu.plans.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.plans.PlanItemDetails;
import kz.oqytu.plans.PlanPage;
import kz.oqytu.plans.Plans;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.shared.web.Conflicts;
import kz.oqytu.shared.web.Forms;
import kz.oqytu.shared.web.OnRuleBroken;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.EventRow;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;

/** The regional annual plan: years, a year's plan with its execution, items, review, copy, Excel. */
@Controller
@RequestMapping("/plans")
class PlanController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Plans plans;

	private final TrainingEvents events;

	private final TrainingCatalog catalog;

	private final Organizations organizations;

	private final Clock clock;

	private final MessageSource messages;

	PlanController(Plans plans, TrainingEvents events, TrainingCatalog catalog, Organizations organizations, Clock clock,
			MessageSource messages) {
		this.messages = messages;
		this.clock = clock;
		this.plans = plans;
		this.events = events;
		this.catalog = catalog;
		this.organizations = organizations;
	}

	@GetMapping
	@StaffOnly
	String list(@SignedIn CurrentUser me, Model model) {
		model.addAttribute("plans", plans.plans(me));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PlanForm(LocalDate.now(clock).getYear() + 1, null, null));
		}
		return "plans/plans";
	}

	@PostMapping
	@TrainingWriter
	String create(@SignedIn CurrentUser me, @Valid @ModelAttribute("form") PlanForm form, BindingResult result,
			Model model,
			RedirectAttributes redirect) {
		return Forms.submit(result, () -> {
			plans.create(me, form.year(), form.approval());
			redirect.addFlashAttribute("flash", "plans.flash.created");
			redirect.addFlashAttribute("flashArgs", new Object[] { form.year() });
			return "redirect:/plans/" + form.year();
		}, () -> list(me, model));
	}

	@GetMapping("/{year:\\d{4}}")
	@StaffOnly
	String plan(@SignedIn CurrentUser me, @PathVariable int year, Model model) {
		requireValidYear(year);
		Optional<PlanPage> page = plans.page(me, year);
		model.addAttribute("year", year);
		model.addAttribute("page", page.orElse(null));
		if (page.isPresent() && !model.containsAttribute("approvalForm")) {
			model.addAttribute("approvalForm", ApprovalForm.of(page.get().plan()));
		}
		if (page.isEmpty() && !model.containsAttribute("form")) {
			model.addAttribute("form", new PlanForm(year, null, null));
		}
		reference(model);
		return "plans/plan";
	}

	@GetMapping("/{year:\\d{4}}.xlsx")
	@StaffOnly
	ResponseEntity<byte[]> export(@SignedIn CurrentUser me, @PathVariable int year, Locale locale) {
		requireValidYear(year);
		byte[] body = plans.workbook(me, year, locale);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("oqytu-plan-" + year + ".xlsx").build().toString())
			.body(body);
	}

	@PostMapping("/{year:\\d{4}}/approval")
	@TrainingWriter
	String approve(@SignedIn CurrentUser me, @PathVariable int year,
			@Valid @ModelAttribute("approvalForm") ApprovalForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return Forms.submit(result, () -> {
			plans.approve(me, year, form.version() == null ? -1 : form.version(), form.approval());
			redirect.addFlashAttribute("flash", "plans.flash.approved");
			return "redirect:/plans/" + year;
		}, () -> {
			model.addAttribute("approvalOpen", true);
			return plan(me, year, model);
		});
	}

	// ---- items

	@GetMapping("/{year:\\d{4}}/items/new")
	@TrainingWriter
	String newItem(@SignedIn CurrentUser me, @PathVariable int year, Model model) {
		requirePlan(me, year);
		model.addAttribute("form", PlanItemForm.empty());
		return itemForm(me, year, null, model);
	}

	@PostMapping("/{year:\\d{4}}/items/new")
	@TrainingWriter
	String addItem(@SignedIn CurrentUser me, @PathVariable int year, @Valid @ModelAttribute("form") PlanItemForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		requirePlan(me, year);
		return Forms.submit(result, () -> {
			long id = plans.addItem(me, year, form.command());
			redirect.addFlashAttribute("flash", "plans.flash.itemAdded");
			return "redirect:/plans/" + year + "/items/" + id;
		}, () -> itemForm(me, year, null, model));
	}

	@GetMapping("/{year:\\d{4}}/items/{id:\\d+}")
	@StaffOnly
	String item(@SignedIn CurrentUser me, @PathVariable int year, @PathVariable long id,
			@RequestParam(required = false) String q,
			@RequestParam(required = false) Integer month, @RequestParam(defaultValue = "0") int page, Model model) {
		PlanItemDetails details = plans.item(me, year, id);
		model.addAttribute("details", details);
		model.addAttribute("item", details.item());
		model.addAttribute("year", year);
		model.addAttribute("q", q);
		model.addAttribute("month", month);
		if (me.writesTraining()) {
			// Events of the plan's year to link, found by title and month; cancelled ones cannot carry an item.
			Page<EventRow> found = events.search(me, new EventCriteria(year, month, null, null, null, null, null, q,
					EventCriteria.Sort.DATE, false, Math.max(page, 0), 20));
			model.addAttribute("found", found);
			model.addAttribute("linkedTo", plans.itemsOfEvents(found.getContent().stream().map(EventRow::id).toList()));
		}
		reference(model);
		return "plans/plan-item";
	}

	@GetMapping("/{year:\\d{4}}/items/{id:\\d+}/edit")
	@TrainingWriter
	String editItem(@SignedIn CurrentUser me, @PathVariable int year, @PathVariable long id, Model model) {
		PlanItemDetails details = plans.item(me, year, id);
		model.addAttribute("form", PlanItemForm.of(details.item()));
		return itemForm(me, year, details, model);
	}

	@PostMapping("/{year:\\d{4}}/items/{id:\\d+}/edit")
	@TrainingWriter
	String updateItem(@SignedIn CurrentUser me, @PathVariable int year, @PathVariable long id,
			@Valid @ModelAttribute("form") PlanItemForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		PlanItemDetails details = plans.item(me, year, id);
		return Forms.submit(result, () -> {
			plans.updateItem(me, year, id, form.version() == null ? -1 : form.version(),
					form.command());
			redirect.addFlashAttribute("flash", "plans.flash.itemSaved");
			return "redirect:/plans/" + year + "/items/" + id;
		}, conflict -> labelled(Conflicts.keepTyped(model, "form", form, PlanItemForm.of(details.item()), response)),
				() -> itemForm(me, year, details, model));
	}

	@PostMapping("/{year:\\d{4}}/items/{id:\\d+}/delete")
	@OnRuleBroken(redirect = "/plans/{year}/items/{id}")
	@TrainingWriter
	String deleteItem(@SignedIn CurrentUser me, @PathVariable int year, @PathVariable long id,
			@RequestParam int version,
			RedirectAttributes redirect) {
		plans.deleteItem(me, year, id, version);
		redirect.addFlashAttribute("flash", "plans.flash.itemDeleted");
		return "redirect:/plans/" + year;
	}

	@PostMapping("/{year:\\d{4}}/items/{id:\\d+}/events")
	@TrainingWriter
	String linkEvent(@SignedIn CurrentUser me, @PathVariable int year, @PathVariable long id,
			@RequestParam long eventId,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer month,
			RedirectAttributes redirect) {
		plans.item(me, year, id);
		try {
			plans.linkEvent(me, id, eventId);
			redirect.addFlashAttribute("flash", "plans.flash.eventLinked");
		}
		catch (BusinessRuleException ex) {
			flashError(redirect, ex);
		}
		redirect.addAttribute("q", q);
		redirect.addAttribute("month", month);
		return "redirect:/plans/" + year + "/items/" + id;
	}

	@PostMapping("/{year:\\d{4}}/items/{id:\\d+}/events/{eventId:\\d+}/unlink")
	@TrainingWriter
	String unlinkEvent(@SignedIn CurrentUser me, @PathVariable int year, @PathVariable long id,
			@PathVariable long eventId,
			RedirectAttributes redirect) {
		plans.item(me, year, id);
		plans.unlinkEvent(me, id, eventId);
		redirect.addFlashAttribute("flash", "plans.flash.eventUnlinked");
		return "redirect:/plans/" + year + "/items/" + id;
	}

	/** Organization options for an item's targets, found by name (htmx swaps them into the select). */
	@GetMapping("/organization-options")
	@TrainingWriter
	String organizationOptions(@SignedIn CurrentUser me, @RequestParam(required = false) String q,
			@RequestParam(required = false) Set<Long> organizationIds, Model model) {
		model.addAttribute("organizationOptions", organizationOptions(me, organizationIds, q));
		model.addAttribute("selectedOrganizations", organizationIds == null ? Set.of() : organizationIds);
		return "plans/plan-item-form :: organizationOptions";
	}

	// ---- review and copy

	@GetMapping("/{year:\\d{4}}/review")
	@TrainingWriter
	String reviewForm(@SignedIn CurrentUser me, @PathVariable int year, Model model) {
		PlanPage page = requirePlan(me, year);
		model.addAttribute("form", ReviewForm.of(page.plan(), page.items()));
		return review(page, model);
	}

	@PostMapping("/{year:\\d{4}}/review")
	@TrainingWriter
	String saveReview(@SignedIn CurrentUser me, @PathVariable int year, @Valid @ModelAttribute("form") ReviewForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		PlanPage page = requirePlan(me, year);
		return Forms.submit(result, () -> {
			plans.review(me, year, form.version() == null ? -1 : form.version(),
					form.review(page.items()));
			redirect.addFlashAttribute("flash", "plans.flash.reviewed");
			return "redirect:/plans/" + year;
		}, () -> review(page, model));
	}

	@PostMapping("/{year:\\d{4}}/copy")
	@OnRuleBroken(redirect = "/plans/{year}")
	@TrainingWriter
	String copy(@SignedIn CurrentUser me, @PathVariable int year, RedirectAttributes redirect) {
		int next = plans.copyToNextYear(me, year);
		redirect.addFlashAttribute("flash", "plans.flash.copied");
		redirect.addFlashAttribute("flashArgs", new Object[] { year, next });
		return "redirect:/plans/" + next;
	}

	// ---- helpers

	private String review(PlanPage page, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("year", page.plan().year());
		reference(model);
		return "plans/plan-review";
	}

	/** The stored values of a conflicting save in words: names for codes and ids. */
	private void labelled(Map<String, Object> meanwhile) {
		Locale locale = LocaleContextHolder.getLocale();
		meanwhile.computeIfPresent("formCode", (k, v) -> catalog.form((String) v).map(f -> f.name(locale)).orElse(v.toString()));
		meanwhile.computeIfPresent("topicCodes", (k, v) -> ((java.util.Collection<?>) v).stream()
			.map(t -> catalog.topic((String) t).map(i -> i.name(locale)).orElse(t.toString())).toList());
		meanwhile.computeIfPresent("categoryCodes", (k, v) -> ((java.util.Collection<?>) v).stream()
			.map(t -> catalog.category((String) t).map(i -> i.name(locale)).orElse(t.toString())).toList());
		meanwhile.computeIfPresent("period", (k, v) -> {
			String p = (String) v;
			return p.startsWith("Q") ? messages.getMessage("plans.quarter", new Object[] { p.substring(1) }, locale)
					: messages.getMessage("month." + p.substring(1), null, locale);
		});
		for (String units : new String[] { "districtIds", "organizationIds" }) {
			meanwhile.computeIfPresent(units, (k, v) -> {
				@SuppressWarnings("unchecked")
				java.util.Collection<Long> ids = (java.util.Collection<Long>) v;
				return organizations.infos(ids).values().stream().map(u -> u.name(locale)).sorted().toList();
			});
		}
	}

	private String itemForm(CurrentUser me, int year, PlanItemDetails details, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("details", details);
		model.addAttribute("committees", organizations.committees(me));
		PlanItemForm form = (PlanItemForm) model.getAttribute("form");
		Set<Long> selected = form == null || form.organizationIds() == null ? Set.of() : form.organizationIds();
		model.addAttribute("organizationOptions", organizationOptions(me, selected, null));
		model.addAttribute("selectedOrganizations", selected);
		model.addAttribute("periods", periods());
		reference(model);
		return "plans/plan-item-form";
	}

	/** The chosen primary organizations first, then those whose names match the search. */
	private List<UnitOption> organizationOptions(CurrentUser me, Set<Long> selected, String query) {
		List<UnitOption> options = new ArrayList<>();
		Set<Long> chosen = selected == null ? Set.of() : selected;
		if (!chosen.isEmpty()) {
			organizations.infos(chosen).values().stream()
				.filter(UnitInfo::isPrimary)
				.filter(u -> me.covers(u.path()))
				.forEach(u -> options.add(new UnitOption(u.id(), u.nameKk(), u.nameRu())));
		}
		if (query != null && !query.isBlank()) {
			List<UnitOption> found = organizations.suggest(me, query, 30);
			Map<Long, UnitInfo> infos = organizations.infos(found.stream().map(UnitOption::id).toList());
			found.stream()
				.filter(u -> !chosen.contains(u.id()))
				.filter(u -> infos.containsKey(u.id()) && infos.get(u.id()).isPrimary())
				.forEach(options::add);
		}
		return options;
	}

	/** "" during the year, M1–M12, Q1–Q4: the period select's values in order. */
	static List<String> periods() {
		List<String> periods = new ArrayList<>();
		periods.add("");
		for (int q = 1; q <= 4; q++) {
			periods.add("Q" + q);
		}
		for (int m = 1; m <= 12; m++) {
			periods.add("M" + m);
		}
		return periods;
	}

	private PlanPage requirePlan(CurrentUser me, int year) {
		requireValidYear(year);
		return plans.page(me, year).orElseThrow(() -> new NotFoundException("plan " + year));
	}

	private void requireValidYear(int year) {
		if (!Plans.validYear(year, LocalDate.now(clock))) {
			throw new NotFoundException("plan year " + year);
		}
	}

	static void flashError(RedirectAttributes redirect, BusinessRuleException ex) {
		redirect.addFlashAttribute("flashError", ex.messageKey());
		if (ex.arguments() != null && ex.arguments().length > 0) {
			redirect.addFlashAttribute("flashArgs", ex.arguments());
		}
	}

	private void reference(Model model) {
		model.addAttribute("forms", catalog.forms());
		model.addAttribute("topics", catalog.topics());
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("formByCode", kz.oqytu.training.TrainingCatalog.byCode(catalog.forms()));
		model.addAttribute("topicByCode", kz.oqytu.training.TrainingCatalog.byCode(catalog.topics()));
		model.addAttribute("categoryByCode", kz.oqytu.training.TrainingCatalog.byCode(catalog.categories()));
		model.addAttribute("thisYear", LocalDate.now(clock).getYear());
	}
}
