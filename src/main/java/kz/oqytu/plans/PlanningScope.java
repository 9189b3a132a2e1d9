package kz.oqytu.plans;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.NotFoundException;

/**
 * Which union body the plan, campaigns and resolutions of a user belong to (their regional
 * organization), and who may read and write them: one rule for the plans, requests and resolutions
 * modules (issue #21), which all work on the region's plan.
 */
@Component
public class PlanningScope {

	private final Organizations organizations;

	PlanningScope(Organizations organizations) {
		this.organizations = organizations;
	}

	/** The regional organization: its id and materialized path. */
	public record Body(long id, String path) {
	}

	/**
	 * The user's regional organization: read from their scope path ("/1/2/..." : node 2) without a
	 * query; a national account works in the first region.
	 */
	public Body region(CurrentUser user) {
		String[] ids = user.scopePath().split("/");
		if (ids.length >= 3) {
			return new Body(Long.parseLong(ids[2]), "/" + ids[1] + "/" + ids[2] + "/");
		}
		UnitOption region = organizations.regionOf(user).orElseThrow(() -> new NotFoundException("region"));
		return new Body(region.id(), user.scopePath() + region.id() + "/");
	}

	public Body readableRegion(CurrentUser user) {
		requireStaff(user);
		return region(user);
	}

	/** The region, when the user writes training data and their scope covers it. */
	public Body writableRegion(CurrentUser user) {
		requireWriter(user);
		Body region = region(user);
		if (!user.covers(region.path())) {
			throw new AccessDeniedException("the region is outside the user's scope");
		}
		return region;
	}

	public static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}

	public static void requireWriter(CurrentUser user) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
	}

	public static boolean isAdmin(CurrentUser user) {
		return user.is(Role.ADMIN);
	}
}
