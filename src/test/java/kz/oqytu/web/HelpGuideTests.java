package kz.oqytu.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import kz.oqytu.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The user guide's chapters: complete in every language, safe to show, and every help link lands on a section. */
class HelpGuideTests {

	private final HelpGuide guide = new HelpGuide();

	@Test
	void everyChapterExistsInEveryLanguageWithTheSameSections() {
		for (String chapter : HelpGuide.CHAPTERS) {
			List<String> kk = anchors(guide.chapter(chapter, "kk"));
			assertThat(kk).as(chapter).isNotEmpty();
			for (String lang : HelpGuide.LANGUAGES) {
				HelpGuide.Chapter c = guide.chapter(chapter, lang);
				assertThat(c.title()).as(lang + "/" + chapter).isNotBlank().isNotEqualTo(chapter);
				assertThat(anchors(c)).as(lang + "/" + chapter + " sections, in the order of kk").isEqualTo(kk);
				assertThat(c.html()).as(lang + "/" + chapter).doesNotContain("{#");
			}
		}
	}

	@Test
	void eachLanguageIsWrittenInItsOwnLanguage() {
		// Kazakh letters that Russian lacks; no Cyrillic at all in English
		assertThat(guide.chapter("chair", "kk").html()).containsPattern("[әғқңөұүһі]");
		assertThat(guide.chapter("chair", "ru").html()).doesNotContainPattern("[әғқңөұүһі]").containsPattern("[а-я]");
		assertThat(guide.chapter("chair", "en").html()).doesNotContainPattern("[а-яА-Я]");
	}

	@Test
	void everyHelpLinkOfThePagesLandsOnASectionOfItsChapter() {
		for (String target : HelpLinks.targets()) {
			if (target.equals("index")) {
				continue;
			}
			String[] parts = target.split("#", 2);
			assertThat(HelpGuide.CHAPTERS).as(target).contains(parts[0]);
			for (String lang : HelpGuide.LANGUAGES) {
				String html = guide.chapter(parts[0], lang).html();
				if (parts.length == 2) {
					assertThat(html).as(lang + ": " + target).contains("id=\"" + parts[1] + "\"");
				}
			}
		}
	}

	@Test
	void pagesPointToTheirOwnChapterAndSection() {
		assertThat(HelpLinks.target("/events/12/participants/import/0a1b2c3d-0000-0000-0000-000000000000", Role.METHODOLOGIST))
			.isEqualTo("/methodologist#import-participants");
		assertThat(HelpLinks.target("/events/12/survey", Role.METHODOLOGIST)).isEqualTo("/methodologist#survey");
		assertThat(HelpLinks.target("/schools/5/2026", Role.CHAIR)).isEqualTo("/chair#school-plan");
		assertThat(HelpLinks.target("/schools/5/2026", Role.METHODOLOGIST)).isEqualTo("/methodologist#schools");
		assertThat(HelpLinks.target("/reports/coverage", Role.EXECUTIVE)).isEqualTo("/executive#report");
		assertThat(HelpLinks.target("/reports/coverage", Role.METHODOLOGIST)).isEqualTo("/methodologist#report");
		assertThat(HelpLinks.target("/s/abc", null)).isEqualTo("/participant");
		assertThat(HelpLinks.target("/login", null)).isEmpty();
		// a page no rule names: the start of the reader's own chapter
		assertThat(HelpLinks.target("/somewhere-new", Role.EXECUTIVE)).isEqualTo("/executive");
	}

	@Test
	void rawHtmlAndScriptLinksNeverReachThePage() {
		HelpGuide.Chapter c = guide.render("chair", """
				# Title

				## Section {#sec}

				<script>alert(1)</script> <b style="color:red">bold</b> <img src=x onerror=alert(2)>

				[click](javascript:alert(3)) [next](admin.md#users) ![shot](../img/kk/x.png)
				""");
		assertThat(c.html()).doesNotContain("<script").doesNotContain("<b ").doesNotContain("<img src=\"x\"")
			.doesNotContainPattern("<[a-z][^>]*\\s(style|on[a-z]+)=").doesNotContain("javascript:")
			.contains("&lt;script&gt;")
			.contains("href=\"admin#users\"")
			.contains("src=\"img/kk/x.png\"")
			.contains("<h2 id=\"sec\">Section</h2>");
		assertThat(c.title()).isEqualTo("Title");
		assertThat(c.sections()).containsExactly(new HelpGuide.Section("sec", "Section"));
	}

	@Test
	void everyPictureAChapterShowsIsInTheGuide() {
		Pattern img = Pattern.compile("src=\"img/([a-z]{2})/([a-z0-9-]+\\.png)\"");
		List<String> missing = new ArrayList<>();
		for (String chapter : HelpGuide.CHAPTERS) {
			for (String lang : HelpGuide.LANGUAGES) {
				Matcher m = img.matcher(guide.chapter(chapter, lang).html());
				while (m.find()) {
					assertThat(m.group(1)).as(lang + "/" + chapter + " shows its own language's pictures").isEqualTo(lang);
					if (!Files.isRegularFile(Path.of("docs/guide/img", m.group(1), m.group(2)))) {
						missing.add(lang + "/" + chapter + ": " + m.group(2));
					}
				}
			}
		}
		assertThat(missing).as("made by HelpScreenshotsTests").isEmpty();
	}

	private static List<String> anchors(HelpGuide.Chapter chapter) {
		List<String> ids = new ArrayList<>();
		Matcher m = Pattern.compile(" id=\"([a-z0-9-]+)\"").matcher(chapter.html());
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}
}
