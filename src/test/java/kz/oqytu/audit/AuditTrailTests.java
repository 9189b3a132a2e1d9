package kz.oqytu.audit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import java.time.Clock;

/**
 * Every change is recorded with who, when, before and after; the record cannot be rewritten.
 * Not one test transaction: the actor is named when each request's own transaction begins, as in
 * production. The changes made here stay outside the figures other tests pin (2027, a new account).
 */
@OqytuIntegrationTest
class AuditTrailTests {

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	/** The 2027 memberships written here would be "the latest snapshot" for other tests: removed again. */
	@org.junit.jupiter.api.AfterEach
	void removeTheMembershipsOf2027() {
		jdbc.sql("delete from membership_snapshot where as_of = date '2027-01-01'").update();
			// past the services: the reports' rollups are made again (decision 31)
			jdbc.sql("select reports_rollup_coverage_rebuild(), reports_rollup_monitoring_rebuild()").query((rs, n) -> 1).list();
	}

	private List<Map<String, Object>> log(String table, String rowKey) {
		return jdbc.sql("select actor, action, before::text as before, after::text as after from audit_log"
				+ " where table_name = :t and row_key = :r order by id")
			.param("t", table).param("r", rowKey).query().listOfRows();
	}

	@Test
	void anEditedEventRecordsWhoAndBeforeAndAfter() throws Exception {
		EventDetails event = plannedEvent();
		mvc.perform(post("/events/" + event.id() + "/attendance").with(users.as("methodologist")).with(csrf())
			.param("headCounts[UNION_MEMBER]", "7").param("headCounts[CHAIR]", "3"))
			.andExpect(status().is3xxRedirection());
		List<Map<String, Object>> counts = jdbc.sql("select actor, action from audit_log where table_name = 'attendance_count'"
				+ " and row_key like :k order by id desc").param("k", event.id() + "/%").query().listOfRows();
		assertThat(counts).isNotEmpty();
		assertThat(counts.get(0).get("actor")).isEqualTo("methodologist");
	}

	private EventDetails plannedEvent() {
		CurrentUser methodologist = users.current("methodologist");
		long id = events.create(methodologist, new kz.oqytu.training.EventCommand("Аудит сынағы", null, "ROUND_TABLE",
				java.util.Set.of("OTHER"), java.time.LocalDateTime.of(2027, 5, 5, 10, 0),
				java.time.LocalDateTime.of(2027, 5, 5, 12, 0), java.math.BigDecimal.valueOf(2),
				kz.oqytu.training.VenueKind.ONLINE, null, null, null, null, java.util.Set.of(), null, null,
				kz.oqytu.training.EventStatus.PLANNED, Map.of()));
		return events.details(methodologist, id);
	}

	@Test
	void aMembershipChangeIsRecorded() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		long org = organizations.search(methodologist, new OrganizationCriteria(null, 5L, null, null, null, false, 0, 1))
			.getContent().get(0).id();
		mvc.perform(post("/organizations/" + org + "/membership").with(users.as("admin")).with(csrf())
			.param("year", "2027").param("members", "99")).andExpect(status().is3xxRedirection());
		List<Map<String, Object>> rows = jdbc.sql("select actor, action, after::text as after from audit_log"
				+ " where table_name = 'membership_snapshot' and after ->> 'org_unit_id' = :o order by id desc")
			.param("o", Long.toString(org)).query().listOfRows();
		assertThat(rows).isNotEmpty();
		assertThat(rows.get(0).get("actor")).isEqualTo("admin");
		assertThat(rows.get(0).get("action")).isEqualTo("INSERT");
		assertThat((String) rows.get(0).get("after")).contains("\"members\": 99");
	}

	@Test
	void passwordsNeverReachTheLog() throws Exception {
		mvc.perform(post("/admin/users/new").with(users.as("admin")).with(csrf())
			.param("username", "audited.user").param("fullName", "Audited").param("role", "EXECUTIVE")
			.param("scopeUnitId", "2").param("password", "secret-password")).andExpect(status().is3xxRedirection());
		String after = jdbc.sql("select after::text from audit_log where table_name = 'app_user' and after ->> 'username' = 'audited.user'")
			.query(String.class).single();
		assertThat(after).contains("audited.user").doesNotContain("password").doesNotContain("{bcrypt}");
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void aWriteTransactionNamesItsActorUnlessLabelledUnaudited() {
		String sql = "select coalesce(current_setting('oqytu.actor', true), '')";
		org.springframework.transaction.support.TransactionTemplate write =
				new org.springframework.transaction.support.TransactionTemplate(transactions);
		String named = write.execute(s -> jdbc.sql(sql).query(String.class).single());
		assertThat(named).isEqualTo("system");
		org.springframework.transaction.interceptor.RuleBasedTransactionAttribute unaudited =
				new org.springframework.transaction.interceptor.RuleBasedTransactionAttribute();
		unaudited.setLabels(List.of(kz.oqytu.shared.db.Transactions.UNAUDITED));
		// as @Transactional(label = UNAUDITED) hands it over: the attribute itself, labels and all
		org.springframework.transaction.TransactionStatus status = transactions.getTransaction(unaudited);
		String none = jdbc.sql(sql).query(String.class).single();
		transactions.commit(status);
		assertThat(none).isEmpty();
	}

	/**
	 * Tables whose changes are not in the trail, each with its reason. Every other table of the schema
	 * carries the {@code audit_row} trigger: a new table a person changes joins the trail, or is named
	 * here with why not (the test fails until one of the two is done).
	 */
	static final Map<String, String> NOT_AUDITED = Map.ofEntries(
			Map.entry("audit_log", "the trail itself"),
			Map.entry("flyway_schema_history", "migrations, not data"),
			Map.entry("shedlock", "the scheduler's locks"),
			Map.entry("job_run", "a log of its own: which instance ran which job"),
			Map.entry("spring_session", "sessions: sign-ins are counted by the login metrics"),
			Map.entry("spring_session_attributes", "sessions"),
			Map.entry("account_ended_session", "ended sessions, a security list"),
			Map.entry("account_link", "one-time sign-in links: secrets"),
			Map.entry("account_reset_request", "password reset requests: secrets"),
			Map.entry("login_throttle", "counters"),
			Map.entry("survey_submit_count", "counters"),
			Map.entry("survey_address_minute", "counters"),
			Map.entry("checkin_submit_count", "counters"),
			Map.entry("certificate_lookup_count", "counters"),
			Map.entry("calendar_fetch_count", "counters"),
			Map.entry("upload_staging", "uploads between preview and commit; the commit is audited"),
			Map.entry("material_file_chunk", "file bytes; the material version is audited"),
			Map.entry("mail_outbox", "outgoing mail, a log of its own"),
			Map.entry("mail_outbox_attachment", "outgoing mail"),
			Map.entry("survey_response", "anonymous answers, many per seminar; a paper entry names its typist (entered_by)"),
			Map.entry("survey_answer", "anonymous answers"),
			Map.entry("survey_response_score", "derived from the answers"),
			Map.entry("material_org_receipt", "derived from the deliveries (V403)"),
			Map.entry("survey_results_fold", "derived from the answers"),
			Map.entry("survey_results_dirty", "derived from the answers"),
			Map.entry("survey_secret", "a server secret"),
			Map.entry("calendar_feed", "holds its link's secret, which the append-only log must not copy"),
			Map.entry("reports_rollup_coverage", "derived from the events"),
			Map.entry("reports_rollup_members", "derived from the snapshots"),
			Map.entry("reports_rollup_monitoring_open", "derived"),
			Map.entry("reports_rollup_monitoring_own", "derived"),
			Map.entry("reports_rollup_monitoring_trained", "derived"),
			Map.entry("reports_rollup_persons", "derived"),
			Map.entry("bench_stamp", "the bench's data stamp (bench databases only)"));

	@Test
	void everyTableIsInTheTrailOrSaysWhyNot() {
		List<String> missing = jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind in ('r', 'p')
				  and not exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
				                  where t.tgrelid = c.oid and p.proname = 'audit_row')
				order by 1""").query(String.class).list();
		assertThat(missing).as("tables neither audited nor named in NOT_AUDITED")
			.allMatch(NOT_AUDITED::containsKey);
		// and the list says nothing false: a table it names carries no audit trigger
		List<String> audited = jdbc.sql("""
				select distinct c.relname from pg_trigger t join pg_proc p on p.oid = t.tgfoid
				join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and p.proname = 'audit_row'""").query(String.class).list();
		assertThat(audited).as("audited tables still named in NOT_AUDITED")
			.isNotEmpty()
			.noneMatch(NOT_AUDITED::containsKey);
	}

	@Test
	void theLogIsAppendOnly() {
		jdbc.sql("insert into audit_log (actor, table_name, row_key, action) values ('x', 'y', 'z', 'INSERT')").update();
		assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone else'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update()).hasMessageContaining("append-only");
	}

	@Test
	void onlyAdministratorsReadTheLog() throws Exception {
		mvc.perform(get("/admin/audit").with(users.as("admin")).param("table", "org_unit")).andExpect(status().isOk());
		for (String user : List.of("methodologist", "executive", "chair")) {
			mvc.perform(get("/admin/audit").with(users.as(user))).andExpect(status().isForbidden());
		}
		assertThat(audit.tables()).contains("training_event", "attendance_count", "membership_snapshot", "budget",
				"material", "app_user", "event_participant");
	}

	@Test
	void theReportCountsChangesMadeAfterItWasApproved() throws Exception {
		// 2026's report (members on 01.01.2027): approving it here disturbs no pinned figure.
		mvc.perform(post("/reports/coverage/approval").with(users.as("methodologist")).with(csrf())
			.param("year", "2026").param("approvedOn", LocalDate.now(clock).toString()).param("protocol", "A-1")
			.param("approvedBy", "Исполком")).andExpect(status().is3xxRedirection());
		String before = mvc.perform(get("/reports/coverage").param("year", "2026").with(users.as("executive")))
			.andReturn().getResponse().getContentAsString();
		assertThat(before).contains("id=\"approval-status\"").doesNotContain("id=\"audit-since-approval\"");
		// the log counts changes stamped after the approval's recorded_at; both stamps are the database's now(),
		// not the application's clock, so wait on the database until its time has moved past the approval
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> jdbc
			.sql("select clock_timestamp() > max(recorded_at) from report_approval").query(Boolean.class).single());
		long org = organizations.search(users.current("methodologist"), new OrganizationCriteria(null, 6L, null, null, null,
				false, 0, 1)).getContent().get(0).id();
		mvc.perform(post("/organizations/" + org + "/membership").with(users.as("methodologist")).with(csrf())
			.param("year", "2027").param("members", "12")).andExpect(status().is3xxRedirection());
		String after = mvc.perform(get("/reports/coverage").param("year", "2026").with(users.as("executive")))
			.andReturn().getResponse().getContentAsString();
		assertThat(after).contains("id=\"audit-since-approval\"").contains("id=\"approval-differences\"");
	}
}
