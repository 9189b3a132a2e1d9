package kz.oqytu.materials;

/** Filters and page of the library. */
public record MaterialCriteria(String text, MaterialType type, String topicCode, MaterialLanguage language,
		Long eventId, int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	public MaterialCriteria {
		text = text == null || text.isBlank() ? null : text.strip();
		topicCode = topicCode == null || topicCode.isBlank() ? null : topicCode;
		page = Math.max(page, 0);
		size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}

	public static MaterialCriteria all() {
		return new MaterialCriteria(null, null, null, null, null, 0, DEFAULT_SIZE);
	}
}
