package kz.oqytu.organizations.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.organizations.DistrictTotals;
import kz.oqytu.organizations.Organizations;
import java.time.Clock;

/** Members by district and city committee on two dates, rolled up to the region. */
@Controller
class DistrictController {

	private final Organizations organizations;

	private final Clock clock;

	DistrictController(Organizations organizations, Clock clock) {
		this.clock = clock;
		this.organizations = organizations;
	}

	@GetMapping("/organizations/districts")
	@StaffOnly
	String overview(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year, Model model) {
		List<LocalDate> dates = organizations.snapshotDates();
		LocalDate latest = year != null ? LocalDate.of(year, 1, 1)
				: dates.isEmpty() ? LocalDate.of(LocalDate.now(clock).getYear(), 1, 1) : dates.get(0);
		LocalDate previous = latest.minusYears(1);
		List<DistrictTotals> rows = organizations.districtTotals(me, previous, latest);
		model.addAttribute("rows", rows);
		model.addAttribute("latest", latest);
		model.addAttribute("previous", previous);
		model.addAttribute("dates", dates);
		model.addAttribute("region", organizations.regionOf(me).orElse(null));
		model.addAttribute("totalOrganizations", rows.stream().mapToLong(DistrictTotals::organizations).sum());
		model.addAttribute("totalPrevious", rows.stream().mapToLong(DistrictTotals::membersPrevious).sum());
		model.addAttribute("totalLatest", rows.stream().mapToLong(DistrictTotals::membersLatest).sum());
		return "organizations/districts";
	}
}
