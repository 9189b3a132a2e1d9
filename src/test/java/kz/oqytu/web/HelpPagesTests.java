package kz.oqytu.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;

/** /help: every chapter in every language for anyone, and every page's header help link lands on its section. */
@OqytuIntegrationTest
class HelpPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	HelpGuide guide;

	@Autowired
	JdbcClient jdbc;

	private MockHttpServletResponse get(String path, String username) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
		if (username != null) {
			request.with(users.as(username));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	@Test
	void everyChapterOpensInEveryLanguageWithoutSigningIn() throws Exception {
		for (String lang : HelpGuide.LANGUAGES) {
			MockHttpServletResponse index = get("/help?lang=" + lang, null);
			assertThat(index.getStatus()).isEqualTo(200);
			for (String chapter : HelpGuide.CHAPTERS) {
				String title = guide.chapter(chapter, lang).title();
				assertThat(index.getContentAsString()).contains("href=\"/help/" + chapter + "\"").contains(title);
				MockHttpServletResponse page = get("/help/" + chapter + "?lang=" + lang, null);
				assertThat(page.getStatus()).as(lang + "/" + chapter).isEqualTo(200);
				assertThat(page.getContentAsString()).contains("<h1 class=\"h3 mb-3\">" + title + "</h1>")
					.contains("lang=\"" + lang + "\"");
			}
		}
		assertThat(get("/help/nobody?lang=ru", null).getStatus()).isEqualTo(404);
	}

	@Test
	void signedInReadersSeeTheGuideToo() throws Exception {
		for (String user : new String[] { "chair", "methodologist", "executive", "admin" }) {
			assertThat(get("/help/chair", user).getStatus()).as(user).isEqualTo(200);
		}
	}

	@Test
	void pagesLinkTheirHeaderHelpToTheirChapterAndSection() throws Exception {
		long orgA = jdbc.sql("select scope_unit_id from app_user where username = 'chair'").query(Long.class).single();
		long event = jdbc.sql("select min(id) from training_event").query(Long.class).single();
		assertThat(helpLink("/events", "methodologist")).isEqualTo("/help/methodologist#events");
		assertThat(helpLink("/events/" + event + "/survey", "methodologist")).isEqualTo("/help/methodologist#survey");
		assertThat(helpLink("/requests", "methodologist")).isEqualTo("/help/methodologist#requests");
		assertThat(helpLink("/requests", "chair")).isEqualTo("/help/chair#requests");
		assertThat(helpLink("/organizations/" + orgA + "/portal", "chair")).isEqualTo("/help/chair#portal");
		assertThat(helpLink("/schools/" + orgA + "/2026", "chair")).isEqualTo("/help/chair#school-plan");
		assertThat(helpLink("/reports/coverage?year=2025", "executive")).isEqualTo("/help/executive#report");
		assertThat(helpLink("/admin/users", "admin")).isEqualTo("/help/admin#users");
		assertThat(helpLink("/login", null)).isEqualTo("/help");
		assertThat(helpLink("/help/chair", null)).isEqualTo("/help");
	}

	@Test
	void everyChapterAPageLinksToResolvesWithItsSection() throws Exception {
		for (String target : HelpLinks.targets()) {
			String[] parts = target.split("#", 2);
			String path = target.equals("index") ? "/help" : "/help/" + parts[0];
			MockHttpServletResponse page = get(path + "?lang=kk", null);
			assertThat(page.getStatus()).as(target).isEqualTo(200);
			if (parts.length == 2) {
				assertThat(page.getContentAsString()).as(target).contains("id=\"" + parts[1] + "\"");
			}
		}
	}

	@Test
	void theScreenshotsAreServedWithTheGuide() throws Exception {
		MockHttpServletResponse png = get("/help/img/kk/chair-portal.png", null);
		assertThat(png.getStatus()).isEqualTo(200);
		assertThat(png.getContentType()).isEqualTo("image/png");
		assertThat(get("/help/img/kk/nothing.png", null).getStatus()).isEqualTo(404);
	}

	/** NavigationAdvice's links, worked out when the layout reads them: the same page and query in each language. */
	@Test
	void pagesLinkThemselvesInEachLanguage() throws Exception {
		String staff = get("/events?year=2025&sort=TITLE", "methodologist").getContentAsString();
		for (String lang : new String[] { "kk", "ru", "en" }) {
			assertThat(staff).contains("href=\"/events?year=2025&amp;sort=TITLE&amp;lang=" + lang + "\"");
		}
		String login = get("/login", null).getContentAsString();
		assertThat(login).contains("href=\"/login?lang=kk\"").contains("href=\"/login?lang=ru\"");
	}

	private String helpLink(String path, String username) throws Exception {
		MockHttpServletResponse response = get(path, username);
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		var m = java.util.regex.Pattern.compile("id=\"help-link\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"help-link\"")
			.matcher(response.getContentAsString());
		assertThat(m.find()).as(path + " has a help link").isTrue();
		return m.group(1) != null ? m.group(1) : m.group(2);
	}
}
