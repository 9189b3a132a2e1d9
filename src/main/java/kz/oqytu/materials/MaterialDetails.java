package kz.oqytu.materials;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import kz.oqytu.shared.LocalizedText;

/**
 * A material's page. Versions newest first (a chair sees only those sent to their organization).
 * {@code distributions} and {@code summary} are for staff and empty / null for a chair.
 */
public record MaterialDetails(long id, String titleKk, String titleRu, MaterialType type, MaterialLanguage language,
		String description, List<String> topicCodes, List<LinkedEvent> events, List<VersionView> versions,
		long latestVersionId, LocalizedText owner, Instant createdAt, String createdBy, Instant updatedAt,
		String updatedBy, int version, boolean editable, boolean distributable, List<DistributionView> distributions,
		Summary summary) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}

	public Optional<VersionView> latest() {
		return versions.stream().filter(VersionView::latest).findFirst();
	}

	public Optional<VersionView> versionById(long versionId) {
		return versions.stream().filter(v -> v.id() == versionId).findFirst();
	}

	/**
	 * The latest version's reach among the active primary organizations the reader oversees
	 * ({@code audience}): received, downloaded, acknowledged, and not received ({@code missingLatest}).
	 */
	public record Summary(long audience, long receivedLatest, long downloadedLatest, long acknowledgedLatest,
			long missingLatest) {
	}
}
