package kz.oqytu.schoolplans.web;

import java.time.LocalDate;
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
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.schoolplans.SchoolCriteria;
import kz.oqytu.schoolplans.SchoolPlanState;
import kz.oqytu.schoolplans.SchoolPlanView;
import kz.oqytu.schoolplans.SchoolPlans;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.shared.web.Forms;
import kz.oqytu.shared.web.OnRuleBroken;
import kz.oqytu.training.TrainingCatalog;

/**
 * Schools of union training: the methodologist's overview of every primary organization's plan,
 * and one organization's plan, kept by its chair (on a phone) and read by staff.
 */
@Controller
@RequestMapping("/schools")
class SchoolPlanController {

	private final SchoolPlans schools;

	private final Organizations organizations;

	private final TrainingCatalog catalog;

	private final Clock clock;

	SchoolPlanController(SchoolPlans schools, Organizations organizations, TrainingCatalog catalog, Clock clock) {
		this.clock = clock;
		this.schools = schools;
		this.organizations = organizations;
		this.catalog = catalog;
	}

	@GetMapping
	@StaffOnly
	String overview(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long district,
			@RequestParam(required = false) SchoolPlanState state, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		int y = year != null && SchoolPlans.validYear(year, LocalDate.now(clock)) ? year : LocalDate.now(clock).getYear();
		SchoolCriteria criteria = new SchoolCriteria(y, district, state, q, page, SchoolCriteria.DEFAULT_SIZE);
		model.addAttribute("criteria", criteria);
		model.addAttribute("overview", schools.overview(me, criteria));
		model.addAttribute("committees", organizations.committees(me));
		model.addAttribute("states", SchoolPlanState.values());
		model.addAttribute("years", years());
		return "schoolplans/schools";
	}

	@GetMapping("/{organizationId:\\d+}/{year:\\d{4}}")
	@AnyAccount
	String plan(@SignedIn CurrentUser me, @PathVariable long organizationId, @PathVariable int year, Model model) {
		requireValidYear(year);
		SchoolPlanView plan = schools.page(me, organizationId, year);
		model.addAttribute("plan", plan);
		model.addAttribute("editable", schools.canEdit(me, organizationId));
		model.addAttribute("copyPrevious", schools.canCopyPreviousYear(me, organizationId, year));
		model.addAttribute("fromRequests", schools.canStartFromRequests(me, organizationId, year));
		model.addAttribute("years", years());
		reference(model);
		return "schoolplans/school-plan";
	}

	@GetMapping("/{organizationId:\\d+}/{year:\\d{4}}/items/new")
	@AnyAccount
	String newItem(@SignedIn CurrentUser me, @PathVariable long organizationId, @PathVariable int year, Model model) {
		requireEditable(me, organizationId, year);
		model.addAttribute("form", SchoolItemForm.empty(LocalDate.now(clock)));
		return form(me, organizationId, year, null, model);
	}

	@PostMapping("/{organizationId:\\d+}/{year:\\d{4}}/items/new")
	@AnyAccount
	String addItem(@SignedIn CurrentUser me, @PathVariable long organizationId, @PathVariable int year,
			@Valid @ModelAttribute("form") SchoolItemForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		requireEditable(me, organizationId, year);
		return Forms.submit(result, () -> {
			schools.addItem(me, organizationId, year, form.command());
			redirect.addFlashAttribute("flash", "schools.flash.added");
			return "redirect:/schools/" + organizationId + "/" + year;
		}, () -> form(me, organizationId, year, null, model));
	}

	@GetMapping("/{organizationId:\\d+}/{year:\\d{4}}/items/{id:\\d+}/edit")
	@AnyAccount
	String editItem(@SignedIn CurrentUser me, @PathVariable long organizationId, @PathVariable int year,
			@PathVariable long id, Model model) {
		requireEditable(me, organizationId, year);
		model.addAttribute("form", SchoolItemForm.of(schools.item(me, organizationId, year, id)));
		return form(me, organizationId, year, id, model);
	}

	@PostMapping("/{organizationId:\\d+}/{year:\\d{4}}/items/{id:\\d+}/edit")
	@AnyAccount
	String updateItem(@SignedIn CurrentUser me, @PathVariable long organizationId, @PathVariable int year,
			@PathVariable long id,
			@Valid @ModelAttribute("form") SchoolItemForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		requireEditable(me, organizationId, year);
		return Forms.submit(result, () -> {
			schools.updateItem(me, organizationId, year, id,
					form.version() == null ? -1 : form.version(), form.command());
			redirect.addFlashAttribute("flash", "schools.flash.saved");
			return "redirect:/schools/" + organizationId + "/" + year;
		}, () -> form(me, organizationId, year, id, model));
	}

	@PostMapping("/{organizationId:\\d+}/{year:\\d{4}}/items/{id:\\d+}/delete")
	@AnyAccount
	String deleteItem(@SignedIn CurrentUser me, @PathVariable long organizationId, @PathVariable int year,
			@PathVariable long id,
			@RequestParam int version, RedirectAttributes redirect) {
		requireEditable(me, organizationId, year);
		schools.deleteItem(me, organizationId, year, id, version);
		redirect.addFlashAttribute("flash", "schools.flash.deleted");
		return "redirect:/schools/" + organizationId + "/" + year;
	}

	/** Starts the year's plan as a copy of last year's (decision 30); back to the portal when asked from it. */
	@PostMapping("/{organizationId:\\d+}/{year:\\d{4}}/copy-previous")
	@AnyAccount
	String copyPrevious(@SignedIn CurrentUser me, @PathVariable long organizationId, @PathVariable int year,
			@RequestParam(defaultValue = "plan") String back, RedirectAttributes redirect) {
		requireEditable(me, organizationId, year);
		try {
			int copied = schools.copyPreviousYear(me, organizationId, year);
			redirect.addFlashAttribute("flash", "schools.flash.copied");
			redirect.addFlashAttribute("flashArgs", new Object[] { copied, year - 1 });
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
			if (ex.arguments() != null && ex.arguments().length > 0) {
				redirect.addFlashAttribute("flashArgs", ex.arguments());
			}
		}
		return "portal".equals(back) ? "redirect:/organizations/" + organizationId + "/portal?year=" + year
				: "redirect:/schools/" + organizationId + "/" + year;
	}

	/** Starts the year's plan from the organization's requests and the regional plan's items for it (decision 0050). */
	@PostMapping("/{organizationId:\\d+}/{year:\\d{4}}/from-requests")
	@OnRuleBroken(redirect = "/schools/{organizationId}/{year}")
	@AnyAccount
	String fromRequests(@SignedIn CurrentUser me, @PathVariable long organizationId, @PathVariable int year,
			java.util.Locale locale,
			RedirectAttributes redirect) {
		requireEditable(me, organizationId, year);
		int added = schools.startFromRequests(me, organizationId, year, locale);
		redirect.addFlashAttribute("flash", "schools.flash.fromRequests");
		redirect.addFlashAttribute("flashArgs", new Object[] { added });
		return "redirect:/schools/" + organizationId + "/" + year;
	}

	private String form(CurrentUser me, long organizationId, int year, Long itemId, Model model) {
		model.addAttribute("plan", schools.page(me, organizationId, year));
		model.addAttribute("itemId", itemId);
		reference(model);
		return "schoolplans/school-item-form";
	}

	/** Reading first, so a chair of another organization is refused (403), not told it is not theirs. */
	private void requireEditable(CurrentUser me, long organizationId, int year) {
		requireValidYear(year);
		schools.page(me, organizationId, year);
		if (!schools.canEdit(me, organizationId)) {
			throw new AccessDeniedException("the school plan is kept by the organization's chair");
		}
	}

	private void requireValidYear(int year) {
		if (!SchoolPlans.validYear(year, LocalDate.now(clock))) {
			throw new NotFoundException("school plan year " + year);
		}
	}

	private List<Integer> years() {
		int next = LocalDate.now(clock).getYear() + 1;
		return List.of(next, next - 1, next - 2, next - 3);
	}

	private void reference(Model model) {
		model.addAttribute("forms", catalog.forms());
		model.addAttribute("topics", catalog.topics());
		model.addAttribute("formByCode", kz.oqytu.training.TrainingCatalog.byCode(catalog.forms()));
		model.addAttribute("topicByCode", kz.oqytu.training.TrainingCatalog.byCode(catalog.topics()));
	}
}
