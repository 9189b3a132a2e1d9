package kz.oqytu.schoolplans;

/** Filters and page of the school plans overview. */
public record SchoolCriteria(int year, Long districtId, SchoolPlanState state, String text, int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	public SchoolCriteria {
		text = text == null || text.isBlank() ? null : text.trim();
		page = Math.max(page, 0);
		size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}
}
