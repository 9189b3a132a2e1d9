package kz.oqytu.accounts;

import java.time.Instant;

/** An account as list and edit pages show it. */
public record AccountView(long id, String username, String fullName, String email, Role role, long scopeUnitId,
		String scopeNameKk, String scopeNameRu, boolean enabled, boolean invited,
		Instant lastLoginAt, int version) {

	/** What the administrator's list shows: invited (no password chosen yet), active or disabled. */
	public enum Status {
		INVITED, ACTIVE, DISABLED
	}

	public Status status() {
		return !enabled ? Status.DISABLED : invited ? Status.INVITED : Status.ACTIVE;
	}


	public String scopeName(java.util.Locale locale) {
		return locale != null && "ru".equals(locale.getLanguage()) && scopeNameRu != null ? scopeNameRu : scopeNameKk;
	}
}
