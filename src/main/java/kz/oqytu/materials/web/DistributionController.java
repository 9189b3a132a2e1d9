package kz.oqytu.materials.web;

import java.util.List;

import jakarta.validation.Valid;

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
import kz.oqytu.materials.DeliveryStatus;
import kz.oqytu.materials.Distributed;
import kz.oqytu.materials.DistributionTarget;
import kz.oqytu.materials.MaterialDetails;
import kz.oqytu.materials.Materials;
import kz.oqytu.materials.RegisterCriteria;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.web.Forms;
import java.time.Clock;

/** Sending materials, a material's register, and what was sent to one organization. */
@Controller
@RequestMapping("/materials")
class DistributionController {

	static final int SENT_PAGE = 20;

	static final int SUGGESTIONS = 12;

	private final Materials materials;

	private final Organizations organizations;

	private final Clock clock;

	DistributionController(Materials materials, Organizations organizations, Clock clock) {
		this.clock = clock;
		this.materials = materials;
		this.organizations = organizations;
	}

	@GetMapping("/{id:\\d+}/distribute")
	@TrainingWriter
	String distributeForm(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		MaterialDetails material = materials.details(me, id);
		model.addAttribute("form", DistributionForm.of(material.latestVersionId(), java.time.LocalDate.now(clock)));
		return form(me, model, material);
	}

	@PostMapping("/{id:\\d+}/distribute")
	@TrainingWriter
	String distribute(@SignedIn CurrentUser me, @PathVariable long id,
			@Valid @ModelAttribute("form") DistributionForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		MaterialDetails material = materials.details(me, id);
		return Forms.submit(result, () -> {
			Distributed done = materials.distribute(me, id, form.command());
			redirect.addFlashAttribute("flash", "materials.flash.distributed");
			redirect.addFlashAttribute("flashArgs", new Object[] { done.recipients(), done.alreadyHad() });
			return "redirect:/materials/" + id + "/register";
		}, () -> form(me, model, material));
	}

	/** Organization names for the distribution form, nearest first (htmx). */
	@GetMapping("/organization-options")
	@TrainingWriter
	String organizationOptions(@SignedIn CurrentUser me, @RequestParam(required = false) String q, Model model) {
		model.addAttribute("suggestions", q == null || q.isBlank() ? List.<UnitOption>of()
				: organizations.suggestPrimary(me.scopePath(), q, SUGGESTIONS));
		return "materials/fragments :: organizationOptions";
	}

	@GetMapping("/{id:\\d+}/register")
	@StaffOnly
	String register(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long district,
			@RequestParam(required = false) DeliveryStatus status, @RequestParam(required = false) Long version,
			@RequestParam(required = false) RegisterCriteria.Missing missing,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int missingPage,
			Model model) {
		RegisterCriteria criteria = new RegisterCriteria(district, status, version, missing, page, missingPage);
		model.addAttribute("material", materials.details(me, id));
		model.addAttribute("criteria", criteria);
		model.addAttribute("register", materials.register(me, id, criteria));
		model.addAttribute("committees", organizations.committees(me));
		model.addAttribute("statuses", DeliveryStatus.values());
		model.addAttribute("missingFilters", RegisterCriteria.Missing.values());
		return "materials/register";
	}

	/** What was sent to an organization: a chair's own (their phone page), or any in scope for staff. */
	@GetMapping("/sent")
	@AnyAccount
	String sent(@SignedIn CurrentUser me, @RequestParam(required = false) Long organization,
			@RequestParam(defaultValue = "0") int page,
			Model model) {
		long organizationId;
		if (me.is(Role.CHAIR)) {
			organizationId = me.scopeUnitId();
		}
		else if (organization != null) {
			organizationId = organization;
		}
		else {
			return "redirect:/materials";
		}
		model.addAttribute("result", materials.sent(me, organizationId, page, SENT_PAGE));
		model.addAttribute("organization", organizations.unit(organizationId).orElseThrow());
		model.addAttribute("organizationId", organizationId);
		return "materials/sent";
	}

	private String form(CurrentUser me, Model model, MaterialDetails material) {
		model.addAttribute("material", material);
		model.addAttribute("committees", organizations.committees(me));
		model.addAttribute("targets", DistributionTarget.values());
		return "materials/distribute";
	}
}
