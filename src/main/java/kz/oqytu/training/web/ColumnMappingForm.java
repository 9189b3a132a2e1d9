package kz.oqytu.training.web;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.oqytu.training.ParticipantColumns;

/**
 * The columns chosen for an import (0-based), carried in the URL and in hidden fields so that no
 * state waits in the session between the steps. All empty: recognize the columns by their headers.
 */
public record ColumnMappingForm(Integer nameColumn, Integer organizationColumn, Integer categoryColumn,
		Integer positionColumn) {

	static ColumnMappingForm of(ParticipantColumns c) {
		return new ColumnMappingForm(c.name(), c.organization(), c.category(), c.position());
	}

	ParticipantColumns columns() {
		return new ParticipantColumns(nameColumn, organizationColumn, categoryColumn, positionColumn);
	}

	/** The chosen columns as request parameters, for links and redirects. */
	Map<String, Integer> parameters() {
		Map<String, Integer> p = new LinkedHashMap<>();
		if (nameColumn != null) {
			p.put("nameColumn", nameColumn);
		}
		if (organizationColumn != null) {
			p.put("organizationColumn", organizationColumn);
		}
		if (categoryColumn != null) {
			p.put("categoryColumn", categoryColumn);
		}
		if (positionColumn != null) {
			p.put("positionColumn", positionColumn);
		}
		return p;
	}
}
