package kz.oqytu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Modules as DESIGN.md draws them: no cycles, no reaching into another module's internals. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(OqytuApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * Every module and the modules it may use, as Spring Modulith computes its direct dependencies. A new
	 * module or a new dependency between modules fails here until this list is changed on purpose (and
	 * with it docs/architecture.md); a dependency that went away must be struck off too.
	 */
	static final Map<String, Set<String>> ALLOWED = allowed(
			"accounts", "notifications shared",
			"audit", "accounts",
			"budget", "accounts organizations shared",
			"calendar", "accounts organizations shared training",
			"certificates", "accounts organizations shared surveys training",
			"checkin", "accounts organizations shared surveys training",
			"demo", "accounts budget materials organizations plans requests resolutions schoolplans shared surveys"
					+ " training",
			"materials", "accounts organizations shared training",
			"notifications", "shared",
			"organizations", "accounts shared",
			"plans", "accounts organizations shared training",
			"reminders", "accounts materials notifications requests schoolplans shared surveys",
			"reports", "accounts audit budget calendar materials organizations plans requests schoolplans shared surveys"
					+ " training",
			"requests", "accounts organizations plans shared surveys training",
			"resolutions", "accounts plans shared training",
			"schoolplans", "accounts organizations plans requests shared training",
			"shared", "",
			"staffreport", "accounts budget materials organizations plans reports requests resolutions shared surveys",
			"surveys", "accounts organizations shared training",
			"training", "accounts organizations shared",
			"web", "accounts shared",
			"yearplan", "accounts budget organizations plans reports requests shared staffreport surveys training");

	/**
	 * docs/architecture.md's module table has one row per module (issue #21, part 6): a module added, split or
	 * renamed fails here until the overview says what it owns. Rows of test-only code (the bench) may stand
	 * beside them.
	 */
	@Test
	void theArchitectureOverviewDescribesEachModuleOnce() throws IOException {
		List<String> rows = new ArrayList<>();
		java.util.regex.Pattern row = java.util.regex.Pattern.compile("^\\| `([a-z]+)`( \\(open\\))? \\|");
		for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
			java.util.regex.Matcher m = row.matcher(line);
			if (m.find()) {
				rows.add(m.group(1));
			}
		}
		List<String> expected = new ArrayList<>();
		modules.forEach(module -> expected.add(module.getIdentifier().toString()));
		for (String module : expected) {
			assertThat(Collections.frequency(rows, module)).as("rows of module %s in docs/architecture.md", module).isEqualTo(1);
		}
		assertThat(rows).as("rows that are no module").allMatch(name -> expected.contains(name) || name.equals("bench"));
	}

	@Test
	void everyModuleUsesOnlyTheModulesItIsAllowedTo() {
		Map<String, Set<String>> actual = new TreeMap<>();
		modules.forEach(module -> actual.put(module.getIdentifier().toString(),
				module.getDirectDependencies(modules)
					.uniqueModules()
					.map(dependency -> dependency.getIdentifier().toString())
					.collect(Collectors.toCollection(TreeSet::new))));
		// one line per module, so that the failure shows which module gained or lost what
		assertThat(lines(actual)).as("each module and the modules it uses (ModularityTests.ALLOWED)")
			.isEqualTo(lines(ALLOWED));
	}

	/**
	 * The same lists in each module's package-info.java ({@code allowedDependencies}), where verify()
	 * enforces them and names the class that reaches past them; the open {@code shared} declares none.
	 */
	@Test
	void eachModuleDeclaresTheseDependenciesInItsPackageInfo() {
		Map<String, Set<String>> declared = new TreeMap<>();
		modules.forEach(module -> declared.put(module.getIdentifier().toString(),
				module.getAllowedDependencies(modules)
					.stream()
					.map(dependency -> dependency.getTargetModule().getIdentifier().toString())
					.collect(Collectors.toCollection(TreeSet::new))));
		assertThat(lines(declared)).as("each module's allowedDependencies (package-info.java)")
			.isEqualTo(lines(ALLOWED));
	}

	private static String lines(Map<String, Set<String>> dependencies) {
		StringBuilder lines = new StringBuilder();
		dependencies.forEach((module, uses) -> lines.append(module).append(" -> ").append(String.join(" ", uses))
			.append('\n'));
		return lines.toString();
	}

	/** Pairs of a module and its dependencies, separated by spaces, sorted. */
	private static Map<String, Set<String>> allowed(String... pairs) {
		Map<String, Set<String>> allowed = new TreeMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			allowed.put(pairs[i], pairs[i + 1].isBlank() ? Set.of()
					: new TreeSet<>(List.of(pairs[i + 1].split(" "))));
		}
		return allowed;
	}

	@Test
	void writesTheModuleDiagramsToDocs() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> files = Files.list(Path.of("docs/modules"))) {
			for (Path file : files.toList()) {
				if (file.toString().endsWith(".puml")) {
					Files.write(file, sortRelations(Files.readAllLines(file)));
				}
				else if (file.toString().endsWith(".adoc")) {
					Files.write(file, sortCanvasLists(Files.readAllLines(file)));
				}
			}
		}
		assertThat(Path.of("docs/modules/components.puml")).exists();
	}

	/**
	 * The canvases list a cell's items ({@code |* first}, then {@code * next}) in the order the events
	 * were found; sorted, a canvas only changes when its module does.
	 */
	private static List<String> sortCanvasLists(List<String> lines) {
		List<String> result = new ArrayList<>();
		List<String> cell = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("|* ")) {
				flushCell(result, cell);
				cell.add(line.substring(1));
				continue;
			}
			if (!cell.isEmpty() && line.startsWith("* ")) {
				cell.add(line);
				continue;
			}
			flushCell(result, cell);
			result.add(line);
		}
		flushCell(result, cell);
		return result;
	}

	private static void flushCell(List<String> result, List<String> cell) {
		if (cell.isEmpty()) {
			return;
		}
		Collections.sort(cell);
		result.add("|" + cell.get(0));
		result.addAll(cell.subList(1, cell.size()));
		cell.clear();
	}

	/** The Documenter writes relations in hash order; sorted, the files only change when modules do. */
	private static List<String> sortRelations(List<String> lines) {
		List<String> result = new ArrayList<>();
		List<String> block = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("Rel(")) {
				block.add(line);
				continue;
			}
			Collections.sort(block);
			result.addAll(block);
			block.clear();
			result.add(line);
		}
		Collections.sort(block);
		result.addAll(block);
		return result;
	}
}
