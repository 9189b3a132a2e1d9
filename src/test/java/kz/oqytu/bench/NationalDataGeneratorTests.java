package kz.oqytu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import kz.oqytu.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The national data generator on a small seed, in a test database of its own. */
class NationalDataGeneratorTests {

	static final double SCALE = 0.002;

	static TestDatabase.Connection db;

	static NationalDataGenerator.Totals totals;

	@BeforeAll
	static void generate() throws Exception {
		db = TestDatabase.get("bench");
		totals = GenerateNationalData.prepare(db.url(), db.username(), db.password(), 7, SCALE, m -> {
		});
	}

	@Test
	void generatesTheRegistryOfTheUnionAtScale() throws SQLException {
		assertThat(totals.regions()).isEqualTo(21);
		assertThat(totals.organizations()).isEqualTo(19);
		assertThat(count("select count(*) from org_unit where level = 'REGION'")).isEqualTo(21);
		assertThat(count("select count(*) from org_unit where level = 'COMMITTEE'")).isEqualTo(totals.committees());
		assertThat(count("select count(*) from org_unit where level = 'PRIMARY'")).isEqualTo(19);
		// every path is its parent's path and its own id, as the trigger would have written it
		assertThat(count("select count(*) from org_unit o join org_unit p on p.id = o.parent_id"
				+ " where o.path <> p.path || o.id || '/'")).isZero();
	}

	@Test
	void membersOfTheLatestSnapshotAddUpToTheScaledNation() throws SQLException {
		assertThat(count("select sum(members) from membership_snapshot where as_of = date '2026-01-01'"))
			.isEqualTo(totals.membersLatest());
		assertThat(totals.membersLatest()).isBetween(1_400L, 1_600L);
		assertThat(count("select count(distinct as_of) from membership_snapshot")).isEqualTo(11);
	}

	@Test
	void participationsAreHeadCountsOfHeldEventsAndNamedListsAgreeWithThem() throws SQLException {
		// the scaled events and the one event of 10 000 named participants (its page's size goal)
		assertThat(count("select count(*) from training_event")).isEqualTo(301);
		assertThat(count("select count(*) from event_participant p join training_event e on e.id = p.event_id"
				+ " where e.title_kk = 'Бенч: үлкен іс-шара' and e.status = 'HELD' and e.organizer_unit_id = 2"))
			.isEqualTo(NationalDataGenerator.BIG_EVENT_PARTICIPANTS);
		assertThat(count("select sum(a.participants) from attendance_count a join training_event e on e.id = a.event_id"
				+ " where e.status = 'HELD'")).isEqualTo(totals.participations());
		assertThat(totals.participations()).isGreaterThanOrEqualTo(4_000);
		assertThat(count("select count(*) from event_participant")).isEqualTo(totals.namedParticipants());
		// an event with a named list has exactly the list's counts
		assertThat(count("""
				select count(*) from (select p.event_id, p.category_code, count(*) n from event_participant p
				group by 1, 2) l join attendance_count a on a.event_id = l.event_id and a.category_code = l.category_code
				where a.participants <> l.n""")).isZero();
	}

	@Test
	void surveysAndResponsesFollowTheEvents() throws SQLException {
		assertThat(count("select count(*) from event_survey")).isEqualTo(600);
		assertThat(count("select count(*) from survey_response")).isEqualTo(totals.responses());
		assertThat(totals.responses()).isGreaterThanOrEqualTo(2_000);
		assertThat(count("select count(*) from survey_answer")).isEqualTo(totals.answers());
		assertThat(count("select count(*) from budget")).isEqualTo(totals.budgets());
		assertThat(count("select count(*) from topic_request")).isEqualTo(totals.requests());
		assertThat(count("select count(*) from app_user where username in ('admin', 'methodologist')")).isEqualTo(2);
		assertThat(count("select count(*) from audit_log")).isZero();
	}

	@Test
	void aSecondRunReusesTheDatabaseAndOthersAreRefused() throws Exception {
		assertThat(GenerateNationalData.prepare(db.url(), db.username(), db.password(), 7, SCALE, m -> {
		})).isNull();
		assertThatThrownBy(() -> GenerateNationalData.prepare("jdbc:postgresql://localhost:5432/oqytu", "postgres",
				"postgres", 7, SCALE, m -> {
				})).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aStampedDatabaseIsReusedOnlyUnderTheSameStamp() throws Exception {
		TestDatabase.Connection stamped = TestDatabase.get("benchstamp");
		assertThat(GenerateNationalData.prepare(stamped.url(), stamped.username(), stamped.password(), 7, SCALE, "v1", m -> {
		})).isNotNull();
		assertThat(GenerateNationalData.stampOf(stamped.url(), stamped.username(), stamped.password())).isEqualTo("v1");
		// the same stamp: reused, nothing written
		assertThat(GenerateNationalData.prepare(stamped.url(), stamped.username(), stamped.password(), 7, SCALE, "v1", m -> {
		})).isNull();
		// another stamp (a changed generator, migration, seed or scale): dropped and generated again, not grown
		assertThat(GenerateNationalData.prepare(stamped.url(), stamped.username(), stamped.password(), 7, SCALE, "v2", m -> {
		})).isNotNull();
		assertThat(GenerateNationalData.stampOf(stamped.url(), stamped.username(), stamped.password())).isEqualTo("v2");
		try (Connection c = DriverManager.getConnection(stamped.url(), stamped.username(), stamped.password());
				Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from training_event")) {
			rs.next();
			assertThat(rs.getLong(1)).isEqualTo(301);
		}
		// the unstamped database of the other tests holds data without a stamp: a stamped run starts it afresh
		assertThat(GenerateNationalData.stampOf(db.url(), db.username(), db.password())).isNull();
	}

	@Test
	void theSameSeedGivesTheSameCodes() {
		assertThat(NationalDataGenerator.shortCode(1_000_000)).isEqualTo(NationalDataGenerator.shortCode(1_000_000))
			.hasSize(8)
			.isNotEqualTo(NationalDataGenerator.shortCode(1_000_001));
	}

	private static long count(String sql) throws SQLException {
		try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
				Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
