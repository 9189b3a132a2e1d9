package kz.oqytu.plans.web;

import java.util.List;

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
import kz.oqytu.plans.PlanItemRef;
import kz.oqytu.plans.Plans;
import kz.oqytu.shared.BusinessRuleException;

/** The "plan item" box on the event page (loaded by htmx) and its link and unlink. */
@Controller
@RequestMapping("/events/{id:\\d+}")
class EventPlanController {

	private final Plans plans;

	EventPlanController(Plans plans) {
		this.plans = plans;
	}

	@GetMapping("/plan-panel")
	@StaffOnly
	String panel(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("link", plans.eventLink(me, id));
		return "plans/event-panel :: panel";
	}

	@PostMapping("/plan-item")
	@TrainingWriter
	String link(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam long itemId,
			@RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		try {
			plans.linkEvent(me, itemId, id);
			redirect.addFlashAttribute("flash", "plans.flash.eventLinked");
		}
		catch (BusinessRuleException ex) {
			PlanController.flashError(redirect, ex);
		}
		// From the plan's "outside the plan" list the methodologist goes on linking there.
		PlanItemRef item = plans.itemRefs(List.of(itemId)).get(itemId);
		if ("plan".equals(back) && item != null) {
			return "redirect:/plans/" + item.year() + "#outside";
		}
		return "redirect:/events/" + id;
	}

	@PostMapping("/plan-item/remove")
	@TrainingWriter
	String unlink(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam long itemId,
			RedirectAttributes redirect) {
		plans.unlinkEvent(me, itemId, id);
		redirect.addFlashAttribute("flash", "plans.flash.eventUnlinked");
		return "redirect:/events/" + id;
	}
}
