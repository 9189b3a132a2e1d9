package kz.oqytu.yearplan.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.shared.web.Forms;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.yearplan.PlanDrafts;

/**
 * Drafting next year's plan from the coverage gap (decision 0050): {@code /plan-drafts?year=Y&target=T}
 * shows what the target takes and the items it drafts; the POST puts them into the year's plan.
 */
@Controller
@RequestMapping("/plan-drafts")
class PlanDraftController {

	private final PlanDrafts drafts;

	private final TrainingCatalog catalog;

	private final Clock clock;

	PlanDraftController(PlanDrafts drafts, TrainingCatalog catalog, Clock clock) {
		this.drafts = drafts;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping
	@TrainingWriter
	String page(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String target, Model model) {
		int now = LocalDate.now(clock).getYear();
		if (year == null) {
			return "redirect:/plan-drafts?year=" + (now + 1);
		}
		if (year < now || year > now + 1) {
			throw new NotFoundException("plan draft year " + year);
		}
		PlanDraftForm form = new PlanDraftForm(year,
				target != null ? target : drafts.defaultTarget(me, year).toPlainString().replace('.', ','));
		BindingResult result = new BeanPropertyBindingResult(form, "form");
		return show(me, form, result, model);
	}

	@PostMapping
	@TrainingWriter
	String draft(@SignedIn CurrentUser me, @ModelAttribute("form") PlanDraftForm form, BindingResult result,
			Model model,
			RedirectAttributes redirect) {
		int now = LocalDate.now(clock).getYear();
		if (form.year() == null || form.year() < now || form.year() > now + 1) {
			throw new NotFoundException("plan draft year " + form.year());
		}
		// the binding holds no error here: only the year is converted, and a year that did not bind is refused above
		return Forms.submit(result, () -> {
			BigDecimal target = PlanDrafts.parseTarget(form.target());
			int drafted = drafts.draft(me, form.year(), target);
			redirect.addFlashAttribute("flash", "plandrafts.flash.drafted");
			redirect.addFlashAttribute("flashArgs", new Object[] { drafted, form.year() });
			return "redirect:/plans/" + form.year();
		}, () -> show(me, form, result, model));
	}

	private String show(CurrentUser me, PlanDraftForm form, BindingResult result, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("org.springframework.validation.BindingResult.form", result);
		model.addAttribute("year", form.year());
		if (!result.hasErrors()) {
			try {
				model.addAttribute("draft", drafts.preview(me, form.year(), PlanDrafts.parseTarget(form.target())));
			}
			catch (BusinessRuleException ex) {
				Forms.reject(result, ex);
			}
		}
		model.addAttribute("formByCode", TrainingCatalog.byCode(catalog.forms()));
		model.addAttribute("topicByCode", TrainingCatalog.byCode(catalog.topics()));
		model.addAttribute("categoryByCode", TrainingCatalog.byCode(catalog.categories()));
		return "yearplan/plan-draft";
	}
}
