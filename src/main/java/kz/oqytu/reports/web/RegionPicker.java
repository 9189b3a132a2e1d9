package kz.oqytu.reports.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.organizations.UnitLevel;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.NotFoundException;

/**
 * The region picker of the country-level pages (issue #17, decision 0033): shown to accounts whose
 * scope is the union's root (the national officer, a union-level administrator, executive or
 * methodologist), it lists the regions and "Whole country" and submits {@code ?region=ID}. A
 * regional account gets no picker, and a region outside its scope is refused as before.
 */
@Component
class RegionPicker {

	/** What the fragment {@code fragments/region-picker} shows; {@code keep} are hidden fields to carry. */
	record Choice(List<UnitOption> regions, long rootId, long shown, Long chosen, Map<String, Object> keep) {
	}

	private final Organizations organizations;

	RegionPicker(Organizations organizations) {
		this.organizations = organizations;
	}

	/** Whether the account's scope covers more than one region: it sits at the union's root. */
	static boolean picks(CurrentUser user) {
		return user.isStaff() && user.scopePath() != null && user.scopePath().chars().filter(c -> c == '/').count() == 2;
	}

	/** Puts the picker into the model when the account gets one; {@code shown} is the node on screen. */
	void offer(CurrentUser user, Model model, long shown, Long chosen, Map<String, Object> keep) {
		if (!picks(user)) {
			return;
		}
		model.addAttribute("regionPicker",
				new Choice(organizations.regions(user), user.scopeUnitId(), shown, chosen, keep));
		// for the page's links: "" or "&region=ID" (a null link parameter would print "region=")
		model.addAttribute("regionSuffix", chosen == null ? "" : "&region=" + chosen);
	}

	/**
	 * The account acting within one region (or the whole union) it asked for: the same account with
	 * its scope narrowed, so every module's scoped query answers for that node only. A node outside
	 * the account's scope is refused; without a region the account is returned as it is.
	 */
	CurrentUser narrow(CurrentUser user, Long regionId) {
		if (regionId == null) {
			return user;
		}
		UnitInfo unit = organizations.info(regionId)
			.filter(u -> u.level() == UnitLevel.REGION || u.level() == UnitLevel.NATIONAL)
			.orElseThrow(() -> new NotFoundException("region " + regionId));
		if (!user.covers(unit.path())) {
			throw new AccessDeniedException("region " + regionId + " is outside the user's scope");
		}
		return new CurrentUser(user.id(), user.username(), user.fullName(), user.role(), unit.id(), unit.path());
	}
}
