package kz.oqytu.accounts;

/**
 * The signed-in account as the rest of the application sees it. {@code scopePath} is the
 * materialized path of the scope node ("/1/2/"): the account acts on that node and below.
 */
public record CurrentUser(long id, String username, String fullName, Role role, long scopeUnitId, String scopePath)
		implements java.io.Serializable {

	public boolean is(Role other) {
		return role == other;
	}

	public boolean isStaff() {
		return role.isStaff();
	}

	public boolean writesTraining() {
		return role.writesTraining();
	}

	/** Whether a node with the given path lies in this account's subtree. */
	public boolean covers(String unitPath) {
		return unitPath != null && scopePath != null && unitPath.startsWith(scopePath);
	}
}
