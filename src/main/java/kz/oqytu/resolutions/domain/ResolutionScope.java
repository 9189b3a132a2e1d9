package kz.oqytu.resolutions.domain;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.NotFoundException;

/**
 * Which union body the plan, campaigns and resolutions of a user belong to (their regional
 * organization), and who may read and write them.
 */
@Component
class ResolutionScope {

	private final Organizations organizations;

	ResolutionScope(Organizations organizations) {
		this.organizations = organizations;
	}

	/** The regional organization: its id and materialized path. */
	record Body(long id, String path) {
	}

	/**
	 * The user's regional organization: read from their scope path ("/1/2/..." : node 2) without a
	 * query; a national account works in the first region.
	 */
	Body region(CurrentUser user) {
		String[] ids = user.scopePath().split("/");
		if (ids.length >= 3) {
			return new Body(Long.parseLong(ids[2]), "/" + ids[1] + "/" + ids[2] + "/");
		}
		UnitOption region = organizations.regionOf(user).orElseThrow(() -> new NotFoundException("region"));
		return new Body(region.id(), user.scopePath() + region.id() + "/");
	}

	Body readableRegion(CurrentUser user) {
		requireStaff(user);
		return region(user);
	}

	/** The region, when the user writes training data and their scope covers it. */
	Body writableRegion(CurrentUser user) {
		requireWriter(user);
		Body region = region(user);
		if (!user.covers(region.path())) {
			throw new AccessDeniedException("the region is outside the user's scope");
		}
		return region;
	}

	static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}

	static void requireWriter(CurrentUser user) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
	}

	static boolean isAdmin(CurrentUser user) {
		return user.is(Role.ADMIN);
	}
}
