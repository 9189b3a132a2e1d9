package kz.oqytu.checkin.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.checkin.CheckinView;
import kz.oqytu.checkin.Checkins;
import kz.oqytu.checkin.EntryView;
import kz.oqytu.shared.web.OnRuleBroken;
import kz.oqytu.surveys.QrCodes;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;

/**
 * The methodologist's check-in page of an event: open it (QR code and short code for the room's
 * screen or a printout), watch the entries come in, confirm, merge or reject them.
 */
@Controller
@RequestMapping("/events/{id:\\d+}/checkin")
class CheckinController {

	/** A new check-in is offered to close this many hours from now (rounded down to the hour). */
	static final int DEFAULT_OPEN_HOURS = 3;

	private final Checkins checkins;

	private final TrainingEvents events;

	private final TrainingCatalog catalog;

	private final QrCodes qrCodes;

	private final java.time.Clock clock;

	CheckinController(Checkins checkins, TrainingEvents events, TrainingCatalog catalog, QrCodes qrCodes,
			java.time.Clock clock) {
		this.clock = clock;
		this.checkins = checkins;
		this.events = events;
		this.catalog = catalog;
		this.qrCodes = qrCodes;
	}

	@GetMapping
	@StaffOnly
	String page(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("event", events.details(me, id));
		CheckinView checkin = checkins.find(me, id).orElse(null);
		model.addAttribute("checkin", checkin);
		if (!model.containsAttribute("closesAt")) {
			model.addAttribute("closesAt", checkin != null && checkin.open() ? checkin.closesAt()
					: LocalDateTime.now(clock).plusHours(DEFAULT_OPEN_HOURS).withMinute(0).withSecond(0).withNano(0));
		}
		entriesModel(me, id, model);
		return "checkin/checkin";
	}

	private void entriesModel(CurrentUser me, long id, Model model) {
		List<EntryView> entries = checkins.entries(me, id);
		model.addAttribute("entries", entries);
		model.addAttribute("eventId", id);
		model.addAttribute("fingerprint", fingerprint(entries));
		model.addAttribute("categories", TrainingCatalog.byCode(catalog.categories()));
		model.addAttribute("waiting", entries.stream().filter(e -> e.status() == kz.oqytu.checkin.EntryStatus.NEW).count());
		// what "confirm all" adds: one per person and organization, none already on the list
		model.addAttribute("readyToConfirm", entries.stream()
			.filter(e -> e.status() == kz.oqytu.checkin.EntryStatus.NEW && e.resolved()
					&& e.duplicates().stream().noneMatch(EntryView.KnownPerson::sameOrganization))
			.map(e -> kz.oqytu.organizations.Organizations.nameKey(e.fullName()) + "|" + e.organizationId())
			.distinct()
			.count());
	}

	/** What the polled list shows: it is swapped only when this changes (an entry came or was decided). */
	private static String fingerprint(List<EntryView> entries) {
		return entries.size() + "-" + (entries.isEmpty() ? 0 : entries.get(0).id()) + "-"
				+ entries.stream().filter(e -> e.status() != kz.oqytu.checkin.EntryStatus.NEW).count();
	}

	/** The list for htmx polling; 204 (nothing swapped) while nothing changed, so a choice being made stays put. */
	@GetMapping("/entries")
	@StaffOnly
	Object entries(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam(required = false) String seen,
			Model model) {
		entriesModel(me, id, model);
		if (seen != null && seen.equals(model.getAttribute("fingerprint"))) {
			return ResponseEntity.noContent().build();
		}
		model.addAttribute("checkin", checkins.find(me, id).orElse(null));
		return "checkin/checkin :: entries";
	}

	@GetMapping(value = "/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@StaffOnly
	ResponseEntity<byte[]> qr(@SignedIn CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) Integer size) {
		CheckinView checkin = checkins.find(me, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.body(qrCodes.png(checkin.url(), QrCodes.boundedSize(size)));
	}

	/** The QR code and the short code large, for the room's screen or a printout. */
	@GetMapping("/poster")
	@StaffOnly
	String poster(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("event", events.details(me, id));
		model.addAttribute("checkin", checkins.find(me, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "checkin/poster";
	}

	@PostMapping
	@OnRuleBroken(redirect = "/events/{id}/checkin")
	@TrainingWriter
	String open(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam(required = false) String closesAt,
			RedirectAttributes redirect) {
		LocalDateTime at = null;
		try {
			at = closesAt == null || closesAt.isBlank() ? null : LocalDateTime.parse(closesAt.strip());
		}
		catch (DateTimeParseException ex) {
			// stays null: the service names the rule
		}
		checkins.open(me, id, at);
		redirect.addFlashAttribute("flash", "checkin.flash.opened");
		return "redirect:/events/" + id + "/checkin";
	}

	@PostMapping("/close")
	@TrainingWriter
	String close(@SignedIn CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		checkins.close(me, id);
		redirect.addFlashAttribute("flash", "checkin.flash.closed");
		return "redirect:/events/" + id + "/checkin";
	}

	@PostMapping("/entries/{entryId:\\d+}/confirm")
	@OnRuleBroken(redirect = "/events/{id}/checkin#entries")
	@TrainingWriter
	String confirm(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable long entryId,
			@RequestParam(required = false) Long organizationId,
			RedirectAttributes redirect) {
		checkins.confirm(me, id, entryId, organizationId);
		redirect.addFlashAttribute("flash", "checkin.flash.confirmed");
		return "redirect:/events/" + id + "/checkin#entries";
	}

	@PostMapping("/confirm-all")
	@OnRuleBroken(redirect = "/events/{id}/checkin#entries")
	@TrainingWriter
	String confirmAll(@SignedIn CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		int added = checkins.confirmAll(me, id);
		redirect.addFlashAttribute("flash", "checkin.flash.confirmedAll");
		redirect.addFlashAttribute("flashArgs", new Object[] { added });
		return "redirect:/events/" + id + "/checkin#entries";
	}

	@PostMapping("/entries/{entryId:\\d+}/merge")
	@OnRuleBroken(redirect = "/events/{id}/checkin#entries")
	@TrainingWriter
	String merge(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable long entryId,
			@RequestParam long participantId,
			RedirectAttributes redirect) {
		checkins.merge(me, id, entryId, participantId);
		redirect.addFlashAttribute("flash", "checkin.flash.merged");
		return "redirect:/events/" + id + "/checkin#entries";
	}

	@PostMapping("/entries/{entryId:\\d+}/reject")
	@OnRuleBroken(redirect = "/events/{id}/checkin#entries")
	@TrainingWriter
	String reject(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable long entryId,
			RedirectAttributes redirect) {
		checkins.reject(me, id, entryId);
		redirect.addFlashAttribute("flash", "checkin.flash.rejected");
		return "redirect:/events/" + id + "/checkin#entries";
	}
}
