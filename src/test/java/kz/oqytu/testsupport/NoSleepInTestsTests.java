package kz.oqytu.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #21: a test waits for something it can observe (Awaitility), never for a guessed time. A
 * fixed sleep is either too short on a slow machine (a flaky test) or too long everywhere (a slow build).
 */
class NoSleepInTestsTests {

	/** A sleep of the thread or of a TimeUnit, and a static import of the former. */
	static final Pattern SLEEP = Pattern.compile(
			"\\bThread\\s*\\.\\s*sleep\\s*\\(|\\bTimeUnit\\s*\\.\\s*\\w+\\s*\\.\\s*sleep\\s*\\(|import\\s+static\\s+java\\.lang\\.Thread\\.sleep\\b"
					+ "|import\\s+static\\s+java\\.lang\\.Thread\\.\\*");

	static List<String> sleeps(String name, String source) {
		List<String> found = new ArrayList<>();
		String[] lines = source.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (SLEEP.matcher(lines[i]).find()) {
				found.add(name + ":" + (i + 1) + ": " + lines[i].strip());
			}
		}
		return found;
	}

	@Test
	void noTestSourceSleeps() throws IOException {
		List<String> found = new ArrayList<>();
		Path root = Path.of("src/test/java");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				found.addAll(sleeps(root.relativize(file).toString(), Files.readString(file)));
			}
		}
		assertThat(found).as("fixed sleeps in tests: wait with Awaitility for what the test expects instead").isEmpty();
	}

	/** The check itself: it finds each form of a sleep, and not the words or the Awaitility wait. */
	@Test
	void theCheckFindsEverySleepAndNothingElse() {
		String thread = "Thread";
		assertThat(sleeps("A.java", "class A {\n  void t() throws Exception {\n    " + thread + ".sleep(100);\n  }\n}"))
			.containsExactly("A.java:3: " + thread + ".sleep(100);");
		assertThat(sleeps("B.java", "java.lang." + thread + " . sleep (Duration.ofSeconds(1));")).hasSize(1);
		assertThat(sleeps("C.java", "TimeUnit.SECONDS" + ".sleep(2);")).hasSize(1);
		assertThat(sleeps("D.java", "import static java.lang." + thread + ".sleep;")).hasSize(1);
		assertThat(sleeps("E.java", "await().pollDelay(Duration.ofSeconds(1)).until(() -> done);\n"
				+ "// people sleep at night; a " + thread + "Sleeper is a name\nsleepless();")).isEmpty();
	}
}
