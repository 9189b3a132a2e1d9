package kz.oqytu.accounts;

/** Create or change an account. Password is only used on creation. */
public record AccountCommand(String username, String fullName, String email, Role role, long scopeUnitId,
		String password) {
}
