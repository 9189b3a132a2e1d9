package kz.oqytu.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import kz.oqytu.OqytuApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17 part 6, decision 0034: the bench (generator, baselines, /bench endpoints) lives in test
 * scope, so the production jar has no /bench route under any profile. The main classes are what the
 * jar packs (BOOT-INF/classes): none of them may be in kz.oqytu.bench, be a bench baseline, or carry
 * "/bench" as a constant (every request mapping's path is one in its class file). The same scan of the
 * test classes finds the baselines' routes, so the scan can see what it looks for.
 */
class BenchStaysOutOfProductionTests {

	@Test
	void theMainClassesHoldNoBenchCodeAndNoBenchRoute() throws IOException, URISyntaxException {
		Path main = outputOf(OqytuApplication.class);
		assertThat(main.resolve("kz/oqytu/OqytuApplication.class")).exists();
		assertThat(main.resolve("kz/oqytu/bench")).doesNotExist();
		List<Path> classes = classes(main);
		assertThat(classes).hasSizeGreaterThan(100);
		assertThat(classes).noneMatch(c -> c.getFileName().toString().contains("BenchBaselines"));
		assertThat(classes.stream().filter(BenchStaysOutOfProductionTests::mentionsBenchRoute).map(main::relativize))
			.as("main classes with a /bench constant (a route of the bench in the production jar)")
			.isEmpty();
	}

	@Test
	void theBenchBaselinesAndTheirRoutesAreInTheTestClasses() throws IOException, URISyntaxException {
		Path test = outputOf(BenchStaysOutOfProductionTests.class);
		assertThat(test).isNotEqualTo(outputOf(OqytuApplication.class));
		List<String> withRoutes = classes(test).stream().filter(BenchStaysOutOfProductionTests::mentionsBenchRoute)
			.map(p -> p.getFileName().toString())
			.toList();
		assertThat(withRoutes).contains("ReportBenchBaselines.class", "SurveyBenchBaselines.class",
				"TrainingBenchBaselines.class", "BenchSecurityConfig.class");
		assertThat(test.resolve("kz/oqytu/bench/NationalDataGenerator.class")).exists();
	}

	private static Path outputOf(Class<?> type) throws URISyntaxException {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	private static List<Path> classes(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(f -> f.toString().endsWith(".class")).toList();
		}
	}

	private static boolean mentionsBenchRoute(Path classFile) {
		try {
			// constant-pool strings are modified UTF-8: ASCII text appears as its bytes
			return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("/bench");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
