package kz.oqytu.surveys.web;

import java.util.List;
import java.util.Map;

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

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.web.Forms;
import kz.oqytu.surveys.InterviewCriteria;
import kz.oqytu.surveys.InterviewView;
import kz.oqytu.surveys.Interviews;
import kz.oqytu.surveys.SurveyRuleException;

/** Interviews with primary organizations: list with filters, page, record, edit, delete. */
@Controller
@RequestMapping("/surveys/interviews")
class InterviewController {

	private final Interviews interviews;

	private final Organizations organizations;

	InterviewController(Interviews interviews, Organizations organizations) {
		this.interviews = interviews;
		this.organizations = organizations;
	}

	@GetMapping
	@StaffOnly
	String list(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long district,
			@RequestParam(required = false) String organization, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, Model model) {
		InterviewCriteria criteria = new InterviewCriteria(year, district, organization, page, size);
		model.addAttribute("criteria", criteria);
		model.addAttribute("result", interviews.search(me, criteria));
		model.addAttribute("years", interviews.years(me));
		model.addAttribute("committees", organizations.committees(me));
		return "surveys/interview-list";
	}

	@GetMapping("/{id:\\d+}")
	@StaffOnly
	String show(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("interview", interviews.one(me, id));
		return "surveys/interview";
	}

	/** {@code ?organization=<id>} starts the form on that organization (from its survey page). */
	@GetMapping("/new")
	@TrainingWriter
	String createForm(@SignedIn CurrentUser me,
			@RequestParam(name = "organization", required = false) Long organizationId, Model model) {
		String name = organizationId == null ? null
				: organizations.info(organizationId)
					.filter(UnitInfo::isPrimary)
					.filter(u -> me.covers(u.path()))
					.map(UnitInfo::nameKk)
					.orElse(null);
		model.addAttribute("form", InterviewForm.empty(name));
		return form(model, null);
	}

	@PostMapping("/new")
	@TrainingWriter
	String create(@SignedIn CurrentUser me, @Valid @ModelAttribute("form") InterviewForm form, BindingResult result,
			Model model,
			RedirectAttributes redirect) {
		Long organizationId = organization(me, form.organization(), result);
		if (!result.hasErrors()) {
			try {
				long id = interviews.create(me, form.command(organizationId));
				redirect.addFlashAttribute("flash", "surveys.interviews.flash.created");
				return "redirect:/surveys/interviews/" + id;
			}
			catch (SurveyRuleException ex) {
				ex.violations().forEach(v -> Forms.reject(result, v));
			}
		}
		return form(model, null);
	}

	@GetMapping("/{id:\\d+}/edit")
	@TrainingWriter
	String editForm(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		InterviewView interview = interviews.one(me, id);
		model.addAttribute("form", InterviewForm.of(interview));
		return form(model, interview);
	}

	@PostMapping("/{id:\\d+}/edit")
	@TrainingWriter
	String update(@SignedIn CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") InterviewForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		InterviewView interview = interviews.one(me, id);
		Long organizationId = organization(me, form.organization(), result);
		if (!result.hasErrors()) {
			try {
				interviews.update(me, id, form.version() == null ? -1 : form.version(), form.command(organizationId));
				redirect.addFlashAttribute("flash", "surveys.interviews.flash.saved");
				return "redirect:/surveys/interviews/" + id;
			}
			catch (SurveyRuleException ex) {
				ex.violations().forEach(v -> Forms.reject(result, v));
			}
		}
		return form(model, interview);
	}

	@PostMapping("/{id:\\d+}/delete")
	@TrainingWriter
	String delete(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		interviews.delete(me, id, version);
		redirect.addFlashAttribute("flash", "surveys.interviews.flash.deleted");
		return "redirect:/surveys/interviews";
	}

	/** Primary organizations by name for the form's suggestions (htmx fills the datalist). */
	@GetMapping("/organization-options")
	@TrainingWriter
	String organizationOptions(@SignedIn CurrentUser me, @RequestParam(required = false) String organization,
			Model model) {
		List<UnitOption> options = List.of();
		if (organization != null && organization.strip().length() >= 2 && organization.length() <= 300) {
			List<UnitOption> near = organizations.suggest(me, organization, 20);
			Map<Long, UnitInfo> infos = organizations.infos(near.stream().map(UnitOption::id).toList());
			options = near.stream()
				.filter(u -> infos.containsKey(u.id()) && infos.get(u.id()).isPrimary())
				.limit(10)
				.toList();
		}
		model.addAttribute("options", options);
		return "surveys/interview-form :: organizationOptions";
	}

	/** The primary organization the typed name stands for, or an error next to the field. */
	private Long organization(CurrentUser me, String name, BindingResult result) {
		if (name == null || name.isBlank() || result.hasFieldErrors("organization")) {
			return null;
		}
		Map<String, Long> index = organizations.nameIndex(me);
		String key = Organizations.nameKey(name);
		if (index.containsKey(key) && index.get(key) == null) {
			result.rejectValue("organization", "surveys.interviews.error.organizationAmbiguous");
			return null;
		}
		Long id = index.get(key);
		if (id == null || !organizations.info(id).map(UnitInfo::isPrimary).orElse(false)) {
			result.rejectValue("organization", "surveys.interviews.error.organizationUnknown");
			return null;
		}
		return id;
	}

	private String form(Model model, InterviewView interview) {
		model.addAttribute("interview", interview);
		return "surveys/interview-form";
	}
}
