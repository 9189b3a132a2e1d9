package kz.oqytu.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.springframework.stereotype.Component;

/**
 * The user guide: one Markdown file per chapter and language under {@code guide/} on the classpath
 * (copied there from docs/guide at build time), rendered once to HTML with raw HTML escaped and unsafe
 * link schemes dropped, so a chapter can never bring a script or an inline style into the page
 * (decision 0027).
 *
 * <p>A heading may end with {@code {#anchor}}: that becomes its id, the same in every language, so the
 * pages' help links ({@link HelpLinks}) point into a chapter whatever the reader's language.
 */
@Component
public class HelpGuide {

	/** The chapters, in the order the index lists them. */
	public static final List<String> CHAPTERS = List.of("methodologist", "chair", "executive", "admin", "participant");

	static final List<String> LANGUAGES = List.of("kk", "ru", "en");

	private static final Pattern ANCHOR = Pattern.compile("\\s*\\{#([a-z0-9-]+)}\\s*$");

	private static final Pattern CHAPTER_LINK = Pattern.compile("^(?:\\.\\./[a-z]{2}/)?([a-z]+)\\.md(#[a-z0-9-]+)?$");

	private final Parser parser = Parser.builder().build();

	private final Map<String, Chapter> rendered = new ConcurrentHashMap<>();

	/** A rendered chapter: its title (the first heading), its sections for the contents list, its body. */
	public record Chapter(String name, String title, List<Section> sections, String html) {
	}

	/** A second-level heading with an anchor. */
	public record Section(String anchor, String title) {
	}

	/** The chapter in the language, or in Kazakh when the language has none. */
	public Chapter chapter(String name, String language) {
		if (!CHAPTERS.contains(name)) {
			throw new IllegalArgumentException("No chapter " + name);
		}
		String lang = LANGUAGES.contains(language) ? language : "kk";
		return rendered.computeIfAbsent(lang + "/" + name, key -> render(name, read("guide/" + key + ".md")));
	}

	Chapter render(String name, String markdown) {
		Node document = parser.parse(markdown);
		Map<Node, String> ids = new IdentityHashMap<>();
		List<Section> sections = new ArrayList<>();
		String[] title = { name };
		TextContentRenderer text = TextContentRenderer.builder().build();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Heading heading) {
				if (heading.getLastChild() instanceof Text last) {
					Matcher m = ANCHOR.matcher(last.getLiteral());
					if (m.find()) {
						last.setLiteral(last.getLiteral().substring(0, m.start()));
						ids.put(heading, m.group(1));
					}
				}
				if (heading.getLevel() == 1 && title[0].equals(name)) {
					title[0] = text.render(heading).trim();
				}
				else if (heading.getLevel() == 2 && ids.containsKey(heading)) {
					sections.add(new Section(ids.get(heading), text.render(heading).trim()));
				}
				visitChildren(heading);
			}

			@Override
			public void visit(Image image) {
				// docs/guide/{lang}/x.md refers to ../img/{lang}/y.png (right on GitHub); at /help/{chapter}
				// the same picture is img/{lang}/y.png.
				if (image.getDestination().startsWith("../img/")) {
					image.setDestination(image.getDestination().substring(3));
				}
				visitChildren(image);
			}

			@Override
			public void visit(Link link) {
				Matcher m = CHAPTER_LINK.matcher(link.getDestination());
				if (m.matches()) {
					link.setDestination(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
				}
				visitChildren(link);
			}
		});
		HtmlRenderer html = HtmlRenderer.builder()
			.escapeHtml(true)
			.sanitizeUrls(true)
			.attributeProviderFactory(context -> (node, tagName, attributes) -> {
				if (ids.containsKey(node)) {
					attributes.put("id", ids.get(node));
				}
				if (node instanceof Image) {
					attributes.put("class", "help-shot");
					attributes.put("loading", "lazy");
				}
			})
			.build();
		// The first heading is the page's own h1; the body starts after it.
		Node first = document.getFirstChild();
		if (first instanceof Heading h && h.getLevel() == 1) {
			first.unlink();
		}
		return new Chapter(name, title[0], List.copyOf(sections), html.render(document));
	}

	private static String read(String path) {
		try (InputStream in = HelpGuide.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("The user guide has no " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
