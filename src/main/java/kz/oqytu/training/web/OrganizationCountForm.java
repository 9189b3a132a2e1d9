package kz.oqytu.training.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.oqytu.training.OrganizationCounts;

/**
 * The grid of head counts per organization on the event page: an organization typed by name and
 * its five category counts per row. A JavaBean, as {@link ParticipantGridForm}, for indexed binding.
 */
public class OrganizationCountForm {

	static final int BLANK_ROWS = 3;

	private Integer version;

	private List<Row> rows = new ArrayList<>();

	/** The recorded rows of the event and a few blank ones to type into. */
	static OrganizationCountForm of(OrganizationCounts counts) {
		OrganizationCountForm form = new OrganizationCountForm();
		form.version = counts.version();
		for (OrganizationCounts.Line line : counts.recorded()) {
			Row row = new Row();
			row.organization = line.nameKk();
			row.counts.putAll(line.counts());
			form.rows.add(row);
		}
		form.addBlankRows(BLANK_ROWS);
		return form;
	}

	void addBlankRows(int count) {
		for (int i = 0; i < count; i++) {
			rows.add(new Row());
		}
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public List<Row> getRows() {
		return rows;
	}

	public void setRows(List<Row> rows) {
		this.rows = rows;
	}

	/** One organization's row; blank when neither a name nor any count was typed. */
	public static class Row {

		private String organization;

		private Map<String, Integer> counts = new LinkedHashMap<>();

		public boolean isBlank() {
			return (organization == null || organization.isBlank())
					&& counts.values().stream().allMatch(n -> n == null || n == 0);
		}

		public int getTotal() {
			return counts.values().stream().filter(n -> n != null && n > 0).mapToInt(Integer::intValue).sum();
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
}
