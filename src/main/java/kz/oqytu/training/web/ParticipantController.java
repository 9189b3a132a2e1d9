package kz.oqytu.training.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
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
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.ParticipantCommand;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;

/** The named participant list of an event: read, add rows in a grid, remove. */
@Controller
@RequestMapping("/events/{id:\\d+}/participants")
class ParticipantController {

	private final TrainingEvents events;

	private final TrainingCatalog catalog;

	private final Organizations organizations;

	ParticipantController(TrainingEvents events, TrainingCatalog catalog, Organizations organizations) {
		this.events = events;
		this.catalog = catalog;
		this.organizations = organizations;
	}

	/** Rows pasted from a sheet may be many; the binder grows the list up to the grid's limit. */
	@InitBinder("grid")
	void gridRows(WebDataBinder binder) {
		// only the binder that builds the posted form; the one that renders an existing grid is set up already
		if (binder.getTarget() == null) {
			binder.setAutoGrowCollectionLimit(ParticipantGridForm.MAX_ROWS + 1);
		}
	}

	@GetMapping
	@StaffOnly
	String list(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		if (!model.containsAttribute("grid")) {
			model.addAttribute("grid", ParticipantGridForm.blank(ParticipantGridForm.BLANK_ROWS));
		}
		return page(me, id, q, page, model);
	}

	@PostMapping
	@TrainingWriter
	String add(@SignedIn CurrentUser me, @PathVariable long id, @ModelAttribute("grid") ParticipantGridForm grid,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		Map<String, Long> names = organizations.nameIndex(me);
		List<ParticipantCommand> commands = new ArrayList<>();
		List<ParticipantGridForm.Row> rows = grid.getRows();
		if (rows.stream().filter(r -> !r.isBlank()).count() > ParticipantGridForm.MAX_ROWS) {
			result.reject("training.grid.tooMany", new Object[] { ParticipantGridForm.MAX_ROWS }, null);
			return page(me, id, null, 0, model);
		}
		for (int i = 0; i < rows.size(); i++) {
			ParticipantGridForm.Row row = rows.get(i);
			if (row.isBlank()) {
				continue;
			}
			String field = "rows[" + i + "]";
			if (row.getFullName() == null || row.getFullName().isBlank()) {
				result.rejectValue(field + ".fullName", "validation.required");
			}
			Long organizationId = row.getOrganization() == null ? null
					: names.get(Organizations.nameKey(row.getOrganization()));
			if (row.getOrganization() == null || row.getOrganization().isBlank()) {
				result.rejectValue(field + ".organization", "validation.required");
			}
			else if (organizationId == null) {
				List<UnitOption> near = organizations.suggest(me, row.getOrganization(), 3);
				String suggestions = String.join("; ", near.stream().map(u -> u.nameKk()).toList());
				result.rejectValue(field + ".organization",
						near.isEmpty() ? "training.error.organizationNotFound" : "training.error.organizationSuggest",
						new Object[] { row.getOrganization(), suggestions }, null);
			}
			// a category pasted as people write it ("Председатель ППО") is named by the catalogue
			ParticipantGridForm.categoryOf(row.getCategoryCode(), catalog.categories()).ifPresent(row::setCategoryCode);
			if (row.getCategoryCode() == null) {
				result.rejectValue(field + ".categoryCode", "validation.required");
			}
			else if (catalog.category(row.getCategoryCode()).isEmpty()) {
				result.rejectValue(field + ".categoryCode", "training.grid.categoryUnknown",
						new Object[] { row.getCategoryCode() }, null);
			}
			if (organizationId != null && row.getFullName() != null && !row.getFullName().isBlank()) {
				commands.add(new ParticipantCommand(row.getFullName(), organizationId, row.getCategoryCode(),
						row.getPosition()));
			}
		}
		if (!result.hasErrors() && commands.isEmpty()) {
			result.reject("training.error.noParticipants");
		}
		if (!result.hasErrors()) {
			try {
				int added = events.addParticipants(me, id, commands);
				redirect.addFlashAttribute("flash", "training.flash.participantsAdded");
				redirect.addFlashAttribute("flashArgs", new Object[] { added });
				return "redirect:/events/" + id + "/participants";
			}
			catch (BusinessRuleException ex) {
				result.reject(ex.messageKey(), ex.arguments(), null);
			}
		}
		return page(me, id, null, 0, model);
	}

	@PostMapping("/{participantId:\\d+}/delete")
	@TrainingWriter
	String remove(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable long participantId,
			RedirectAttributes redirect) {
		events.removeParticipant(me, id, participantId);
		redirect.addFlashAttribute("flash", "training.flash.participantRemoved");
		return "redirect:/events/" + id + "/participants";
	}

	/** Organization names for the grid's datalist (htmx). */
	@GetMapping("/organization-options")
	@TrainingWriter
	String organizationOptions(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam Map<String,
			String> params, Model model) {
		// htmx sends the typed row's own field (rows[3].organization=...).
		String q = params.entrySet().stream().filter(e -> e.getKey().endsWith("organization"))
			.map(Map.Entry::getValue).findFirst().orElse(null);
		model.addAttribute("options", organizations.suggest(me, q, 15));
		return "training/participants :: organizationOptions";
	}

	/** Participants a page: 10 000 on one event are 7 MB of HTML unpaged (issue #17). */
	static final int PAGE_SIZE = 100;

	/** Longest search text taken; a longer one is cut (names and organization names are shorter). */
	static final int MAX_SEARCH = 100;

	private String page(CurrentUser me, long id, String q, int page, Model model) {
		EventDetails event = events.details(me, id);
		String search = q == null ? "" : q.strip();
		if (search.length() > MAX_SEARCH) {
			search = search.substring(0, MAX_SEARCH);
		}
		int p = Math.max(0, Math.min(page, 100_000));
		model.addAttribute("event", event);
		model.addAttribute("participants", events.participants(me, id, search, p, PAGE_SIZE));
		model.addAttribute("q", search);
		model.addAttribute("pagerBase", "/events/" + id + "/participants?q="
				+ java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8) + "&");
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("categoryByCode", TrainingCatalog.byCode(catalog.categories()));
		model.addAttribute("maxRows", ParticipantGridForm.MAX_ROWS);
		if (!model.containsAttribute("options")) {
			model.addAttribute("options", List.of());
		}
		return "training/participants";
	}
}
