package kz.oqytu.reports.web;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.accounts.AnyAccount;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.reports.ChairPortals;
import java.time.Clock;

/**
 * A primary organization's portal ({@code /organizations/{id}/portal}): the chair's home after
 * signing in, and what staff open to see an organization as its chair sees it.
 */
@Controller
class ChairPortalController {

	private final ChairPortals portals;

	private final kz.oqytu.training.TrainingCatalog catalog;

	private final Clock clock;

	private final kz.oqytu.schoolplans.SchoolPlans schools;

	private final kz.oqytu.calendar.CalendarFeeds calendars;

	ChairPortalController(ChairPortals portals, kz.oqytu.training.TrainingCatalog catalog, Clock clock,
			kz.oqytu.schoolplans.SchoolPlans schools, kz.oqytu.calendar.CalendarFeeds calendars) {
		this.calendars = calendars;
		this.clock = clock;
		this.schools = schools;
		this.portals = portals;
		this.catalog = catalog;
	}

	@GetMapping("/organizations/{id:\\d+}/portal")
	@AnyAccount
	String portal(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam(required = false) Integer year,
			Model model) {
		int thisYear = LocalDate.now(clock).getYear();
		int y = year != null && year >= 2000 && year <= thisYear + 1 ? year : thisYear;
		model.addAttribute("portal", portals.portal(me, id, y));
		// read after the portal, whose scope check refuses another organization's chair first
		model.addAttribute("copyPrevious", schools.canCopyPreviousYear(me, id, y));
		// issue #20: the organization's calendar feed (its address is made on the first view)
		model.addAttribute("calendarFeed", calendars.address(me, id));
		model.addAttribute("years", java.util.List.of(thisYear + 1, thisYear, thisYear - 1));
		model.addAttribute("formByCode", kz.oqytu.training.TrainingCatalog.byCode(catalog.forms()));
		model.addAttribute("topicByCode", kz.oqytu.training.TrainingCatalog.byCode(catalog.topics()));
		return "reports/portal";
	}
}
