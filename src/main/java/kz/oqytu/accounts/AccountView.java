package kz.oqytu.accounts;

import java.time.Instant;

/** An account as list and edit pages show it. */
public record AccountView(long id, String username, String fullName, String email, Role role, long scopeUnitId,
		String scopeNameKk, String scopeNameRu, boolean enabled, Instant lastLoginAt, int version) {

	public String scopeName(java.util.Locale locale) {
		return locale != null && "ru".equals(locale.getLanguage()) && scopeNameRu != null ? scopeNameRu : scopeNameKk;
	}
}
