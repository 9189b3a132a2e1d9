package kz.oqytu.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Kazakh, Russian and English say the same things, and templates say nothing outside the bundles. */
class MessageBundleTests {

	private static final Path I18N = Path.of("src/main/resources/i18n");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Text between tags that is a word of four or more letters, as in the project's own check. */
	private static final Pattern LITERAL = Pattern.compile(">\\s*\\p{L}{4,}[^<{]*<");

	@Test
	void allThreeLanguagesHaveTheSameKeys() throws IOException {
		Set<String> kk = keys("messages_kk.properties");
		Set<String> ru = keys("messages_ru.properties");
		Set<String> en = keys("messages_en.properties");
		assertThat(difference(kk, ru)).as("in kk but not in ru").isEmpty();
		assertThat(difference(ru, kk)).as("in ru but not in kk").isEmpty();
		assertThat(difference(kk, en)).as("in kk but not in en").isEmpty();
		assertThat(difference(en, kk)).as("in en but not in kk").isEmpty();
		assertThat(kk).hasSizeGreaterThan(100);
	}

	@Test
	void noValueIsEmpty() throws IOException {
		for (String bundle : List.of("messages_kk.properties", "messages_ru.properties", "messages_en.properties")) {
			Properties p = load(bundle);
			for (String key : p.stringPropertyNames()) {
				assertThat(p.getProperty(key)).as(bundle + " " + key).isNotBlank();
			}
		}
	}

	/** With arguments, a single apostrophe is MessageFormat's quote and eats the text after it. */
	@Test
	void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
		for (String bundle : List.of("messages_kk.properties", "messages_ru.properties", "messages_en.properties")) {
			Properties p = load(bundle);
			for (String key : p.stringPropertyNames()) {
				String value = p.getProperty(key);
				if (value.matches(".*\\{\\d.*")) {
					assertThat(value.replace("''", "")).as(bundle + " " + key).doesNotContain("'");
				}
			}
		}
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i);
					Matcher m = LITERAL.matcher(line);
					if (m.find() && !line.matches(".*th:(u?text|replace|insert).*") && !line.contains("#{")) {
						offenders.add(TEMPLATES.relativize(file) + ":" + (i + 1) + ": " + line.strip());
					}
				}
			}
		}
		assertThat(offenders).as("literal text in templates: use #{...} message keys").isEmpty();
	}

	@Test
	void everyKeyUsedInTemplatesExists() throws IOException {
		Set<String> kk = keys("messages_kk.properties");
		Pattern used = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
		List<String> missing = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher m = used.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (m.find()) {
					if (!kk.contains(m.group(1))) {
						missing.add(TEMPLATES.relativize(file) + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(missing).as("message keys used in templates but missing from the bundles").isEmpty();
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> d = new TreeSet<>(a);
		d.removeAll(b);
		return d;
	}

	private static Set<String> keys(String bundle) throws IOException {
		return new TreeSet<>(load(bundle).stringPropertyNames());
	}

	private static Properties load(String bundle) throws IOException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(I18N.resolve(bundle))) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}
}
