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

	/** A node of the union tree as accounts sees it. */
	record UnitRef(long id, String path, String nameKk, String nameRu, boolean primary) {

		public String name(java.util.Locale locale) {
			return locale != null && "ru".equals(locale.getLanguage()) && nameRu != null ? nameRu : nameKk;
		}
	}
}
