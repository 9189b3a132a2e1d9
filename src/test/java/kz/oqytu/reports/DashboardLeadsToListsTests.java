package kz.oqytu.reports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The dashboard's figures and charts open the lists behind them, and its charts speak the page's language. */
@OqytuIntegrationTest
class DashboardLeadsToListsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	private String dashboard(String lang) throws Exception {
		return mvc.perform(get("/dashboard").param("year", "2025").param("lang", lang).with(users.as("methodologist")))
			.andReturn().getResponse().getContentAsString();
	}

	@Test
	void headlineCardsOpenTheFilteredLists() throws Exception {
		String html = dashboard("kk");
		assertThat(html).contains("href=\"/events?year=2025&amp;status=HELD\"")
			.contains("id=\"card-left-out\" href=\"/reports/monitoring?year=2025&amp;show=NOT_TRAINED\"")
			.contains("href=\"/reports/coverage?year=2025\"");
		// the list behind the card answers
		assertThat(mvc.perform(get("/reports/monitoring").param("year", "2025").param("show", "NOT_TRAINED")
			.with(users.as("methodologist"))).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void everyChartCarriesTheLinksOfItsBarsAndThePagesLanguage() throws Exception {
		String html = dashboard("ru");
		assertThat(count(html, "data-locale=\"ru\"")).isEqualTo(4);
		assertThat(html).contains("data-chart=\"months\" data-source=\"months-data\" data-href=\"/events?year=2025&amp;status=HELD\"")
			.contains("data-chart=\"categories\" data-source=\"trend-data\" data-href=\"/events?status=HELD\"")
			.contains("data-chart=\"trend\" data-source=\"trend-data\" data-href=\"/dashboard\"");
		String months = json(html, "months-data");
		assertThat(months).contains("\"links\":[{\"month\":\"");
		String districts = json(html, "districts-data");
		assertThat(districts).containsPattern("\"links\":\\[\\{\"district\":\"\\d+\"");
		String trend = json(html, "trend-data");
		assertThat(trend).contains("{\"year\":\"2025\"}").containsPattern("\"category\":\"CHAIR\"");
		// a link under each chart for those who do not click charts
		assertThat(count(html, "class=\"small chart-more\"")).isEqualTo(4);
		assertThat(dashboard("en")).contains("data-locale=\"en\"");
	}

	@Test
	void aDistrictBarOpensThatDistrictsEvents() throws Exception {
		String districts = json(dashboard("kk"), "districts-data");
		Matcher m = Pattern.compile("\"district\":\"(\\d+)\"").matcher(districts);
		assertThat(m.find()).isTrue();
		String list = mvc.perform(get("/events").param("year", "2025").param("status", "HELD").param("district", m.group(1))
			.with(users.as("methodologist"))).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("event-table");
	}

	private static String json(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isPositive();
		return html.substring(html.indexOf('>', start) + 1, html.indexOf("</script>", start));
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
	}
}
