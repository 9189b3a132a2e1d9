package kz.oqytu.organizations;

/** A row of the registry import: a new primary organization, or changes to an existing one. */
public record RegistryImportRow(Long existingId, long districtId, String nameKk, String nameRu, PrimaryKind kind,
		String address, String chairName, String chairPhone, String chairEmail) {

	public boolean isNew() {
		return existingId == null;
	}
}
