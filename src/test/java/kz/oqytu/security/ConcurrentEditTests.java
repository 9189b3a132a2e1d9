package kz.oqytu.security;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue #8, item 19 (ASVS V11.1.6): two people who opened the same event or the same budget save
 * at the same moment. One save wins; the other gets the "changed by someone else" page (409) and
 * nothing of theirs overwrites the winner. Data of 2027, outside the figures other tests pin.
 */
@OqytuIntegrationTest
class ConcurrentEditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TrainingEvents events;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoSimultaneousEditsOfAnEventSaveOneAndTellTheOther() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		long id = events.create(methodologist, new EventCommand("Бастапқы", "Исходное", "THEMATIC_SEMINAR",
				Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 9, 1, 10, 0), LocalDateTime.of(2027, 9, 1, 13, 0),
				java.math.BigDecimal.valueOf(3), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null,
				EventStatus.PLANNED, Map.of()));
		int version = events.details(methodologist, id).version();

		List<Integer> statuses = atOnce(eventEdit(id, version, "methodologist", "Әдіскердің нұсқасы"),
				eventEdit(id, version, "admin", "Әкімшінің нұсқасы"));

		assertThat(statuses).containsExactlyInAnyOrder(302, 409);
		String winner = statuses.get(0) == 302 ? "Әдіскердің нұсқасы" : "Әкімшінің нұсқасы";
		assertThat(events.details(methodologist, id).titleKk()).isEqualTo(winner);
		assertThat(events.details(methodologist, id).version()).isEqualTo(version + 1);
	}

	@Test
	void twoSimultaneousSavesOfABudgetSaveOneAndTellTheOther() throws Exception {
		long body = jdbc.sql("select max(id) from org_unit where level = 'PRIMARY'").query(Long.class).single();
		String path = "/budget/bodies/" + body + "/2027/edit";
		// Both open the empty form (no budget yet) and save their own figures at once.
		List<Integer> first = atOnce(budgetSave(path, null, "methodologist", "1 000 000"),
				budgetSave(path, null, "admin", "2 000 000"));
		assertThat(first).as("two first saves").containsExactlyInAnyOrder(302, 409);
		String total = jdbc.sql("select total_planned::text from budget where org_unit_id = :b and year = 2027")
			.param("b", body).query(String.class).single();
		assertThat(total).startsWith(first.get(0) == 302 ? "1000000" : "2000000");

		int version = jdbc.sql("select version from budget where org_unit_id = :b and year = 2027").param("b", body)
			.query(Integer.class).single();
		List<Integer> second = atOnce(budgetSave(path, version, "methodologist", "3 000 000"),
				budgetSave(path, version, "admin", "4 000 000"));
		assertThat(second).as("two edits of the same version").containsExactlyInAnyOrder(302, 409);
		String after = jdbc.sql("select total_planned::text from budget where org_unit_id = :b and year = 2027")
			.param("b", body).query(String.class).single();
		assertThat(after).startsWith(second.get(0) == 302 ? "3000000" : "4000000");
		mvc.perform(get("/budget/bodies/" + body).with(users.as("methodologist")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
	}

	private MockHttpServletRequestBuilder eventEdit(long id, int version, String who, String title) {
		return post("/events/" + id + "/edit").with(users.as(who)).with(csrf())
			.param("titleKk", title)
			.param("formCode", "THEMATIC_SEMINAR")
			.param("topicCodes", "LABOUR_LAW")
			.param("startsAt", "2027-09-01T10:00")
			.param("endsAt", "2027-09-01T13:00")
			.param("academicHours", "3")
			.param("venueKind", "REGIONAL_OFFICE")
			.param("status", "PLANNED")
			.param("version", Integer.toString(version));
	}

	private MockHttpServletRequestBuilder budgetSave(String path, Integer version, String who, String total) {
		MockHttpServletRequestBuilder request = post(path).with(users.as(who)).with(csrf())
			.param("totalPlanned", total)
			.param("totalActual", total)
			.param("trainingPlanned", "100 000")
			.param("trainingActual", "100 000");
		if (version != null) {
			request.param("version", version.toString());
		}
		return request;
	}

	/** Both requests released together; their statuses in the order given. */
	private List<Integer> atOnce(MockHttpServletRequestBuilder a, MockHttpServletRequestBuilder b) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> tasks = new ArrayList<>();
			for (MockHttpServletRequestBuilder request : List.of(a, b)) {
				tasks.add(() -> {
					start.await();
					return mvc.perform(request).andReturn().getResponse().getStatus();
				});
			}
			List<Future<Integer>> futures = new ArrayList<>();
			for (Callable<Integer> task : tasks) {
				futures.add(pool.submit(task));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : futures) {
				statuses.add(f.get());
			}
			return statuses;
		}
		finally {
			pool.shutdown();
		}
	}
}
