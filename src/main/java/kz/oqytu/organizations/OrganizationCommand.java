package kz.oqytu.organizations;

/** Create or change a primary organization. */
public record OrganizationCommand(String nameKk, String nameRu, PrimaryKind kind, long districtId, String address,
		String chairName, String chairPhone, String chairEmail, boolean active) {
}
