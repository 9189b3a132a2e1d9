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

	/**
	 * The regional organizations in the user's subtree, by Kazakh name (issue #17: the region picker).
	 * A regional account gets its own region only; an account at the union's root gets all of them.
	 */
	List<UnitOption> regions(CurrentUser user);

	/**
	 * Adds a regional organization under the union's root (an administrator at the root only). Its
	 * districts and primary organizations then come with the registry import.
	 */
	long createRegion(CurrentUser user, String nameKk, String nameRu);

	Optional<UnitInfo> info(long id);

	/** Several nodes at once (one query); unknown ids are absent from the map. */
	java.util.Map<Long, UnitInfo> infos(java.util.Collection<Long> ids);

	/**
	 * Committees and primary organizations in the user's scope by normalized name (Kazakh and
	 * Russian). A name used by two organizations maps to null: it cannot identify one.
	 */
	java.util.Map<String, Long> nameIndex(CurrentUser user);

	/** Organizations in the user's scope whose names are nearest to the text, best first. */
	List<UnitOption> suggest(CurrentUser user, String text, int limit);

	/** Like {@link #nameIndex(CurrentUser)} for a subtree, for public pages with no account. */
	java.util.Map<String, Long> nameIndex(String scopePath);

	/** Like {@link #suggest(CurrentUser, String, int)} for a subtree, primary organizations only. */
	List<UnitOption> suggestPrimary(String scopePath, String text, int limit);

	/**
	 * A matcher of names as typed in lists, for the committees and primary organizations in the
	 * user's scope and the aliases kept for them (two statements).
	 */
	NameMatcher nameMatcher(CurrentUser user);

	/**
	 * Like {@link #nameMatcher(CurrentUser)} for a subtree, for public pages with no account (the
	 * participant's self check-in matches names and aliases as the participant import does).
	 */
	NameMatcher nameMatcher(String scopePath);

	/** The active primary organizations of a subtree by Kazakh name, at most {@code limit}, for public pick lists. */
	List<UnitOption> primaryOrganizations(String scopePath, int limit);

	/**
	 * Keeps spellings as aliases of organizations (spelling → organization id), so the next file
	 * matches by itself; a spelling already kept for another organization now names this one.
	 * Every organization must lie in the user's scope.
	 */
	void addAliases(CurrentUser user, java.util.Map<String, Long> organizationBySpelling);

	/** The aliases of one organization, oldest first. */
	List<UnitAlias> aliases(CurrentUser user, long unitId);

	/** Removes one alias of an organization. */
	void removeAlias(CurrentUser user, long unitId, long aliasId);

	/** The form of a name used as a key by {@link #nameIndex}: lower case, single spaces, ё as е. */
	static String nameKey(String name) {
		return name == null ? "" : name.strip().replaceAll("\\s+", " ").replace('ё', 'е').replace('Ё', 'Е')
			.toLowerCase(java.util.Locale.ROOT);
	}
}
