package kz.oqytu.organizations.web;

import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
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
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationDetails;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.PrimaryKind;
import kz.oqytu.shared.web.Conflicts;
import kz.oqytu.shared.web.Forms;
import java.time.Clock;

/** The registry of primary organizations: list, page, create and edit, membership by year. */
@Controller
@RequestMapping("/organizations")
class OrganizationController {

	private final Organizations organizations;

	private final Clock clock;

	private final MessageSource messages;

	OrganizationController(Organizations organizations, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.clock = clock;
		this.organizations = organizations;
	}

	@GetMapping
	@StaffOnly
	String list(@SignedIn CurrentUser me, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long district,
			@RequestParam(required = false) PrimaryKind kind, @RequestParam(required = false) Boolean active,
			@RequestParam(defaultValue = "NAME") OrganizationCriteria.Sort sort,
			@RequestParam(defaultValue = "false") boolean desc, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, Model model) {
		OrganizationCriteria criteria = new OrganizationCriteria(q, district, kind, active, sort, desc, page, size);
		Page<OrganizationRow> result = organizations.search(me, criteria);
		model.addAttribute("criteria", criteria);
		model.addAttribute("result", result);
		model.addAttribute("committees", organizations.committees(me));
		model.addAttribute("kinds", PrimaryKind.values());
		model.addAttribute("latestSnapshot", organizations.snapshotDates().stream().findFirst().orElse(null));
		return "organizations/organization-list";
	}

	@GetMapping("/{id:\\d+}")
	@AnyAccount
	String show(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		OrganizationDetails details = organizations.details(me, id);
		model.addAttribute("org", details);
		// Other spellings of the name, kept from import choices: staff see them, writers edit them.
		model.addAttribute("aliases", me.isStaff() ? organizations.aliases(me, id) : java.util.List.of());
		if (!model.containsAttribute("membershipForm")) {
			model.addAttribute("membershipForm", new MembershipForm(LocalDate.now(clock).getYear(), null));
		}
		return "organizations/organization";
	}

	@GetMapping("/new")
	@TrainingWriter
	String createForm(@SignedIn CurrentUser me, Model model) {
		model.addAttribute("form", OrganizationForm.empty());
		return form(me, model);
	}

	@PostMapping("/new")
	@TrainingWriter
	String create(@SignedIn CurrentUser me, @Valid @ModelAttribute("form") OrganizationForm form, BindingResult result,
			Model model,
			RedirectAttributes redirect) {
		return Forms.submit(result, () -> {
			long id = organizations.create(me, form.command());
			redirect.addFlashAttribute("flash", "organizations.flash.created");
			return "redirect:/organizations/" + id;
		}, () -> form(me, model));
	}

	@GetMapping("/{id:\\d+}/edit")
	@TrainingWriter
	String editForm(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		OrganizationDetails details = organizations.details(me, id);
		model.addAttribute("org", details);
		model.addAttribute("form", OrganizationForm.of(details));
		return form(me, model);
	}

	@PostMapping("/{id:\\d+}/edit")
	@TrainingWriter
	String update(@SignedIn CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") OrganizationForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		OrganizationDetails details = organizations.details(me, id);
		return Forms.submit(result, () -> {
			organizations.update(me, id, form.version() == null ? -1 : form.version(),
					form.command());
			redirect.addFlashAttribute("flash", "organizations.flash.saved");
			return "redirect:/organizations/" + id;
		}, conflict -> {
			Map<String, Object> meanwhile = Conflicts.keepTyped(model, "form", form, OrganizationForm.of(details), response);
			meanwhile.computeIfPresent("districtId", (k, v) -> organizations.committees(me).stream()
				.filter(c -> v.equals(c.id())).map(c -> c.name(LocaleContextHolder.getLocale())).findFirst().orElse(v.toString()));
			meanwhile.computeIfPresent("kind", (k, v) -> messages.getMessage("kind." + v, null, LocaleContextHolder.getLocale()));
		}, () -> {
			model.addAttribute("org", details);
			return form(me, model);
		});
	}

	@PostMapping("/{id:\\d+}/membership")
	@TrainingWriter
	String recordMembership(@SignedIn CurrentUser me, @PathVariable long id,
			@Valid @ModelAttribute("membershipForm") MembershipForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return Forms.submit(result, () -> {
			organizations.recordMembership(me, id, LocalDate.of(form.year(), 1, 1),
					form.members());
			redirect.addFlashAttribute("flash", "organizations.flash.membershipSaved");
			return "redirect:/organizations/" + id;
		}, () -> {
			model.addAttribute("org", organizations.details(me, id));
			model.addAttribute("aliases", me.isStaff() ? organizations.aliases(me, id) : java.util.List.of());
			return "organizations/organization";
		});
	}

	@PostMapping("/{id:\\d+}/aliases")
	@TrainingWriter
	String addAlias(@SignedIn CurrentUser me, @PathVariable long id,
			@RequestParam(name = "alias", required = false) String alias,
			RedirectAttributes redirect) {
		String text = alias == null ? "" : alias.strip();
		if (text.isEmpty() || text.length() > 300 || kz.oqytu.organizations.OrganizationNames.key(text).isEmpty()) {
			redirect.addFlashAttribute("flashError", "organizations.aliases.invalid");
			return "redirect:/organizations/" + id + "#aliases";
		}
		organizations.addAliases(me, java.util.Map.of(text, id));
		redirect.addFlashAttribute("flash", "organizations.aliases.added");
		return "redirect:/organizations/" + id + "#aliases";
	}

	@PostMapping("/{id:\\d+}/aliases/{aliasId:\\d+}/delete")
	@TrainingWriter
	String removeAlias(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable long aliasId,
			RedirectAttributes redirect) {
		organizations.removeAlias(me, id, aliasId);
		redirect.addFlashAttribute("flash", "organizations.aliases.removed");
		return "redirect:/organizations/" + id + "#aliases";
	}

	private String form(CurrentUser me, Model model) {
		model.addAttribute("committees", organizations.committees(me));
		model.addAttribute("kinds", PrimaryKind.values());
		return "organizations/organization-form";
	}
}
