package kz.oqytu.training;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** An event's named list is read a page at a time, searched by name or organization, with its total (issue #17). */
@OqytuIntegrationTest
@Transactional
class ParticipantPagingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TrainingEvents events;

	@Autowired
	JdbcClient jdbc;

	private long eventWith(int participants) {
		CurrentUser me = users.current("methodologist");
		long event = events.create(me, new EventCommand("Үлкен тізім", null, "THEMATIC_SEMINAR", Set.of("LABOUR_LAW"),
				LocalDateTime.of(2027, 11, 12, 10, 0), LocalDateTime.of(2027, 11, 12, 13, 0), BigDecimal.valueOf(4),
				VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null, EventStatus.PLANNED, Map.of()));
		List<Long> orgs = jdbc.sql("select id from org_unit where level = 'PRIMARY' and active order by id limit 3")
			.query(Long.class).list();
		List<ParticipantCommand> list = new ArrayList<>();
		for (int i = 0; i < participants; i++) {
			list.add(new ParticipantCommand(String.format("Қатысушы %04d", i) + (i % 10 == 0 ? " Іздеуұлы" : " Серікұлы"),
					orgs.get(i % orgs.size()), "UNION_MEMBER", null));
		}
		events.addParticipants(me, event, list);
		return event;
	}

	@Test
	void theServiceGivesOnePageInNameOrderWithTheTotalAndSearches() {
		long event = eventWith(250);
		CurrentUser me = users.current("methodologist");
		Page<Participant> first = events.participants(me, event, "", 0, 100);
		assertThat(first.getTotalElements()).isEqualTo(250);
		assertThat(first.getContent()).hasSize(100);
		assertThat(first.getContent().get(0).fullName()).startsWith("Қатысушы 0000");
		Page<Participant> last = events.participants(me, event, null, 2, 100);
		assertThat(last.getContent()).hasSize(50);
		assertThat(last.getContent().get(49).fullName()).startsWith("Қатысушы 0249");
		assertThat(events.participants(me, event, "іздеуұлы", 0, 100).getTotalElements()).as("any case").isEqualTo(25);
		assertThat(events.participants(me, event, "", 9, 100).getTotalElements()).as("past the end").isEqualTo(250);
		assertThat(events.participants(me, event, "100%_\\", 0, 100).getTotalElements()).as("wildcards are text").isZero();
		String organization = first.getContent().get(0).organizationKk();
		assertThat(events.participants(me, event, organization, 0, 100).getTotalElements()).isBetween(1L, 250L);
	}

	@Test
	void thePageShowsAHundredRowsTheTotalAndAPagerThatKeepsTheSearch() throws Exception {
		long event = eventWith(250);
		String html = mvc.perform(get("/events/" + event + "/participants").param("lang", "en")
			.with(users.as("methodologist"))).andReturn().getResponse().getContentAsString();
		assertThat(rows(html)).isEqualTo(100);
		assertThat(html).contains("Found: 250").contains("Page 1 of 3");
		String second = mvc.perform(get("/events/" + event + "/participants").param("page", "2").param("lang", "en")
			.with(users.as("methodologist"))).andReturn().getResponse().getContentAsString();
		assertThat(rows(second)).isEqualTo(50);
		assertThat(second).contains(">201<");
		String searched = mvc.perform(get("/events/" + event + "/participants").param("q", "Іздеуұлы").param("lang", "en")
			.with(users.as("methodologist"))).andReturn().getResponse().getContentAsString();
		assertThat(rows(searched)).isEqualTo(25);
		assertThat(searched).contains("Found: 25").doesNotContain("Page 1 of");
		String many = mvc.perform(get("/events/" + event + "/participants").param("q", "Серікұлы").param("lang", "en")
			.with(users.as("methodologist"))).andReturn().getResponse().getContentAsString();
		assertThat(many).contains("Found: 225").contains("q=%D0%A1%D0%B5%D1%80%D1%96%D0%BA%D2%B1%D0%BB%D1%8B&amp;page=1");
	}

	private static int rows(String html) {
		int start = html.indexOf("id=\"participants\"");
		String table = html.substring(start, html.indexOf("</table>", start));
		Matcher m = Pattern.compile("<tr>\\s*<td class=\"num\"").matcher(table);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}
}
