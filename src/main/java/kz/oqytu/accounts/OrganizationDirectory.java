package kz.oqytu.accounts;

import java.util.List;
import java.util.Optional;

/**
 * What accounts needs to know of the union tree, implemented by the organizations module (which
 * depends on accounts, not the other way round).
 */
public interface OrganizationDirectory {

	Optional<UnitRef> find(long unitId);

	/** Nodes whose name contains the text, within the given path, best matches first. */
	List<UnitRef> search(String text, String withinPath, int limit);

	/**
	 * Resolves organization names as people write them in lists (spelling variants and the aliases
	 * kept for them), within the user's scope; read once, then asked per row.
	 */
	NameLookup names(CurrentUser user);

	/** Active primary organizations within the path, with their chair as the registry holds it. */
	List<RegistryChair> primaryOrganizations(String withinPath);

	@FunctionalInterface
	interface NameLookup {

		Resolution resolve(String name);
	}

	/** The unit a name resolved to; or none, with whether several matched and the nearest name. */
	record Resolution(Long id, boolean ambiguous, String nearest) {
	}

	/** A primary organization and its chair's name, email and phone from the registry (may be blank). */
	record RegistryChair(long id, String nameKk, String nameRu, String chairName, String chairEmail,
			String chairPhone) {

		public String name(java.util.Locale locale) {
			return locale != null && "ru".equals(locale.getLanguage()) && nameRu != null ? nameRu : nameKk;
		}
	}

	/** A node of the union tree as accounts sees it. */
	record UnitRef(long id, String path, String nameKk, String nameRu, boolean primary) {

		public String name(java.util.Locale locale) {
			return locale != null && "ru".equals(locale.getLanguage()) && nameRu != null ? nameRu : nameKk;
		}
	}
}
