package kz.oqytu.materials;

import java.time.Instant;

/**
 * A version of a material and its file. Staff see how many organizations in their scope it was
 * sent to, how many downloaded and acknowledged it; a chair sees only versions sent to their
 * organization, with {@code received}.
 */
public record VersionView(long id, int number, FileType fileType, long size, String sha256, String originalFilename,
		String note, Instant createdAt, String createdBy, boolean latest, long sent, long downloaded, long acknowledged,
		Delivery received) {
}
