package kz.oqytu.materials;

/**
 * Filters of a material's distribution register. Recipients are shown with the newest version
 * each organization received, or only those of {@code versionId}; {@code missing} narrows the
 * organizations without the latest version to those that never received any ({@code NONE}) or
 * only an older one ({@code OLDER}).
 */
public record RegisterCriteria(Long districtId, DeliveryStatus status, Long versionId, Missing missing, int page,
		int missingPage) {

	public static final int PAGE_SIZE = 50;

	public RegisterCriteria {
		missing = missing == null ? Missing.ALL : missing;
		page = Math.max(page, 0);
		missingPage = Math.max(missingPage, 0);
	}

	public static RegisterCriteria all() {
		return new RegisterCriteria(null, null, null, Missing.ALL, 0, 0);
	}

	public enum Missing {
		ALL, NONE, OLDER
	}
}
