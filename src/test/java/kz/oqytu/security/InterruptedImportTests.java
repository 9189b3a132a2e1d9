package kz.oqytu.security;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.testsupport.Workbooks;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue #8, item 6 (ASVS V11.1.2 business logic atomicity): the process dies in the middle of a
 * large participant import. What PostgreSQL sees of a killed process is its connection vanishing
 * with the transaction open, so the test does exactly that at the worst moment: every one of the
 * 5 000 rows is inserted and the import waits (on a row lock the test holds) to update the event's
 * head counts; then its backend is terminated. Nothing of it is visible afterwards, and running the
 * same import again gives exactly the result of an uninterrupted one; running it a third time adds
 * nothing.
 */
@OqytuIntegrationTest
class InterruptedImportTests {

	private static final int ROWS = 5_000;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	private Long eventId;

	@AfterEach
	void removeTheEvent() {
		if (eventId != null) {
			jdbc.sql("delete from event_survey where event_id = :id").param("id", eventId).update();
			jdbc.sql("delete from training_event where id = :id").param("id", eventId).update();
			// past the services: the reports' rollups are made again (decision 31)
			jdbc.sql("select reports_rollup_coverage_rebuild(), reports_rollup_monitoring_rebuild()").query((rs, n) -> 1).list();
		}
	}

	@Test
	void anImportKilledBeforeItsCommitLeavesNothingAndRunsAgainToTheSameResult() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		eventId = events.create(methodologist, new EventCommand("Үзілген импорт", "Прерванный импорт", "THEMATIC_SEMINAR",
				Set.of("LABOUR_LAW"), LocalDateTime.of(2028, 3, 1, 10, 0), LocalDateTime.of(2028, 3, 1, 16, 0),
				BigDecimal.valueOf(6), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null,
				EventStatus.PLANNED, Map.of()));
		Map<String, Long> index = organizations.nameIndex(methodologist);
		List<OrganizationRow> orgs = organizations
			.search(methodologist, new OrganizationCriteria(null, null, null, true, null, false, 0, 100))
			.getContent()
			.stream()
			.filter(o -> Long.valueOf(o.id()).equals(index.get(Organizations.nameKey(o.nameKk()))))
			.toList();
		Object[][] rows = new Object[ROWS + 1][];
		rows[0] = new Object[] { "Аты-жөні / ФИО", "Ұйым / Организация", "Санат / Категория" };
		for (int i = 0; i < ROWS; i++) {
			rows[i + 1] = new Object[] { "Қатысушы " + i + " Импортов", orgs.get(i % orgs.size()).nameKk(),
					i % 3 == 0 ? "Кәсіподақ активі" : "Кәсіподақ мүшелері" };
		}
		String previewUrl = mvc.perform(multipart("/events/" + eventId + "/participants/import")
			.file(new MockMultipartFile("file", "list.xlsx", "application/octet-stream", Workbooks.of(rows)))
			.with(users.as("methodologist")).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(previewUrl).contains("/participants/import/");

		// The watcher polls with autocommit: within one transaction pg_stat_activity would stay a snapshot.
		try (Connection holder = connect(); Connection watcher = connect()) {
			holder.setAutoCommit(false);
			// NO KEY UPDATE: the participants' foreign keys (KEY SHARE) pass, the event's own update waits.
			try (PreparedStatement lock = holder.prepareStatement("select 1 from training_event where id = ? for no key update")) {
				lock.setLong(1, eventId);
				lock.executeQuery().close();
			}
			java.util.concurrent.ExecutorService importer = java.util.concurrent.Executors.newSingleThreadExecutor();
			CompletableFuture<Integer> commit = CompletableFuture.supplyAsync(() -> status(previewUrl + "/commit"), importer);
			importer.shutdown();
			int backend = waitForTheImporterBlockedOnTheLock(watcher, commit);
			assertThat(participantsSeenBy(holder, backend)).as("rows the import had written, uncommitted").isZero();
			try (Statement kill = watcher.createStatement()) {
				kill.execute("select pg_terminate_backend(" + backend + ")");
			}
			holder.rollback();
			int status = commit.get(30, TimeUnit.SECONDS);
			assertThat(status).as("the interrupted import's answer").isIn(500, 503);
		}
		assertThat(participants()).as("participants after the kill").isZero();
		assertThat(headCount()).as("head counts after the kill").isZero();

		assertThat(status(previewUrl + "/commit")).as("the same import again").isEqualTo(302);
		assertThat(participants()).isEqualTo(ROWS);
		assertThat(headCount()).isEqualTo(ROWS);
		assertThat(jdbc.sql("select count(*) from attendance_count where event_id = :id and category_code = 'ACTIVIST'")
			.param("id", eventId).query(Long.class).single()).isEqualTo(1);

		status(previewUrl + "/commit");
		assertThat(participants()).as("a third run adds nothing").isEqualTo(ROWS);
	}

	private int status(String url) {
		try {
			return mvc.perform(post(url).with(users.as("methodologist")).with(csrf())).andReturn().getResponse().getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The backend of this database waiting for the test's row lock: the import, with every row written. */
	private int waitForTheImporterBlockedOnTheLock(Connection holder, CompletableFuture<Integer> commit) throws Exception {
		return Awaitility.await("the import reaching the head-count update")
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(20))
			.failFast(() -> assertThat(commit).as("the import finished without waiting for the lock").isNotDone())
			.until(() -> blockedBackend(holder), Optional::isPresent)
			.get();
	}

	private static Optional<Integer> blockedBackend(Connection holder) throws Exception {
		try (Statement s = holder.createStatement(); ResultSet rs = s.executeQuery("select pid from pg_stat_activity"
				+ " where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'"
				+ " and backend_xid is not null")) {
			// Blocked on the test's row lock, in a transaction that has already written (it has an xid).
			return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
		}
	}

	/** What another transaction sees: nothing, since the import has not committed. */
	private long participantsSeenBy(Connection c, int importer) throws Exception {
		try (PreparedStatement s = c.prepareStatement("select count(*) from event_participant where event_id = ?")) {
			s.setLong(1, eventId);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private long participants() {
		return jdbc.sql("select count(*) from event_participant where event_id = :id").param("id", eventId)
			.query(Long.class).single();
	}

	private long headCount() {
		return jdbc.sql("select coalesce(sum(participants), 0) from attendance_count where event_id = :id")
			.param("id", eventId).query(Long.class).single();
	}

	private Connection connect() throws Exception {
		return DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
				environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
	}
}
