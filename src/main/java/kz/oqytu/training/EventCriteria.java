package kz.oqytu.training;

/**
 * Filters, sort and page of the event list. Sort is one of a fixed set of columns so no user text
 * reaches the SQL.
 */
public record EventCriteria(Integer year, Integer month, Long districtId, String formCode, String topicCode,
		EventStatus status, String categoryCode, String text, Sort sort, boolean descending, int page, int size) {

	public static final int DEFAULT_SIZE = 25;

	public static final int MAX_SIZE = 200;

	public EventCriteria {
		text = text == null || text.isBlank() ? null : text.trim();
		formCode = formCode == null || formCode.isBlank() ? null : formCode;
		topicCode = topicCode == null || topicCode.isBlank() ? null : topicCode;
		categoryCode = categoryCode == null || categoryCode.isBlank() ? null : categoryCode;
		month = month != null && (month < 1 || month > 12) ? null : month;
		sort = sort == null ? Sort.DATE : sort;
		page = Math.max(page, 0);
		size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}

	public static EventCriteria ofYear(int year) {
		return new EventCriteria(year, null, null, null, null, null, null, null, Sort.DATE, false, 0, DEFAULT_SIZE);
	}

	public enum Sort {
		DATE, TITLE, FORM, DISTRICT, PARTICIPANTS, STATUS
	}
}
