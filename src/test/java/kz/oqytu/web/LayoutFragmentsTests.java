package kz.oqytu.web;

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
 * Decision 35: the pages' layout is Thymeleaf's own parameterized fragment
 * ({@code th:replace="~{layout/main :: layout(title, headExtras, breadcrumbs, content, scripts)}"}); the
 * Layout Dialect (and the 8 MB of Groovy it brought) is gone. Thymeleaf passes attributes of an unknown
 * prefix through untouched, so a page still written with {@code layout:decorate} would render without the
 * layout (no navigation, no stylesheet) and no other test need notice: this one does.
 */
class LayoutFragmentsTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");
	static final Pattern CALL = Pattern.compile("th:replace=\"~\\{layout/(main|public) :: layout\\(([^\"]*)\\)}\"");

	@Test
	void noTemplateUsesTheLayoutDialect() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : templates()) {
			String text = Files.readString(file).replaceAll("(?s)<!--.*?-->", "");
			if (Pattern.compile("\\blayout:[a-z-]+\\s*=|xmlns:layout=").matcher(text).find()) {
				found.add(TEMPLATES.relativize(file).toString());
			}
		}
		assertThat(found).as("templates still written for the Layout Dialect (convert them as decision 35 shows)").isEmpty();
		assertThat(getClass().getClassLoader().getResource("nz/net/ultraq/thymeleaf/layoutdialect/LayoutDialect.class"))
			.as("the Layout Dialect is not on the classpath").isNull();
		assertThat(getClass().getClassLoader().getResource("groovy/lang/GroovyObject.class"))
			.as("Groovy is not on the classpath").isNull();
	}

	@Test
	void everyPagePassesTheFivePartsItHas() throws IOException {
		List<String> wrong = new ArrayList<>();
		int pages = 0;
		for (Path file : templates()) {
			String text = Files.readString(file);
			Matcher call = CALL.matcher(text);
			if (!call.find()) {
				continue;
			}
			pages++;
			String name = TEMPLATES.relativize(file).toString();
			String[] args = call.group(2).split(",\\s*");
			if (args.length != 5) {
				wrong.add(name + ": " + args.length + " arguments");
				continue;
			}
			expect(wrong, name, args[0], text.contains("<title"), "~{::head/title}", "_");
			expect(wrong, name, args[1], text.contains("th:ref=\"headExtras\""), "~{::headExtras}", "~{}");
			expect(wrong, name, args[2], text.contains("th:ref=\"breadcrumbs\""), "~{::breadcrumbs}", "_");
			expect(wrong, name, args[3], text.contains("th:ref=\"content\""), "~{::content}", "_");
			expect(wrong, name, args[4], text.contains("th:ref=\"scripts\""), "~{::scripts}", "~{}");
			if (text.contains("<title") && !text.contains("' · ' + #{app.name}\"")) {
				wrong.add(name + ": the title lacks the layout's \" · Oqytu\"");
			}
		}
		assertThat(pages).as("pages that use a layout").isGreaterThan(80);
		assertThat(wrong).isEmpty();
	}

	private static void expect(List<String> wrong, String name, String arg, boolean has, String present, String absent) {
		String want = has ? present : absent;
		if (!arg.trim().equals(want)) {
			wrong.add(name + ": passes " + arg.trim() + " where " + want + " belongs");
		}
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).toList();
		}
	}
}
