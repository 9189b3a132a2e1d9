package kz.oqytu.budget.web;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.AdminOnly;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.budget.Budgets;
import kz.oqytu.budget.TrainingNorm;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.shared.web.Forms;

/** The training-share norm and the dates it changed: an administrator's setting. */
@Controller
@RequestMapping("/budget/norms")
@AdminOnly
class BudgetNormController {

	private final Budgets budgets;

	BudgetNormController(Budgets budgets) {
		this.budgets = budgets;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", NormForm.empty());
		return list(model, null);
	}

	@PostMapping
	String add(@SignedIn CurrentUser me, @Valid @ModelAttribute("form") NormForm form, BindingResult result,
			Model model,
			RedirectAttributes redirect) {
		return Forms.submit(result, () -> {
			budgets.addNorm(me, form.shareValue(), form.effectiveFrom());
			redirect.addFlashAttribute("flash", "budget.flash.normSaved");
			return "redirect:/budget/norms";
		}, () -> list(model, null));
	}

	@GetMapping("/{id:\\d+}/edit")
	String editForm(@PathVariable long id, Model model) {
		TrainingNorm norm = find(id);
		model.addAttribute("form", NormForm.of(norm));
		return list(model, norm);
	}

	@PostMapping("/{id:\\d+}/edit")
	String update(@SignedIn CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") NormForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		TrainingNorm norm = find(id);
		return Forms.submit(result, () -> {
			budgets.updateNorm(me, id, form.version() == null ? -1 : form.version(),
					form.shareValue(), form.effectiveFrom());
			redirect.addFlashAttribute("flash", "budget.flash.normSaved");
			return "redirect:/budget/norms";
		}, () -> list(model, norm));
	}

	private TrainingNorm find(long id) {
		return budgets.norms().stream().filter(n -> n.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("norm " + id));
	}

	/** One page: the norms, and the form to add one or to change the one being edited. */
	private String list(Model model, TrainingNorm editing) {
		model.addAttribute("norms", budgets.norms());
		model.addAttribute("editing", editing);
		return "budget/norms";
	}
}
