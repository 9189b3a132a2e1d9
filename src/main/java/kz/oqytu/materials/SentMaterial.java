package kz.oqytu.materials;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * A version sent to one organization, as its chair sees it: {@code latest} is false when a newer
 * version of the material exists (sent to the organization or not).
 */
public record SentMaterial(long materialId, long versionId, String titleKk, String titleRu, MaterialType type,
		MaterialLanguage language, int versionNumber, boolean latest, FileType fileType, long size,
		Delivery delivery) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}

	public DeliveryStatus status() {
		return delivery.status();
	}
}
