package kz.oqytu.training.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.util.MultiValueMap;

import kz.oqytu.training.ImportDecisions;

/**
 * The preview's decisions as request parameters: {@code org.<spelling id>=<organization id>} for
 * each spelling's chosen organization, and {@code exclude=<row number>} for each row left out.
 * Values that do not parse are ignored, so a changed URL gives a preview, never an error page.
 */
final class DecisionParameters {

	static final String ORGANIZATION_PREFIX = "org.";

	static final String EXCLUDE = "exclude";

	/** More decisions than this in one request are not read (a file has at most 20 000 rows). */
	static final int MAX_DECISIONS = 20_000;

	private DecisionParameters() {
	}

	static ImportDecisions read(MultiValueMap<String, String> parameters) {
		Map<String, Long> chosen = new HashMap<>();
		Set<Integer> excluded = new TreeSet<>();
		for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
			String name = e.getKey();
			if (name.startsWith(ORGANIZATION_PREFIX) && name.length() <= ORGANIZATION_PREFIX.length() + 16
					&& chosen.size() < MAX_DECISIONS) {
				Long id = number(e.getValue().isEmpty() ? null : e.getValue().get(0));
				if (id != null && id > 0) {
					chosen.put(name.substring(ORGANIZATION_PREFIX.length()), id);
				}
			}
			else if (EXCLUDE.equals(name)) {
				for (String v : e.getValue()) {
					Long row = number(v);
					if (row != null && row > 0 && row <= Integer.MAX_VALUE && excluded.size() < MAX_DECISIONS) {
						excluded.add(row.intValue());
					}
				}
			}
		}
		return new ImportDecisions(chosen, excluded);
	}

	/** The decisions as parameters again, for a redirect back to the preview. */
	static Map<String, List<String>> write(ImportDecisions decisions) {
		Map<String, List<String>> p = new HashMap<>();
		decisions.organizationBySpelling().forEach((k, v) -> p.put(ORGANIZATION_PREFIX + k, List.of(String.valueOf(v))));
		List<String> rows = new ArrayList<>();
		decisions.excludedRows().forEach(r -> rows.add(String.valueOf(r)));
		if (!rows.isEmpty()) {
			p.put(EXCLUDE, rows);
		}
		return p;
	}

	private static Long number(String text) {
		if (text == null || text.isBlank() || text.length() > 18) {
			return null;
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
