package kz.oqytu.training.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import kz.oqytu.shared.web.Conflicts;
import kz.oqytu.shared.web.Forms;
import kz.oqytu.shared.web.OnRuleBroken;
import kz.oqytu.training.ActiveMethod;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;
import java.time.Clock;

/** Training events: list with filters, page, create, edit, cancel, head counts. */
@Controller
@RequestMapping("/events")
class EventController {

	private final TrainingEvents events;

	private final TrainingCatalog catalog;

	private final Organizations organizations;

	private final kz.oqytu.training.ParticipantExports exports;

	private final Clock clock;

	private final kz.oqytu.training.OrganizationAttendance attendance;

	private final MessageSource messages;

	EventController(TrainingEvents events, TrainingCatalog catalog, Organizations organizations,
			kz.oqytu.training.ParticipantExports exports, Clock clock, kz.oqytu.training.OrganizationAttendance attendance,
			MessageSource messages) {
		this.attendance = attendance;
		this.messages = messages;
		this.clock = clock;
		this.exports = exports;
		this.events = events;
		this.catalog = catalog;
		this.organizations = organizations;
	}

	@GetMapping
	@StaffOnly
	String list(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer month,
			@RequestParam(required = false) Long district, @RequestParam(required = false) String form,
			@RequestParam(required = false) String topic, @RequestParam(required = false) EventStatus status,
			@RequestParam(required = false) String category, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "DATE") EventCriteria.Sort sort,
			@RequestParam(defaultValue = "true") boolean desc, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, Model model) {
		EventCriteria criteria = new EventCriteria(year, month, district, form, topic, status, category, q, sort, desc,
				page, size);
		model.addAttribute("criteria", criteria);
		kz.oqytu.training.EventListing listing = events.listing(me, criteria);
		model.addAttribute("result", listing.result());
		model.addAttribute("years", listing.years());
		model.addAttribute("committees", listing.committees());
		reference(model);
		return "training/event-list";
	}

	/** The named participants of the listed events (all pages) as Excel, streamed. */
	@GetMapping("/participants.xlsx")
	@StaffOnly
	void participants(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer month,
			@RequestParam(required = false) Long district, @RequestParam(required = false) String form,
			@RequestParam(required = false) String topic, @RequestParam(required = false) EventStatus status,
			@RequestParam(required = false) String category, @RequestParam(required = false) String q,
			java.util.Locale locale, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		EventCriteria criteria = new EventCriteria(year, month, district, form, topic, status, category, q, null, false,
				0, EventCriteria.MAX_SIZE);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
				org.springframework.http.ContentDisposition.attachment()
					.filename("oqytu-participants" + (year == null ? "" : "-" + year) + ".xlsx")
					.build()
					.toString());
		exports.xlsx(me, criteria, locale, response.getOutputStream());
	}

	@GetMapping("/{id:\\d+}")
	@StaffOnly
	String show(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam(required = false) String orgq,
			@RequestParam(defaultValue = "0") int orgpage, @RequestParam(required = false) Long orgedit, Model model) {
		EventDetails event = events.details(me, id);
		model.addAttribute("event", event);
		kz.oqytu.training.OrganizationCounts byOrganization = attendance.organizationCounts(me, id);
		boolean grid = OrganizationCountsPanel.grid(me, byOrganization);
		OrganizationCountsPanel.fill(model, byOrganization, orgq, orgpage, grid);
		if (grid) {
			model.addAttribute("orgForm", OrganizationCountForm.of(byOrganization));
		}
		else if (me.writesTraining() && byOrganization.recordable()) {
			model.addAttribute("orgOne", OneOrganizationCountForm.of(byOrganization, orgedit));
		}
		reference(model);
		return "training/event";
	}

	@GetMapping("/new")
	@TrainingWriter
	String createForm(@SignedIn CurrentUser me, Model model) {
		model.addAttribute("form", EventForm.empty(LocalDate.now(clock)));
		return form(me, model, null);
	}

	@PostMapping("/new")
	@TrainingWriter
	String create(@SignedIn CurrentUser me, @Valid @ModelAttribute("form") EventForm form, BindingResult result,
			Model model,
			RedirectAttributes redirect) {
		return Forms.submit(result, () -> {
			long id = events.create(me, form.command(true));
			redirect.addFlashAttribute("flash", "training.flash.created");
			return "redirect:/events/" + id;
		}, () -> form(me, model, null));
	}

	@GetMapping("/{id:\\d+}/edit")
	@TrainingWriter
	String editForm(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		EventDetails event = events.details(me, id);
		model.addAttribute("form", EventForm.of(event));
		return form(me, model, event);
	}

	@PostMapping("/{id:\\d+}/edit")
	@TrainingWriter
	String update(@SignedIn CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") EventForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		EventDetails event = events.details(me, id);
		return Forms.submit(result, () -> {
			events.update(me, id, form.version() == null ? -1 : form.version(),
					form.command(!event.hasNamedList()));
			redirect.addFlashAttribute("flash", "training.flash.saved");
			return "redirect:/events/" + id;
		}, conflict -> labelled(Conflicts.keepTyped(model, "form", form, EventForm.of(event), response)),
				() -> form(me, model, event));
	}

	@PostMapping("/{id:\\d+}/cancel")
	@TrainingWriter
	String cancel(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		events.cancel(me, id, version);
		redirect.addFlashAttribute("flash", "training.flash.cancelled");
		return "redirect:/events/" + id;
	}

	@PostMapping("/{id:\\d+}/attendance")
	@OnRuleBroken(redirect = "/events/{id}")
	@TrainingWriter
	String attendance(@SignedIn CurrentUser me, @PathVariable long id, @ModelAttribute HeadCountForm form,
			RedirectAttributes redirect) {
		events.recordHeadCounts(me, id, form.headCounts() == null ? Map.of() : form.headCounts());
		redirect.addFlashAttribute("flash", "training.flash.attendanceSaved");
		return "redirect:/events/" + id;
	}

	/** Host-organization options for the event form, found by name (htmx swaps them into the select). */
	@GetMapping("/host-options")
	@TrainingWriter
	String hostOptions(@SignedIn CurrentUser me, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long selected,
			Model model) {
		model.addAttribute("hosts", hosts(me, selected, q));
		model.addAttribute("selectedHost", selected);
		return "training/event-form :: hostOptions";
	}

	/** The stored values of a conflicting save in words: names for codes and ids. */
	private void labelled(Map<String, Object> meanwhile) {
		Locale locale = LocaleContextHolder.getLocale();
		meanwhile.computeIfPresent("formCode", (k, v) -> catalog.form((String) v).map(f -> f.name(locale)).orElse(v.toString()));
		meanwhile.computeIfPresent("topicCodes", (k, v) -> ((java.util.Collection<?>) v).stream()
			.map(t -> catalog.topic((String) t).map(i -> i.name(locale)).orElse(t.toString())).toList());
		meanwhile.computeIfPresent("status", (k, v) -> messages.getMessage("training.status." + v, null, locale));
		meanwhile.computeIfPresent("venueKind", (k, v) -> messages.getMessage("training.venue." + v, null, locale));
		meanwhile.computeIfPresent("methods", (k, v) -> ((java.util.Collection<?>) v).stream()
			.map(m -> messages.getMessage("training.method." + m, null, locale)).toList());
		for (String unit : new String[] { "districtId", "hostOrganizationId" }) {
			meanwhile.computeIfPresent(unit, (k, v) -> organizations.infos(List.of((Long) v)).values().stream()
				.map(u -> u.name(locale)).findFirst().orElse(v.toString()));
		}
		meanwhile.computeIfPresent("headCounts", (k, v) -> ((Map<?, ?>) v).entrySet().stream()
			.map(e -> catalog.category((String) e.getKey()).map(c -> c.name(locale)).orElse(e.getKey().toString()) + ": "
					+ e.getValue())
			.toList());
	}

	private String form(CurrentUser me, Model model, EventDetails event) {
		model.addAttribute("event", event);
		model.addAttribute("committees", organizations.committees(me));
		EventForm form = (EventForm) model.getAttribute("form");
		Long host = form == null ? null : form.hostOrganizationId();
		model.addAttribute("hosts", hosts(me, host, null));
		model.addAttribute("selectedHost", host);
		reference(model);
		return "training/event-form";
	}

	private List<UnitOption> hosts(CurrentUser me, Long selected, String query) {
		List<UnitOption> options = new ArrayList<>();
		if (selected != null) {
			organizations.info(selected).filter(UnitInfo::isPrimary)
				.ifPresent(u -> options.add(new UnitOption(u.id(), u.nameKk(), u.nameRu())));
		}
		if (query != null && !query.isBlank()) {
			organizations.suggest(me, query, 30)
				.stream()
				.filter(u -> selected == null || u.id() != selected)
				.filter(u -> organizations.info(u.id()).map(UnitInfo::isPrimary).orElse(false))
				.forEach(options::add);
		}
		return options;
	}

	private void reference(Model model) {
		model.addAttribute("forms", catalog.forms());
		model.addAttribute("topics", catalog.topics());
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("formByCode", TrainingCatalog.byCode(catalog.forms()));
		model.addAttribute("topicByCode", TrainingCatalog.byCode(catalog.topics()));
		model.addAttribute("categoryByCode", TrainingCatalog.byCode(catalog.categories()));
		model.addAttribute("statuses", EventStatus.values());
		model.addAttribute("venueKinds", VenueKind.values());
		model.addAttribute("methods", ActiveMethod.values());
		model.addAttribute("thisYear", LocalDate.now(clock).getYear());
	}
}
