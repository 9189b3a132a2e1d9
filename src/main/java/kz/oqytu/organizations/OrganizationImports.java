package kz.oqytu.organizations;

import java.time.LocalDate;
import java.util.Locale;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.shared.imports.ImportPreview;

/**
 * Excel import of the registry and of membership snapshots: template, preview with row errors,
 * and an all-or-nothing commit that validates the file again before writing.
 */
public interface OrganizationImports {

	byte[] registryTemplate(Locale locale);

	/** Pre-filled with the organizations in the user's scope, the count column left to fill in. */
	byte[] membershipTemplate(CurrentUser user, LocalDate asOf);

	ImportPreview<RegistryImportRow> previewRegistry(CurrentUser user, byte[] content);

	/** Writes every row or nothing; returns the number of rows written. */
	int commitRegistry(CurrentUser user, byte[] content);

	/**
	 * Issue #17: the registry file of one region chosen by an account at the union's root (an
	 * administrator loading a region just added). District and city committees the file names and the
	 * region lacks are added with it; they are listed here.
	 */
	RegistryPreview previewRegistry(CurrentUser user, long regionId, byte[] content);

	/** Writes the committees and rows of {@link #previewRegistry(CurrentUser, long, byte[])} or nothing. */
	int commitRegistry(CurrentUser user, long regionId, byte[] content);

	/** The rows, and the names of the committees the import adds to the region. */
	record RegistryPreview(ImportPreview<RegistryImportRow> rows, java.util.List<String> newDistricts) {
	}

	ImportPreview<MembershipImportRow> previewMembership(CurrentUser user, byte[] content);

	int commitMembership(CurrentUser user, byte[] content);
}
