package kz.oqytu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoping by org-unit path is written once, by its owner (issue #21, decision 57): outside the
 * organizations module, Java SQL says "in this scope" only through {@code kz.oqytu.organizations.Scopes},
 * and the {@code %} of a scope's prefix is added only by {@code Scopes.prefix}. This test reads every
 * SQL string of the other modules' Java code (as {@link ModuleWallsTests} does) and lists each
 * hand-written path predicate; their code, for each prefix made by hand.
 */
class ScopePredicateTests {

	/** The owner: it writes the predicate (in {@code Scopes} and in its own queries). */
	static final String OWNER = "organizations";

	/**
	 * A path compared by LIKE ({@code u.path like :scope}, {@code :scopePath like o.path || '%'}), a
	 * pattern made of a path ({@code like b.path || '%'}), a path prefix test by function or operator.
	 */
	static final List<Pattern> SQL_PREDICATES = List.of(
			Pattern.compile("(?i)path\\s+(?:not\\s+)?i?like\\b"),
			Pattern.compile("(?i)\\bi?like\\s+[:\\w.]*path\\w*\\s*\\|\\|"),
			Pattern.compile("(?i)\\bstarts_with\\s*\\([^)]*?path"),
			Pattern.compile("(?i)path\\w*\\s*\\^@"));

	/** A scope's LIKE prefix made by hand: {@code user.scopePath() + "%"}, {@code audience + "%"}. */
	static final Pattern HAND_MADE_PREFIX = Pattern.compile("(?i)(?:path|scope|audience|region)\\w*(?:\\(\\))?\\)*\\s*\\+\\s*\"%\"");

	/** The hand-written scope predicates and prefixes of one Java file's text. */
	static List<String> handWritten(String java) {
		List<String> found = new ArrayList<>();
		for (String sql : ModuleWallsTests.sqlOf(java)) {
			for (Pattern p : SQL_PREDICATES) {
				Matcher m = p.matcher(sql);
				while (m.find()) {
					found.add(m.group().replaceAll("\\s+", " "));
				}
			}
		}
		String code = java.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", " ");
		Matcher m = HAND_MADE_PREFIX.matcher(code);
		while (m.find()) {
			found.add(m.group().replaceAll("\\s+", " "));
		}
		return found;
	}

	/** "file: copy" for every module but the owner. */
	static List<String> currentCopies() throws IOException {
		List<String> copies = new ArrayList<>();
		try (Stream<Path> modules = Files.list(ModuleWallsTests.SOURCES)) {
			for (Path dir : modules.filter(Files::isDirectory).sorted().toList()) {
				if (dir.getFileName().toString().equals(OWNER)) {
					continue;
				}
				try (Stream<Path> files = Files.walk(dir)) {
					for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
						for (String copy : handWritten(Files.readString(file))) {
							copies.add(ModuleWallsTests.SOURCES.relativize(file) + ": " + copy);
						}
					}
				}
			}
		}
		return copies;
	}

	/**
	 * No module but organizations writes the scope predicate or its prefix. Counted on 2026-12-06
	 * before {@code Scopes}: 74 predicates (69 by LIKE, 13 of them against a pattern made of another
	 * path, and 5 {@code starts_with}) and 45 prefixes made by hand, in 16 files of 6 modules; then 0.
	 */
	@Test
	void onlyOrganizationsWritesTheScopePredicate() throws IOException {
		assertThat(currentCopies())
			.as("write the scope with kz.oqytu.organizations.Scopes (within, under, startsWith, prefix)")
			.isEmpty();
	}

	/** The test catches what it is for, in text blocks and literals, and lets the rest through. */
	@Test
	void aDeliberateCopyIsCaught() {
		String java = """
				class Probe {
					// o.path like :scope in a comment is prose
					String a = "select 1 from organizations_v_unit o where o.path like :scope";
					String b = \"""
							select 1 from organizations_v_unit u join organizations_v_unit o
							  on o.path LIKE u.path || '%'
							where :scopePath like o.path || '%' and starts_with(o.path, u.path)
							\""";
					String c = "select 1 from organizations_v_unit u where u.path"
							+ " like :audience";
					Object d = params.put("scope", user.scopePath() + "%");
					Object e = params.put("audience", audience + "%");
					Object f = (covers ? region.path() : user.scopePath()) + "%";
				}
				""";
		assertThat(handWritten(java)).containsExactlyInAnyOrder("path like", "path LIKE", "LIKE u.path ||",
				"Path like", "like o.path ||", "starts_with(o.path", "path like", "scopePath() + \"%\"",
				"audience + \"%\"", "scopePath()) + \"%\"");
		String clean = """
				class Probe {
					String a = "select 1 from organizations_v_unit o where " + Scopes.within("o.path", "scope")
							+ " and (lower(o.name_kk) like :text or o.name_ru ilike :q)";
					String b = \"""
							select 1 from organizations_v_unit o where %s and o.name_kk like :text
							\""".formatted(Scopes.under("o.path", ":scopePath"));
					Object d = params.put("scope", Scopes.prefix(user.scopePath()));
					Object e = params.put("text", "%" + escapeLike(text) + "%");
				}
				""";
		assertThat(handWritten(clean)).isEmpty();
	}
}
