package kz.oqytu.surveys;

/** Filters and page of the interview list; {@code organization} is part of an organization's name. */
public record InterviewCriteria(Integer year, Long districtId, String organization, int page, int size) {

	public static final int DEFAULT_SIZE = 25;

	public static final int MAX_SIZE = 100;

	public InterviewCriteria {
		organization = organization == null || organization.isBlank() ? null : organization.strip();
		page = Math.max(page, 0);
		size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}
}
