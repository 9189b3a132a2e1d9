package kz.oqytu.materials;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * A material in the library list. For staff the version is the latest and {@code organizations}
 * counts the organizations in their scope that received any version; for a chair the version is
 * the newest one sent to their organization and {@code received} says how it was received.
 */
public record MaterialRow(long id, String titleKk, String titleRu, MaterialType type, MaterialLanguage language,
		List<String> topicCodes, Instant updatedAt, long versionId, int versionNumber, FileType fileType, long size,
		long organizations, Delivery received) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}
}
