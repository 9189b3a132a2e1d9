package kz.oqytu.training.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import kz.oqytu.training.CatalogItem;

/**
 * Several participants typed at once in a grid. A JavaBean (not a record) because Spring binds
 * indexed rows ({@code rows[3].fullName}) into mutable objects most reliably.
 */
public class ParticipantGridForm {

	static final int BLANK_ROWS = 5;

	/** Rows one save takes: a seminar's list pasted from a sheet, with room to spare. */
	static final int MAX_ROWS = 500;

	private List<Row> rows = new ArrayList<>();

	static ParticipantGridForm blank(int count) {
		ParticipantGridForm form = new ParticipantGridForm();
		for (int i = 0; i < count; i++) {
			form.rows.add(new Row());
		}
		return form;
	}

	/** The catalogue code of a category given by its code or by its name in any language, loosely. */
	static Optional<String> categoryOf(String typed, List<CatalogItem> categories) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		String wanted = loose(typed);
		return categories.stream()
			.filter(c -> c.code().equalsIgnoreCase(typed.strip()) || wanted.equals(loose(c.nameKk()))
					|| wanted.equals(loose(c.nameRu())) || wanted.equals(loose(c.nameEn())))
			.map(CatalogItem::code)
			.findFirst();
	}

	private static String loose(String text) {
		return text == null ? "" : text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\p{N}]", "");
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
