package kz.oqytu.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Static files are addressed by their content (Oqytu's own: an MD5 in the name; WebJars: their
 * version), so browsers may keep them a year; links to pages are written as they are.
 */
@OqytuIntegrationTest
class StaticResourcesTests {

	private static final String A_YEAR = "max-age=31536000, public, immutable";

	/** The plain addresses: kept, but checked again on each use (decision 0028). */
	private static final String REVALIDATE = "no-cache, public";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Test
	void pagesLinkToContentAddressedAssetsThatBrowsersKeepAYear() throws Exception {
		String html = mvc.perform(get("/events?year=2025").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Matcher css = Pattern.compile("href=\"(/css/oqytu-[0-9a-f]{32}\\.css)\"").matcher(html);
		assertThat(css.find()).as("the stylesheet by its content hash").isTrue();
		Matcher script = Pattern.compile("src=\"(/js/oqytu-[0-9a-f]{32}\\.js)\"").matcher(html);
		assertThat(script.find()).isTrue();
		Matcher bootstrap = Pattern.compile("href=\"(/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min\\.css)\"").matcher(html);
		assertThat(bootstrap.find()).as("the WebJar by its version").isTrue();
		assertThat(html).contains("href=\"/events/new\"").containsPattern("href=\"/events/\\d+\"");

		for (String asset : new String[] { css.group(1), script.group(1), bootstrap.group(1) }) {
			mvc.perform(get(asset)).andExpect(status().isOk()).andExpect(header().string("Cache-Control", A_YEAR));
		}
		String favicon = Pattern.compile("href=\"(/img/favicon-[0-9a-f]{32}\\.svg)\"").matcher(html).results()
			.findFirst().orElseThrow().group(1);
		mvc.perform(get(favicon)).andExpect(status().isOk()).andExpect(header().string("Cache-Control", A_YEAR));
	}

	@Test
	void theOldUnhashedAddressesStillWorkAndNothingElseIsServedFromTheClasspath() throws Exception {
		mvc.perform(get("/css/oqytu.css")).andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", REVALIDATE));
		mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", REVALIDATE));
		mvc.perform(get("/css/oqytu-00000000000000000000000000000000.css")).andExpect(status().isNotFound());
		mvc.perform(get("/application.yml").with(users.as("methodologist"))).andExpect(status().isNotFound());
		mvc.perform(get("/static/css/oqytu.css").with(users.as("methodologist"))).andExpect(status().isNotFound());
	}
}
