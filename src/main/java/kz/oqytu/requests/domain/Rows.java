package kz.oqytu.requests.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Small helpers of reading and writing rows, the module's own (each module keeps its own, decision 0056). */
final class Rows {

	private Rows() {
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	static Integer intOrNull(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	static List<String> codes(String list) {
		return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
	}
}
