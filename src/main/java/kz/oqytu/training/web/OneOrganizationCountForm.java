package kz.oqytu.training.web;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.oqytu.training.OrganizationCounts;

/**
 * The event page's "add or change one organization" form (issue #17): an organization typed by name
 * and its category counts, saved without sending every other organization's row back. A JavaBean, as
 * {@link OrganizationCountForm}, for binding {@code counts[CODE]}.
 */
public class OneOrganizationCountForm {

	private Integer version;

	private String organization;

	private Map<String, Integer> counts = new LinkedHashMap<>();

	/** Blank, or filled with one recorded organization's counts to change them. */
	static OneOrganizationCountForm of(OrganizationCounts counts, Long organizationId) {
		OneOrganizationCountForm form = new OneOrganizationCountForm();
		form.version = counts.version();
		if (organizationId != null) {
			counts.recorded().stream().filter(l -> l.organizationId() == organizationId).findFirst().ifPresent(l -> {
				form.organization = l.nameKk();
				form.counts.putAll(l.counts());
			});
		}
		return form;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public String getOrganization() {
		return organization;
	}

	public void setOrganization(String organization) {
		this.organization = organization;
	}

	public Map<String, Integer> getCounts() {
		return counts;
	}

	public void setCounts(Map<String, Integer> counts) {
		this.counts = counts;
	}
}
