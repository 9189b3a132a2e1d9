package kz.oqytu.training.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Several participants typed at once in a grid. A JavaBean (not a record) because Spring binds
 * indexed rows ({@code rows[3].fullName}) into mutable objects most reliably.
 */
public class ParticipantGridForm {

	static final int BLANK_ROWS = 5;

	private List<Row> rows = new ArrayList<>();

	static ParticipantGridForm blank(int count) {
		ParticipantGridForm form = new ParticipantGridForm();
		for (int i = 0; i < count; i++) {
			form.rows.add(new Row());
		}
		return form;
	}

	public List<Row> getRows() {
		return rows;
	}

	public void setRows(List<Row> rows) {
		this.rows = rows;
	}

	/** One typed row; the organization is typed by name and resolved on the server. */
	public static class Row {

		private String fullName;

		private String organization;

		private String categoryCode;

		private String position;

		public boolean isBlank() {
			return (fullName == null || fullName.isBlank()) && (organization == null || organization.isBlank())
					&& (position == null || position.isBlank());
		}

		public String getFullName() {
			return fullName;
		}

		public void setFullName(String fullName) {
			this.fullName = fullName;
		}

		public String getOrganization() {
			return organization;
		}

		public void setOrganization(String organization) {
			this.organization = organization;
		}

		public String getCategoryCode() {
			return categoryCode;
		}

		public void setCategoryCode(String categoryCode) {
			this.categoryCode = categoryCode;
		}

		public String getPosition() {
			return position;
		}

		public void setPosition(String position) {
			this.position = position;
		}
	}
}
