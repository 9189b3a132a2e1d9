package kz.oqytu.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue #8, item 20 (ASVS V14.1, V14.2, V14.3): the configuration that ships in the jar, read the
 * way the {@code prod} profile sees it with no environment variables set: template cache on, open
 * session in view off, no demo data unless asked, secure session cookie, no stack traces or
 * exception messages on error pages, only health, info and metrics exposed, Flyway in order; no devtools anywhere. And the
 * dependency policy that stands in for an online vulnerability scan (see docs/security.md): every
 * version comes from Spring Boot 4.1.2's BOM (or the Modulith BOM) unless it is listed below with
 * its reason.
 */
class ProductionConfigurationTests {

	/** Versions set in pom.xml, each with why it is not simply Boot's. */
	static final Map<String, String> JUSTIFIED_VERSIONS = Map.ofEntries(
			Map.entry("java.version", "the language level, not a dependency"),
			Map.entry("spring-modulith.version", "Spring Modulith's own BOM (2.1.1), imported; Boot does not manage Modulith"),
			Map.entry("bootstrap.version", "WebJar, not managed by Boot"),
			Map.entry("htmx.version", "WebJar, not managed by Boot"),
			Map.entry("chartjs.version", "WebJar, not managed by Boot"),
			Map.entry("poi.version", "Apache POI, not managed by Boot; 5.5.1 is the newest release"),
			Map.entry("zxing.version", "zxing, not managed by Boot"),
			Map.entry("ical4j.version", "ical4j, test scope only (the calendar feed's parser in tests), not managed by Boot"),
			Map.entry("openhtmltopdf.version", "OpenHTMLtoPDF, not managed by Boot"),
			Map.entry("pdfbox.version", "Apache PDFBox, not managed by Boot: inspects uploaded PDFs for scripts and"
					+ " automatic actions (issue #15); 3.0.8 is the newest patch and also replaces the 3.0.x that"
					+ " OpenHTMLtoPDF brings"),
			Map.entry("playwright.version", "test only: browser tests, not managed by Boot"),
			Map.entry("axe-core.version", "test only: accessibility checks in the browser tests, not managed by Boot"),
			Map.entry("shedlock.version", "ShedLock, not managed by Boot"),
			Map.entry("commonmark.version", "commonmark-java, not managed by Boot: renders the user guide's Markdown at /help (decision 27)"),
			Map.entry("greenmail.version", "test only: a real SMTP server in the test JVM for the mail tests, not managed by Boot"),
			Map.entry("tomcat.version", "overrides Boot 4.1.2's Tomcat 11.0.27 with 11.0.29, the newest patch served, for the "
					+ "security fixes of 11.0.28/29; Boot 4.1.2 (which would carry it) does not resolve here (STACK-NOTES)"));

	@Test
	void theProdProfileRunsWithProductionSettings() throws IOException {
		PropertySourcesPropertyResolver prod = packagedConfiguration("prod");
		assertThat(prod.getProperty("spring.thymeleaf.cache")).isEqualTo("true");
		assertThat(prod.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
		assertThat(prod.getProperty("oqytu.demo-data")).as("demo data off unless asked").isEqualTo("false");
		assertThat(prod.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
		// issue #15, item 10 (ASVS V3.4.4): over HTTPS the session cookie is __Host- prefixed (Path=/, no Domain)
		assertThat(prod.getProperty("server.servlet.session.cookie.name")).isEqualTo("__Host-OQYTU_SESSION");
		assertThat(prod.getProperty("server.servlet.session.cookie.path")).isEqualTo("/");
		assertThat(prod.getProperty("server.servlet.session.cookie.domain")).isNull();
		assertThat(prod.getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
		assertThat(prod.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
		assertThat(prod.getProperty("server.error.include-stacktrace")).isEqualTo("never");
		assertThat(prod.getProperty("server.error.include-message")).isEqualTo("never");
		assertThat(prod.getProperty("server.error.whitelabel.enabled")).isEqualTo("false");
		assertThat(prod.getProperty("server.forward-headers-strategy")).isEqualTo("native");
		// info and prometheus answer only a bearer token (MetricsSecurityConfig); with none configured they stay closed
		assertThat(prod.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,info,prometheus");
		assertThat(prod.getProperty("oqytu.metrics.token")).isEmpty();
		// issue #18: a release never applies a migration below the highest applied one in production
		assertThat(prod.getProperty("spring.flyway.out-of-order")).isEqualTo("false");
		assertThat(packagedConfiguration("default").getProperty("spring.flyway.out-of-order")).isEqualTo("true");
		assertThat(prod.getProperty("management.endpoint.health.show-details")).isEqualTo("never");
		assertThat(prod.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
		// Local runs keep their demo data by default; only prod turns it off.
		assertThat(packagedConfiguration("default").getProperty("oqytu.demo-data")).isEqualTo("true");
	}

	@Test
	void noDevtoolsInTheBuildOrOnTheClasspath() throws IOException {
		assertThat(Files.readString(Path.of("pom.xml"))).doesNotContain("spring-boot-devtools");
		assertThat(getClass().getClassLoader().getResource("org/springframework/boot/devtools/RemoteSpringApplication.class"))
			.isNull();
	}

	@Test
	void everyDependencyVersionComesFromTheBomsOrIsJustified() throws IOException {
		String pom = Files.readString(Path.of("pom.xml"));
		String properties = section(pom, "properties");
		Map<String, String> declared = new TreeMap<>();
		Matcher p = Pattern.compile("<([A-Za-z0-9.-]+)>([^<]*)</\\1>").matcher(properties);
		while (p.find()) {
			if (p.group(1).endsWith(".version")) {
				declared.put(p.group(1), p.group(2));
			}
		}
		assertThat(declared.keySet()).as("version properties without a justification").isSubsetOf(JUSTIFIED_VERSIONS.keySet());

		List<String> literal = new ArrayList<>();
		String managed = section(pom, "dependencyManagement");
		String dependencies = managed + section(pom.substring(pom.indexOf("</dependencyManagement>")), "dependencies");
		Matcher v = Pattern.compile("<version>([^<]*)</version>").matcher(dependencies);
		while (v.find()) {
			String version = v.group(1);
			Matcher ref = Pattern.compile("\\$\\{([^}]+)}").matcher(version);
			if (!ref.matches() || !JUSTIFIED_VERSIONS.containsKey(ref.group(1))) {
				literal.add(version);
			}
		}
		assertThat(literal).as("dependency versions written in place instead of a justified property").isEmpty();

		// A property that Boot's BOM also defines overrides Boot's choice: it must say so.
		Path bom = Path.of(System.getProperty("user.home"), ".m2/repository/org/springframework/boot/spring-boot-dependencies/4.1.2/spring-boot-dependencies-4.1.2.pom");
		assumeThat(Files.exists(bom)).as("Boot's BOM in the local Maven repository").isTrue();
		String bootProperties = section(Files.readString(bom), "properties");
		for (String name : declared.keySet()) {
			if (bootProperties.contains("<" + name + ">")) {
				assertThat(JUSTIFIED_VERSIONS.get(name)).as(name + " overrides Boot's version").containsIgnoringCase("overrides Boot");
			}
		}
	}

	/** application.yml from the classpath (what the jar carries), as the given profile resolves it. */
	private static PropertySourcesPropertyResolver packagedConfiguration(String profile) throws IOException {
		List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("application.yml",
				new ClassPathResource("application.yml"));
		Map<String, Object> merged = new HashMap<>();
		for (PropertySource<?> document : documents) {
			Map<?, ?> values = (Map<?, ?>) document.getSource();
			Object on = values.get("spring.config.activate.on-profile");
			if (on == null || on.toString().equals(profile)) {
				values.forEach((k, val) -> merged.put(k.toString(), val.toString()));
			}
		}
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new MapPropertySource("application.yml[" + profile + "]", merged));
		// No environment: every ${VARIABLE:default} takes its packaged default.
		PropertySourcesPropertyResolver resolver = new PropertySourcesPropertyResolver(sources);
		resolver.setIgnoreUnresolvableNestedPlaceholders(true);
		return resolver;
	}

	private static String section(String xml, String tag) {
		int start = xml.indexOf("<" + tag + ">");
		int end = xml.indexOf("</" + tag + ">", start);
		return start < 0 || end < 0 ? "" : xml.substring(start, end);
	}
}
