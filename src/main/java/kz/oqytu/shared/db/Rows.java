package kz.oqytu.shared.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Small helpers of reading and writing rows that several modules' services share. */
public final class Rows {

	private Rows() {
	}

	/** A typed text as stored: trimmed, and null when nothing but blanks was typed. */
	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** An integer column that may be SQL null. */
	public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	/** A comma-separated list of codes as {@code string_agg} returns it; none for null or blank. */
	public static List<String> codes(String list) {
		return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
	}
}
