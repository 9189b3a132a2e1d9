package kz.oqytu.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import kz.oqytu.OqytuApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision 0042: the production jar carries only the WebJar files the pages load, copied at build time
 * from the WebJars (maven-dependency-plugin in pom.xml) into the main classes; the WebJars themselves are
 * test dependencies, so the page tests would find a file the jar lacks. This test looks at the main
 * classes alone: every {@code /webjars/<name>/...} address a template, script or stylesheet writes must be
 * among the copied files, under the version webjars-locator-lite reads from the copied pom.properties.
 */
class WebJarFilesTests {

	private static final Pattern ADDRESS = Pattern.compile("/webjars/([a-z0-9._-]+)/([^\"'\\s?#)}]+)");

	@Test
	void everyWebJarFileThePagesLoadIsInTheMainClasses() throws IOException, URISyntaxException {
		Path main = Path.of(OqytuApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Set<String> addresses = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
			for (Path file : files.filter(f -> f.toString().matches(".*\\.(html|js|css)$")).toList()) {
				Matcher m = ADDRESS.matcher(Files.readString(file));
				while (m.find()) {
					addresses.add(m.group(1) + "/" + m.group(2));
				}
			}
		}
		assertThat(addresses).as("the WebJar files the layout and the charts load")
			.contains("bootstrap/css/bootstrap.min.css", "bootstrap/js/bootstrap.bundle.min.js",
					"htmx.org/dist/htmx.min.js", "chart.js/dist/chart.umd.min.js");
		for (String address : addresses) {
			String name = address.substring(0, address.indexOf('/'));
			String path = address.substring(name.length() + 1);
			String version = version(main, name);
			if (path.startsWith(version + "/")) {
				path = path.substring(version.length() + 1);
			}
			assertThat(main.resolve("META-INF/resources/webjars/" + name + "/" + version + "/" + path))
				.as("/webjars/%s is loaded by a page: add it to the webjars execution in pom.xml", address)
				.isRegularFile();
		}
	}

	@Test
	void onlyThoseFilesAreCopied() throws IOException, URISyntaxException {
		Path main = Path.of(OqytuApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		long bytes;
		try (Stream<Path> files = Files.walk(main.resolve("META-INF/resources/webjars"))) {
			bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
		}
		// bootstrap.min.css + bundle + htmx + two Chart.js builds + licences: 0.8 MB; a whole WebJar is more
		assertThat(bytes).isBetween(500_000L, 1_000_000L);
	}

	/** The version webjars-locator-lite finds for the WebJar: its pom.properties, copied with its files. */
	private static String version(Path main, String name) throws IOException {
		for (String group : new String[] { "org.webjars", "org.webjars.npm" }) {
			Path properties = main.resolve("META-INF/maven/" + group + "/" + name + "/pom.properties");
			if (Files.exists(properties)) {
				Properties p = new Properties();
				try (InputStream in = Files.newInputStream(properties)) {
					p.load(in);
				}
				return p.getProperty("version");
			}
		}
		throw new AssertionError("no pom.properties of the WebJar " + name + " in " + main + ": copy it with its files");
	}
}
