package kz.oqytu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

	@Test
	void theDesignedModulesExist() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("shared", "accounts", "organizations", "budget", "web", "demo");
	}

	@Test
	void writesTheModuleDiagramsToDocs() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> files = Files.list(Path.of("docs/modules"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
				Files.write(file, sortRelations(Files.readAllLines(file)));
			}
		}
		assertThat(Path.of("docs/modules/components.puml")).exists();
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
