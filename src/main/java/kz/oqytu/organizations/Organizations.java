package kz.oqytu.organizations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;

import kz.oqytu.accounts.CurrentUser;

/**
 * The organizations module's API. Every read and write takes the acting user and stays inside
 * their subtree; outside it an {@link org.springframework.security.access.AccessDeniedException}.
 */
public interface Organizations {

	Page<OrganizationRow> search(CurrentUser user, OrganizationCriteria criteria);

	OrganizationDetails details(CurrentUser user, long id);

	/** Whether the user may see the organization (it lies in their subtree). */
	boolean canRead(CurrentUser user, long id);

	/** District and city committees in the user's scope, city first. */
	List<UnitOption> committees(CurrentUser user);

	long create(CurrentUser user, OrganizationCommand command);

	void update(CurrentUser user, long id, int version, OrganizationCommand command);

	/** Sets the members of one primary organization on 1 January of a year. */
	void recordMembership(CurrentUser user, long id, LocalDate asOf, int members);

	/** Members on a date in the subtree of the given node (the region, a committee, ...). */
	long totalMembers(long unitId, LocalDate asOf);

	List<DistrictTotals> districtTotals(CurrentUser user, LocalDate previous, LocalDate latest);

	/** Snapshot dates that exist, newest first. */
	List<LocalDate> snapshotDates();

	Optional<UnitOption> unit(long id);

	/** The regional organization the user works in (their scope node or its region ancestor). */
	Optional<UnitOption> regionOf(CurrentUser user);

	boolean registryEmpty();
}
