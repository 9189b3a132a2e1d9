package kz.oqytu.requests;

/** Filters and page of the staff's request list. */
public record RequestCriteria(Integer year, RequestStatus status, Long districtId, String topicCode,
		String categoryCode, int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	public RequestCriteria {
		topicCode = topicCode == null || topicCode.isBlank() ? null : topicCode;
		categoryCode = categoryCode == null || categoryCode.isBlank() ? null : categoryCode;
		page = Math.max(page, 0);
		size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}
}
