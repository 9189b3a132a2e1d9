package kz.oqytu.security;

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
 * Issue #8, item 15 (ASVS V14.4.3, with V5.3.3): the Content-Security-Policy allows scripts only
 * from Oqytu's own files, so no template may carry an inline script, an event-handler attribute or
 * a javascript: URL; JSON data blocks ({@code type="application/json"}) are data, not scripts.
 * That every answer carries the headers is checked for every route and visitor by
 * {@link AccessControlMatrixTests}.
 */
class NoInlineScriptTests {

	@Test
	void templatesHoldNoInlineScriptsHandlersOrJavascriptUrls() throws IOException {
		Path root = Path.of("src/main/resources/templates");
		Pattern script = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
		Pattern handler = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file);
				String name = root.relativize(file).toString();
				Matcher m = script.matcher(html);
				while (m.find()) {
					String attributes = m.group(1);
					if (!attributes.contains("src=") && !attributes.contains("type=\"application/json\"")) {
						found.add(name + ": inline script " + m.group());
					}
				}
				Matcher h = handler.matcher(html);
				while (h.find()) {
					found.add(name + ": event handler attribute" + h.group());
				}
				if (html.toLowerCase().contains("javascript:")) {
					found.add(name + ": javascript: URL");
				}
			}
		}
		assertThat(found).isEmpty();
	}
}
