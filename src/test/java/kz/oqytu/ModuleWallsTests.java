package kz.oqytu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The walls between modules in SQL (issue #21, part 1). Each table belongs to the module whose
 * migration creates it ({@code V…__<module>_….sql}), or to the module a later migration hands it over
 * to ({@code comment on table X is 'module: M'}, decision 56); another module may read it only through the
 * owner's published views ({@code <module>_v_*}). This test reads every SQL string of each module's
 * Java code (string literals and text blocks, JPA {@code @Table} names) and the functions and views its
 * migrations leave in the schema (decision 55), and lists each place that names another module's table.
 */
class ModuleWallsTests {

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	static final Path SOURCES = Path.of("src/main/java/kz/oqytu");

	private static final Pattern MIGRATION_NAME = Pattern.compile("V\\d+__([a-z]+)_.*\\.sql");

	private static final Pattern CREATES = Pattern.compile(
			"(?i)create\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

	/** A table named where SQL names tables: after from, join, into, update, references, table. */
	private static final Pattern NAMED = Pattern.compile(
			"(?i)\\b(?:from|join|into|update|references|table|truncate)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");

	private static final Pattern JPA_TABLE = Pattern.compile("@Table\\s*\\(\\s*name\\s*=\\s*\"([a-zA-Z_0-9]+)\"");

	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);

	private static final Pattern LITERAL = Pattern.compile("\"((?:\\\\.|[^\"\\\\\\n])*)\"");

	/**
	 * A later migration hands a table over to another module (decision 56): landed migrations keep their
	 * names, so the schema records the new owner, {@code comment on table X is 'module: M'}.
	 */
	private static final Pattern HANDED_OVER = Pattern.compile(
			"(?i)comment\\s+on\\s+table\\s+([a-z_][a-z0-9_]*)\\s+is\\s+'module:\\s*([a-z]+)'");

	/**
	 * Table name → owning module: the module whose migration creates it, unless a later migration hands
	 * it over ({@code comment on table X is 'module: M'}).
	 */
	static Map<String, String> owners() throws IOException {
		Map<String, String> owners = new TreeMap<>();
		for (Path file : migrations()) {
			owners(module(file), stripSqlComments(Files.readString(file)), owners);
		}
		return owners;
	}

	/** What one migration of {@code module} creates and hands over, in the order the migrations run. */
	static void owners(String module, String sql, Map<String, String> owners) {
		Matcher m = CREATES.matcher(sql);
		while (m.find()) {
			owners.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), module);
		}
		Matcher handed = HANDED_OVER.matcher(sql);
		while (handed.find()) {
			String table = handed.group(1).toLowerCase(Locale.ROOT);
			if (!owners.containsKey(table)) {
				throw new IllegalStateException("a migration of " + module + " hands over " + table
						+ ", which no earlier migration creates");
			}
			owners.put(table, handed.group(2).toLowerCase(Locale.ROOT));
		}
	}

	static List<Path> migrations() throws IOException {
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			return files.filter(f -> MIGRATION_NAME.matcher(f.getFileName().toString()).matches()).sorted().toList();
		}
	}

	static String module(Path migration) {
		Matcher m = MIGRATION_NAME.matcher(migration.getFileName().toString());
		if (!m.matches()) {
			throw new IllegalArgumentException(migration.toString());
		}
		return m.group(1);
	}

	static String stripSqlComments(String sql) {
		return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
	}

	/** The SQL a Java file holds: its text blocks and string literals, and its JPA table names. */
	static List<String> sqlOf(String java) {
		List<String> sql = new ArrayList<>();
		Matcher jpa = JPA_TABLE.matcher(java);
		while (jpa.find()) {
			sql.add("table " + jpa.group(1));
		}
		// comments are prose: "read from training" is not a query
		String code = java.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
		Matcher blocks = TEXT_BLOCK.matcher(code);
		StringBuilder rest = new StringBuilder();
		while (blocks.find()) {
			sql.add(blocks.group(1));
			blocks.appendReplacement(rest, " ");
		}
		blocks.appendTail(rest);
		Matcher literals = LITERAL.matcher(rest);
		StringBuilder joined = new StringBuilder();
		while (literals.find()) {
			// statements are often split into "select … from " + "table …" pieces: read them as one
			joined.append(literals.group(1)).append(' ');
		}
		sql.add(joined.toString());
		return sql;
	}

	/** Tables of other modules named in {@code sql}, unless they are the owner's published views. */
	static List<String> crossings(String module, String sql, Map<String, String> owners) {
		List<String> found = new ArrayList<>();
		Matcher m = NAMED.matcher(sql);
		while (m.find()) {
			String table = m.group(1).toLowerCase(Locale.ROOT);
			String owner = owners.get(table);
			if (owner == null || owner.equals(module) || table.startsWith(owner + "_v_")) {
				continue;
			}
			found.add(table);
		}
		return found;
	}

	/** "module -> table (owner)" → places, over every module's Java code and migrations. */
	static Map<String, Integer> currentCrossings() throws IOException {
		Map<String, String> owners = owners();
		Map<String, Integer> places = new TreeMap<>();
		try (Stream<Path> modules = Files.list(SOURCES)) {
			for (Path dir : modules.filter(Files::isDirectory).sorted().toList()) {
				String module = dir.getFileName().toString();
				try (Stream<Path> files = Files.walk(dir)) {
					for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
						for (String sql : sqlOf(Files.readString(file))) {
							count(places, module, crossings(module, sql, owners), owners);
						}
					}
				}
			}
		}
		for (Definition d : definitions().values()) {
			count(places, d.module(), crossings(d.module(), d.body(), owners), owners);
		}
		return places;
	}

	/** A function or view as the schema holds it: its latest definition, and the module that wrote it. */
	record Definition(String module, String body) {
	}

	private static final Pattern FUNCTION = Pattern.compile(
			"(?is)create\\s+(?:or\\s+replace\\s+)?function\\s+([a-z_][a-z0-9_]*)\\s*\\(.*?\\$\\$(.*?)\\$\\$");

	private static final Pattern VIEW = Pattern.compile(
			"(?is)create\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+([a-z_][a-z0-9_]*)\\s+as\\s+(.*?);");

	/**
	 * What of the migrations lives on in the schema (decision 55): the bodies of functions and views,
	 * each in its latest definition (a later {@code create or replace} supersedes the landed one).
	 * Foreign keys are not reads (the database guarding an id the owner's API hands out), and a
	 * migration's one-off data statements ran once: neither is counted.
	 */
	static Map<String, Definition> definitions() throws IOException {
		Map<String, Definition> definitions = new TreeMap<>();
		for (Path file : migrations()) {
			definitions.putAll(definitions(module(file), stripSqlComments(Files.readString(file))));
		}
		return definitions;
	}

	static Map<String, Definition> definitions(String module, String sql) {
		Map<String, Definition> found = new TreeMap<>();
		for (Pattern p : List.of(FUNCTION, VIEW)) {
			Matcher m = p.matcher(sql);
			while (m.find()) {
				found.put(m.group(1).toLowerCase(Locale.ROOT), new Definition(module, m.group(2)));
			}
		}
		return found;
	}

	private static void count(Map<String, Integer> places, String module, List<String> tables, Map<String, String> owners) {
		for (String table : tables) {
			places.merge(module + " -> " + table + " (" + owners.get(table) + ")", 1, Integer::sum);
		}
	}

	/**
	 * No module names another module's table. Counted on 2026-12-06 before the walls: 231 places in 32
	 * pairs (org_unit 140 of them); then 230 (housekeeping per module), 123 (organizations' views, V380),
	 * 80 (training's views, V381), 38 (migrations: functions and views in their latest definition,
	 * foreign keys not counted, decision 55), 1 (the rollup and fold functions on the views, V382, V383),
	 * 0 (web's sessions ended through its own function, V384); 0 after planning's split into plans,
	 * schoolplans, requests and resolutions (their tables handed over, V390 to V393, the plan items
	 * published as plans_v_item, V394; decision 56).
	 */
	@Test
	void noModuleNamesAnotherModulesTable() throws IOException {
		assertThat(currentCrossings())
			.as("crossings of module walls: read the owner's published view (<module>_v_*), function or Java API")
			.isEmpty();
	}

	/** The test catches what it is for: a query naming another module's table, and not its published view. */
	@Test
	void aDeliberatelyCrossingQueryIsCaught() throws IOException {
		Map<String, String> owners = owners();
		assertThat(owners).containsEntry("org_unit", "organizations").containsEntry("training_event", "training")
			.containsEntry("training_v_org_attendance", "training").containsEntry("login_throttle", "accounts");
		String java = """
				class Probe {
					// from training_event: a comment is not a query
					String sql = "select e.id from training_event e join org_unit o on o.id = e.organizer_unit_id"
							+ " left join training_v_org_attendance v on v.event_id = e.id";
					String block = \"""
							delete from login_throttle where 1 = 1
							\""";
				}
				""";
		List<String> found = sqlOf(java).stream().flatMap(sql -> crossings("reports", sql, owners).stream()).toList();
		assertThat(found).containsExactlyInAnyOrder("training_event", "org_unit", "login_throttle");
		// in a migration, a function's body names tables; a later definition replaces the landed one
		Map<String, Definition> landed = definitions("reports", stripSqlComments("""
				create function reports_probe() returns void language sql as $$ select 1 from training_event $$;
				alter table report_approval add constraint x foreign key (region_id) references org_unit (id);
				create view reports_v_probe as select id from org_unit;
				"""));
		assertThat(landed.values().stream().flatMap(d -> crossings(d.module(), d.body(), owners).stream()).toList())
			.containsExactlyInAnyOrder("training_event", "org_unit");
		landed.putAll(definitions("reports", """
				create or replace function reports_probe() returns void language sql as $$ select 1 from training_v_event $$;
				"""));
		assertThat(landed.values().stream().flatMap(d -> crossings(d.module(), d.body(), owners).stream()).toList())
			.containsExactly("org_unit");
		// the owner itself may name its tables
		assertThat(sqlOf(java).stream().flatMap(sql -> crossings("training", sql, owners).stream()).toList())
			.containsExactlyInAnyOrder("org_unit", "login_throttle");
	}

	/**
	 * A hand-over moves a table to its new owner: the creating migration's module may no longer name it,
	 * the new owner may (decision 56). The planning tables were handed over so (V390 to V393).
	 */
	@Test
	void aLaterCommentHandsATableOverToAnotherModule() throws IOException {
		Map<String, String> owners = new TreeMap<>();
		owners("planning", stripSqlComments("""
				create table resolution (id bigint primary key);
				-- comment on table resolution is 'module: audit': a comment in SQL hands nothing over
				create table plan_item (id bigint primary key);
				"""), owners);
		assertThat(owners).containsEntry("resolution", "planning").containsEntry("plan_item", "planning");
		owners("resolutions", stripSqlComments("""
				comment on table resolution is 'module: resolutions';
				comment on column resolution.id is 'module: surveys';
				"""), owners);
		assertThat(owners).containsEntry("resolution", "resolutions").containsEntry("plan_item", "planning");
		String sql = "select r.id from resolution r join plan_item i on i.id = r.id";
		assertThat(crossings("planning", sql, owners)).containsExactly("resolution");
		assertThat(crossings("resolutions", sql, owners)).containsExactly("plan_item");
		// a hand-over of a table no migration created is a mistake, not a new table
		assertThatThrownBy(() -> owners("resolutions", "comment on table resolutoin is 'module: resolutions';", owners))
			.isInstanceOf(IllegalStateException.class);
		// and the landed schema holds the planning split's hand-overs
		assertThat(owners()).containsEntry("training_plan", "plans").containsEntry("school_plan", "schoolplans")
			.containsEntry("topic_request", "requests").containsEntry("request_campaign", "requests")
			.containsEntry("resolution_task_link", "resolutions").containsEntry("plans_v_item", "plans")
			.doesNotContainValue("planning");
	}

	/** Every table has one owner, and each owner is a module of the code (or the sessions' web). */
	@Test
	void everyTableBelongsToAModule() throws IOException {
		Set<String> modules;
		try (Stream<Path> dirs = Files.list(SOURCES)) {
			modules = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
		}
		assertThat(new TreeSet<>(owners().values())).isSubsetOf(modules);
	}
}
