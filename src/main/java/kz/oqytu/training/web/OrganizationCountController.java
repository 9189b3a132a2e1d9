package kz.oqytu.training.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.web.Forms;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.OrganizationAttendance;
import kz.oqytu.training.OrganizationCountCommand;
import kz.oqytu.training.OrganizationCounts;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;

/**
 * Saves the grid of head counts per organization shown on the event page (decision 19). A refused
 * save, or "more rows", shows the grid again on a page of its own with everything typed kept.
 */
@Controller
class OrganizationCountController {

	private final TrainingEvents events;

	private final OrganizationAttendance attendance;

	private final Organizations organizations;

	private final TrainingCatalog catalog;

	OrganizationCountController(TrainingEvents events, OrganizationAttendance attendance, Organizations organizations,
			TrainingCatalog catalog) {
		this.events = events;
		this.attendance = attendance;
		this.organizations = organizations;
		this.catalog = catalog;
	}

	@PostMapping("/events/{id:\\d+}/organization-counts")
	@TrainingWriter
	String save(@SignedIn CurrentUser me, @PathVariable long id, @ModelAttribute("orgForm") OrganizationCountForm form,
			BindingResult result,
			@RequestParam(required = false) String more, Model model, RedirectAttributes redirect) {
		if (more != null) {
			form.addBlankRows(OrganizationCountForm.BLANK_ROWS);
			return page(me, id, model);
		}
		Map<String, Long> names = organizations.nameIndex(me);
		List<OrganizationCountCommand> commands = new ArrayList<>();
		List<OrganizationCountForm.Row> rows = form.getRows();
		for (int i = 0; i < rows.size(); i++) {
			OrganizationCountForm.Row row = rows.get(i);
			if (row.isBlank()) {
				continue;
			}
			String field = "rows[" + i + "].organization";
			if (row.getOrganization() == null || row.getOrganization().isBlank()) {
				result.rejectValue(field, "orgcounts.error.organizationRequired", new Object[] { i + 1 }, null);
				continue;
			}
			Long organizationId = names.get(Organizations.nameKey(row.getOrganization()));
			if (organizationId == null) {
				List<UnitOption> near = organizations.suggest(me, row.getOrganization(), 3);
				String suggestions = String.join("; ", near.stream().map(UnitOption::nameKk).toList());
				result.rejectValue(field,
						near.isEmpty() ? "training.error.organizationNotFound" : "training.error.organizationSuggest",
						new Object[] { row.getOrganization(), suggestions }, null);
				continue;
			}
			commands.add(new OrganizationCountCommand(organizationId, row.getCounts()));
		}
		return Forms.submit(result, () -> {
			attendance.recordOrganizationCounts(me, id, form.getVersion() == null ? -1 : form.getVersion(), commands);
			redirect.addFlashAttribute("flash", "orgcounts.flash.saved");
			return "redirect:/events/" + id + "#by-organization";
		}, conflict -> {
			// what was typed stays; the next save replaces the figures shown above it
			result.reject("orgcounts.error.conflict");
			form.setVersion(attendance.organizationCounts(me, id).version());
		}, () -> page(me, id, model));
	}

	/** The whole grid on a page of its own: an event with more organizations than the event page's grid shows. */
	@GetMapping("/events/{id:\\d+}/organization-counts")
	@TrainingWriter
	String grid(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("orgForm", OrganizationCountForm.of(attendance.organizationCounts(me, id)));
		return page(me, id, model);
	}

	/**
	 * One organization's counts, the others kept (issue #17): the event page's form for events with
	 * many organizations. Saved through {@link OrganizationAttendance#recordOrganizationCount}, with the
	 * grid's refusals; a refused save shows the event's counts again on their own page, the typed row kept.
	 */
	@PostMapping("/events/{id:\\d+}/organization-counts/one")
	@TrainingWriter
	String saveOne(@SignedIn CurrentUser me, @PathVariable long id,
			@ModelAttribute("orgOne") OneOrganizationCountForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		String name = form.getOrganization();
		Long organizationId = null;
		if (name == null || name.isBlank()) {
			result.rejectValue("organization", "orgcounts.one.error.organizationRequired");
		}
		else {
			organizationId = organizations.nameIndex(me).get(Organizations.nameKey(name));
			if (organizationId == null) {
				List<UnitOption> near = organizations.suggest(me, name, 3);
				String suggestions = String.join("; ", near.stream().map(UnitOption::nameKk).toList());
				result.rejectValue("organization",
						near.isEmpty() ? "training.error.organizationNotFound" : "training.error.organizationSuggest",
						new Object[] { name, suggestions }, null);
			}
		}
		if (!result.hasErrors()) {
			try {
				attendance.recordOrganizationCount(me, id, form.getVersion() == null ? -1 : form.getVersion(),
						new OrganizationCountCommand(organizationId, form.getCounts()));
				redirect.addFlashAttribute("flash", "orgcounts.flash.saved");
				return "redirect:/events/" + id + "#by-organization";
			}
			catch (BusinessRuleException ex) {
				rejectOne(result, ex);
			}
			catch (ConflictException ex) {
				result.reject("orgcounts.error.conflict");
				form.setVersion(attendance.organizationCounts(me, id).version());
			}
		}
		OrganizationCounts counts = attendance.organizationCounts(me, id);
		OrganizationCountsPanel.fill(model, counts, null, 0, false);
		return show(me, id, model);
	}

	/** The typed organization is row 1 of the merged rows: its refusals are worded for the one form. */
	private static void rejectOne(BindingResult result, BusinessRuleException ex) {
		String key = ex.messageKey();
		if (ex.field() != null && ex.field().startsWith("rows[0]")
				&& Set.of("orgcounts.error.organizationUnknown", "orgcounts.error.host", "orgcounts.error.countInvalid")
					.contains(key)) {
			String oneKey = key.replace("orgcounts.error.", "orgcounts.one.error.");
			if (ex.field().endsWith("organization")) {
				result.rejectValue("organization", oneKey, null, null);
			}
			else {
				result.reject(oneKey);
			}
			return;
		}
		// everything else belongs to the form as a whole (the over-count names its category and both sums)
		result.reject(key, ex.arguments(), key);
	}

	/** Organization names for the grid's datalist (htmx), as the participant grid offers them. */
	@GetMapping("/events/{id:\\d+}/organization-counts/options")
	@TrainingWriter
	String options(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam Map<String, String> params,
			Model model) {
		// htmx sends the typed row's own field (rows[3].organization=...).
		String q = params.entrySet().stream().filter(e -> e.getKey().endsWith("organization"))
			.map(Map.Entry::getValue).findFirst().orElse(null);
		model.addAttribute("options", q == null || q.isBlank() ? List.of() : organizations.suggest(me, q, 15));
		return "training/organization-counts :: options";
	}

	/** The grid (everything typed kept) on the page of its own. */
	private String page(CurrentUser me, long id, Model model) {
		OrganizationCountsPanel.fill(model, attendance.organizationCounts(me, id), null, 0, true);
		return show(me, id, model);
	}

	private String show(CurrentUser me, long id, Model model) {
		EventDetails event = events.details(me, id);
		model.addAttribute("event", event);
		model.addAttribute("categories", catalog.categories());
		return "training/organization-counts";
	}
}
