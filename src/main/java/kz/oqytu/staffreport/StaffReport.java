package kz.oqytu.staffreport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A staff report of report year {@code year} (the year it is written in, e.g. 2026) about training
 * year {@code year - 1}, against the membership on 01.01 of both years, in one language (kk or ru).
 * The document is a flat list of blocks in the source report's order; {@code table} is the coverage
 * table that the {@link Kind#TABLE} block stands for. {@code shown} is the version whose texts are
 * shown (null: the generated draft alone); {@code frozen} when it is the approved one.
 */
public record StaffReport(long unitId, String unitName, int year, String language, List<Block> blocks, Table table,
		Version shown, boolean frozen, List<Version> versions) {

	public int trainingYear() {
		return year - 1;
	}

	/** Whether any block may be edited (a draft, never the approved version). */
	public boolean editable() {
		return !frozen;
	}

	public List<Block> findings() {
		return blocks.stream().filter(b -> b.kind() == Kind.FINDING).toList();
	}

	public enum Kind {
		TITLE, HEADING, TEXT, INTRO, BULLET, FINDING, TABLE, SIGNATURE
	}

	/**
	 * One paragraph: its stable key, what it is, its text; a finding carries its reason and the address
	 * of the figures behind it. {@code editable} for narrative paragraphs and findings; paragraphs that
	 * state figures are always the data's.
	 */
	public record Block(String key, Kind kind, String text, String reason, String link, boolean editable) {

		public boolean is(String kindName) {
			return kind.name().equals(kindName);
		}
	}

	/** The coverage table as printed: header cells and rows of formatted cells; {@code strong} rows in bold. */
	public record Table(List<String> header, List<List<String>> rows) {
	}

	/** A saved version of the texts; {@code approvedReportId} is the coverage snapshot it was frozen with. */
	public record Version(long id, int number, String language, String createdBy, Instant createdAt, boolean approved,
			Long approvedReportId, LocalDate approvedOn, String protocol) {
	}
}
