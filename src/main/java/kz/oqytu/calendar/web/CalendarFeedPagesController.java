package kz.oqytu.calendar.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.AnyAccount;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.calendar.FeedAddress;
import kz.oqytu.calendar.domain.CalendarFeedService;
import kz.oqytu.shared.NotFoundException;

/**
 * The calendar addresses a signed-in person may copy ({@code /calendar/feeds}: a chair their
 * organization's, staff their region's and its committees'), renewing one, and one event as a file
 * for "add to calendar" ({@code /calendar/events/{id}.ics}).
 */
@Controller
class CalendarFeedPagesController {

	private final CalendarFeedService feeds;

	CalendarFeedPagesController(CalendarFeedService feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/calendar/feeds")
	@AnyAccount
	String feeds(@SignedIn CurrentUser me, @RequestParam(required = false) Long unit, Model model) {
		model.addAttribute("feeds", feeds.addresses(me, feeds.bodiesOf(me, unit)));
		return "calendar/feeds";
	}

	@PostMapping("/calendar/feeds/{unitId:\\d+}/regenerate")
	@AnyAccount
	String regenerate(@SignedIn CurrentUser me, @PathVariable long unitId, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		FeedAddress feed = feeds.regenerate(me, unitId);
		redirect.addFlashAttribute("flash", "calendar.flash.regenerated");
		if ("portal".equals(back)) {
			return "redirect:/organizations/" + feed.unitId() + "/portal#portal-calendar";
		}
		return "redirect:/calendar/feeds#feed-" + feed.unitId();
	}

	@GetMapping("/calendar/events/{id:\\d+}.ics")
	@AnyAccount
	ResponseEntity<byte[]> event(@SignedIn CurrentUser me, @PathVariable long id, Locale locale) {
		String ics = feeds.single(me, id, locale)
			.orElseThrow(() -> new NotFoundException("event " + id));
		return ResponseEntity.ok()
			.contentType(CalendarFeedController.TEXT_CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"oqytu-event-" + id + ".ics\"")
			.body(ics.getBytes(StandardCharsets.UTF_8));
	}
}
