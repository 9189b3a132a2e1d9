package kz.oqytu.organizations.web;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.AdminOnly;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.web.Forms;

/**
 * The regions of the union (issue #17, decision 0033): an administrator at the union's root adds a
 * regional organization, then loads its districts and primary organizations with the registry import.
 * The change is audited like every registry change (the trigger on org_unit).
 */
@Controller
@RequestMapping("/admin/regions")
@AdminOnly
class RegionController {

	private final Organizations organizations;

	RegionController(Organizations organizations) {
		this.organizations = organizations;
	}

	@GetMapping
	String page(@SignedIn CurrentUser me, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new RegionForm(null, null));
		}
		return render(me, model);
	}

	@PostMapping
	String create(@SignedIn CurrentUser me, @Valid @ModelAttribute("form") RegionForm form, BindingResult result,
			Model model,
			RedirectAttributes redirect) {
		return Forms.submit(result, () -> {
			long id = organizations.createRegion(me, form.nameKk(), form.nameRu());
			redirect.addFlashAttribute("flash", "regions.flash.added");
			return "redirect:/organizations/import?region=" + id;
		}, () -> render(me, model));
	}

	private String render(CurrentUser me, Model model) {
		model.addAttribute("regions", organizations.regions(me));
		// only an administrator at the union's root adds regions; a regional administrator sees its own
		model.addAttribute("mayAdd", me.scopePath().chars().filter(c -> c == '/').count() == 2);
		return "organizations/regions";
	}
}
