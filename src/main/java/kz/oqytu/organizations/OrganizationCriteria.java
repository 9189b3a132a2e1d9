package kz.oqytu.organizations;

/**
 * Filters, sort and page of the registry list. Sort is one of a fixed set of columns so no user
 * text reaches the SQL.
 */
public record OrganizationCriteria(String text, Long districtId, PrimaryKind kind, Boolean active, Sort sort,
		boolean descending, int page, int size) {

	public static final int DEFAULT_SIZE = 25;

	public static final int MAX_SIZE = 200;

	public OrganizationCriteria {
		text = text == null || text.isBlank() ? null : text.trim();
		sort = sort == null ? Sort.NAME : sort;
		page = Math.max(page, 0);
		size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}

	public enum Sort {
		NAME, DISTRICT, KIND, MEMBERS
	}
}
