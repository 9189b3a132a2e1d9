package kz.oqytu.training;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.StatementCounter;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The event list: filters, sort, pages, and a bounded number of SQL statements per request. */
@OqytuIntegrationTest
class EventListTests {

	@Autowired
	TrainingEvents events;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	@Test
	void filtersByYearMonthFormTopicDistrictStatusAndCategory() {
		var me = users.current("methodologist");
		assertThat(events.search(me, EventCriteria.ofYear(2024)).getTotalElements()).isEqualTo(29);
		assertThat(events.search(me, criteria(2025, null, null, null, null, EventStatus.HELD, null)).getTotalElements())
			.isEqualTo(64);
		Page<EventRow> march = events.search(me, criteria(2025, 3, null, null, null, null, null));
		assertThat(march.getContent()).allSatisfy(e -> assertThat(e.startsAt().getMonthValue()).isEqualTo(3));
		Page<EventRow> meetings = events.search(me, criteria(2025, null, null, "SEMINAR_MEETING", null, null, null));
		assertThat(meetings.getContent()).isNotEmpty().allSatisfy(e -> assertThat(e.formCode()).isEqualTo("SEMINAR_MEETING"));
		Page<EventRow> legal = events.search(me, criteria(2025, null, null, null, "LEGAL_LITERACY", null, null));
		assertThat(legal.getContent()).isNotEmpty().allSatisfy(e -> assertThat(e.topicCodes()).contains("LEGAL_LITERACY"));
		Page<EventRow> alga = events.search(me, criteria(2025, null, 4L, null, null, null, null));
		assertThat(alga.getContent()).isNotEmpty().allSatisfy(e -> assertThat(e.districtId()).isEqualTo(4L));
		assertThat(events.search(me, criteria(2026, null, null, null, null, EventStatus.PLANNED, null)).getTotalElements())
			.isEqualTo(4);
		long withChairs = events.search(me, criteria(2025, null, null, null, null, null, "CHAIR")).getTotalElements();
		assertThat(withChairs).isBetween(1L, 64L);
	}

	@Test
	void sortsByParticipantsBothWays() {
		var me = users.current("methodologist");
		List<EventRow> desc = events.search(me, new EventCriteria(2025, null, null, null, null, null, null, null,
				EventCriteria.Sort.PARTICIPANTS, true, 0, 64)).getContent();
		assertThat(desc).extracting(EventRow::participants).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		List<EventRow> asc = events.search(me, new EventCriteria(2025, null, null, null, null, null, null, null,
				EventCriteria.Sort.PARTICIPANTS, false, 0, 64)).getContent();
		assertThat(asc).extracting(EventRow::participants).isSorted();
		assertThat(desc.stream().mapToLong(EventRow::participants).sum()).isEqualTo(6_101);
	}

	@Test
	void theListPageIssuesAtMostThreeStatementsWhateverThePageSize() throws Exception {
		int small = statementsFor("/events?year=2025&size=5");
		int large = statementsFor("/events?year=2025&size=100");
		assertThat(large).isEqualTo(small);
		assertThat(large).isLessThanOrEqualTo(3);
	}

	private int statementsFor(String url) throws Exception {
		// Warm the caches (reference data) first, then count one request.
		mvc.perform(get(url).with(users.as("methodologist"))).andExpect(status().isOk());
		// the signed-in user is loaded before counting: in the application it comes from the session
		var methodologist = users.as("methodologist");
		StatementCounter.reset();
		mvc.perform(get(url).with(methodologist)).andExpect(status().isOk());
		return StatementCounter.count();
	}

	private static EventCriteria criteria(Integer year, Integer month, Long district, String form, String topic,
			EventStatus status, String category) {
		return new EventCriteria(year, month, district, form, topic, status, category, null, null, false, 0, 200);
	}
}
