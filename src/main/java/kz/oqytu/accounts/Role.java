package kz.oqytu.accounts;

/** What an account may do; where it may do it is its scope node. */
public enum Role {

	/** Everything, including user management. */
	ADMIN,
	/** All training work in the scope. */
	METHODOLOGIST,
	/** Reads everything in the scope, writes nothing. */
	EXECUTIVE,
	/** Bound to exactly one primary organization; sees and edits only that organization's own data. */
	CHAIR,
	/**
	 * The union's national office (issue #17): scoped to the union's root, reads every region like an
	 * executive committee, writes no training data, and records the approval of the national report.
	 */
	NATIONAL_OFFICER;

	public String authority() {
		return "ROLE_" + name();
	}

	public boolean isStaff() {
		return this != CHAIR;
	}

	public boolean writesTraining() {
		return this == ADMIN || this == METHODOLOGIST;
	}
}
