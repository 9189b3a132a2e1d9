package kz.oqytu.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The derived table the results overview reads (survey_response_score, decision 36) equals its
 * recomputation from the responses and answers, on random responses added, changed and removed by
 * the statements the application and the generator use, and the overview read from it gives the
 * figures the answers give.
 */
@OqytuIntegrationTest
@Transactional
class SurveyResponseScoreTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	SurveyResults results;

	private final Random random = new Random(17);

	@Test
	void theScoresEqualTheirRecomputationAfterResponsesAreAddedChangedAndRemoved() {
		assertThat(differences()).as("the demo data, as loaded").isZero();
		List<long[]> surveys = jdbc.sql("""
				select s.id, v.id from event_survey s join questionnaire_version v on v.questionnaire_id = s.questionnaire_id
				order by s.id, v.version_no desc
				""").query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		assertThat(surveys).isNotEmpty();
		List<Long> added = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			long[] survey = surveys.get(random.nextInt(surveys.size()));
			added.add(i % 2 == 0 ? oneStatement(survey) : twoStatements(survey));
		}
		assertThat(differences()).as("after 300 random responses").isZero();
		assertThat(jdbc.sql("select count(*) from survey_response_score where response_id in (:ids)").param("ids", added)
			.query(Long.class).single()).isEqualTo(300L);

		// answers removed and changed, responses flagged and removed
		jdbc.sql("delete from survey_answer where response_id in (:ids) and response_id % 3 = 0").param("ids", added).update();
		jdbc.sql("update survey_answer set rating = 6 - rating where response_id in (:ids) and rating is not null")
			.param("ids", added).update();
		jdbc.sql("update survey_response set flagged = true, flag_reasons = 1 where id in (:ids) and id % 5 = 0")
			.param("ids", added).update();
		jdbc.sql("delete from survey_response where id in (:ids) and id % 7 = 0").param("ids", added).update();
		assertThat(differences()).as("after edits and removals").isZero();

		// the rebuild writes the same rows
		List<Map<String, Object>> before = table();
		long written = jdbc.sql("select surveys_response_score_rebuild()").query(Long.class).single();
		assertThat(written).isEqualTo(jdbc.sql("select count(*) from survey_response").query(Long.class).single());
		assertThat(table()).isEqualTo(before);
		assertThat(differences()).isZero();
	}

	@Test
	void theOverviewFromTheScoresGivesTheFiguresTheAnswersGive() {
		List<long[]> surveys = jdbc.sql("""
				select s.id, v.id from event_survey s join questionnaire_version v on v.questionnaire_id = s.questionnaire_id
				join training_event e on e.id = s.event_id where e.starts_at >= '2025-01-01' and e.starts_at < '2026-01-01'
				order by s.id
				""").query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		for (int i = 0; i < 200; i++) {
			oneStatement(surveys.get(random.nextInt(surveys.size())));
		}
		for (String user : List.of("methodologist", "admin")) {
			CurrentUser me = users.current(user);
			ResultsOverview overview = results.overview(me, 2025, null, null, null);
			Map<String, Object> legacy = legacyTotal(me.scopePath());
			ScoreLine total = overview.total();
			assertThat(total.events()).as(user).isEqualTo(((Number) legacy.get("events")).longValue());
			assertThat(total.responses()).as(user).isEqualTo(((Number) legacy.get("responses")).longValue());
			assertThat(total.usefulness()).as(user).isEqualByComparingTo((java.math.BigDecimal) legacy.get("usefulness"));
			assertThat(total.applicability()).as(user)
				.isEqualByComparingTo((java.math.BigDecimal) legacy.get("applicability"));
			// the organizations, a page at a time, add up to those listed; the hidden ones stay hidden
			long listed = overview.listedOrganizations();
			long seen = 0;
			for (int page = 0; page * overview.organizationPageSize() < listed; page++) {
				ResultsOverview one = results.overview(me, 2025, null, null, null, page);
				// whole blocks of the threshold only (decision 17)
				assertThat(one.byOrganization()).allSatisfy(l -> assertThat(l.responses() % 5).isZero());
				assertThat(one.hiddenOrganizations()).isEqualTo(overview.hiddenOrganizations());
				seen += one.byOrganization().size();
			}
			assertThat(seen).isEqualTo(listed);
			assertThat(results.overview(me, 2025, null, null, null, 10_000).byOrganization()).isEmpty();
			assertThat(results.overview(me, 2025, null, null, null, 10_000).hiddenOrganizations())
				.isEqualTo(overview.hiddenOrganizations());
		}
	}

	/** The overview's total as computed before the derived table: over the answers (decision 17's blocks). */
	private Map<String, Object> legacyTotal(String scope) {
		return jdbc.sql("""
				with r as (
				  select r.id, s.kind, s.event_id from survey_response r
				  join event_survey s on s.id = r.event_survey_id
				  join training_event e on e.id = s.event_id join org_unit o on o.id = e.organizer_unit_id
				  where not r.flagged and o.path like :scope and e.starts_at >= '2025-01-01' and e.starts_at < '2026-01-01'
				), p as (select r.*, row_number() over (partition by r.kind order by r.id) as n,
				                count(*) over (partition by r.kind) as c from r)
				select count(distinct r.event_id) as events,
				       count(distinct r.id) filter (where r.kind = 'POST_EVENT') as responses,
				       round(avg(a.rating) filter (where r.kind = 'POST_EVENT' and q.code = 'usefulness'), 1) as usefulness,
				       round(avg(a.rating) filter (where r.kind = 'POST_EVENT' and q.code = 'applicability'), 1) as applicability
				from p r join survey_answer a on a.response_id = r.id join question q on q.id = a.question_id
				where r.n <= r.c / 5 * 5
				""").param("scope", scope + "%").query().singleRow();
	}

	/** The public form's way: the response and its answers in one statement. */
	private long oneStatement(long[] survey) {
		Answers a = answers(survey[1]);
		return jdbc.sql("""
				with response as (
				    insert into survey_response (id, event_survey_id, version_id, device_id, fingerprint, flagged, flag_reasons,
				                                 organization_id)
				    values (nextval('survey_seq'), :survey, :version, :device, 'test', :flagged, :reasons, :organization)
				    returning id),
				answers as (
				    insert into survey_answer (response_id, question_id, rating, option_code, text_value)
				    select response.id, a.q, a.rating, a.option, null from response,
				           unnest(cast(:questions as bigint[]), cast(:ratings as int[]), cast(:options as text[])) as a (q, rating, option)
				    returning 1)
				select id from response
				""").param("survey", survey[0]).param("version", survey[1]).param("device", UUID.randomUUID())
			.param("flagged", a.flagged).param("reasons", a.flagged ? 1 : 0).param("organization", organization())
			.param("questions", a.questions.toArray(Long[]::new)).param("ratings", a.ratings.toArray(Integer[]::new))
			.param("options", a.options.toArray(String[]::new))
			.query(Long.class).single();
	}

	/** The paper forms' way: the response, then its answers. */
	private long twoStatements(long[] survey) {
		Answers a = answers(survey[1]);
		long id = jdbc.sql("select nextval('survey_seq')").query(Long.class).single();
		jdbc.sql("""
				insert into survey_response (id, event_survey_id, version_id, device_id, fingerprint, flagged, flag_reasons,
				                             organization_id) values (:id, :survey, :version, :device, 'paper', :flagged, :reasons, :organization)
				""").param("id", id).param("survey", survey[0]).param("version", survey[1]).param("device", UUID.randomUUID())
			.param("flagged", a.flagged).param("reasons", a.flagged ? 1 : 0).param("organization", organization()).update();
		for (int i = 0; i < a.questions.size(); i++) {
			jdbc.sql("insert into survey_answer (response_id, question_id, rating, option_code) values (:r, :q, :rating, :option)")
				.param("r", id).param("q", a.questions.get(i)).param("rating", a.ratings.get(i))
				.param("option", a.options.get(i)).update();
		}
		return id;
	}

	private record Answers(List<Long> questions, List<Integer> ratings, List<String> options, boolean flagged) {
	}

	/** Random answers to a version's rating and "applied" questions; now and then none at all. */
	private Answers answers(long version) {
		List<Long> questions = new ArrayList<>();
		List<Integer> ratings = new ArrayList<>();
		List<String> options = new ArrayList<>();
		if (random.nextInt(10) > 0) {
			jdbc.sql("select id, code, type from question where version_id = :v and type in ('RATING', 'SINGLE')")
				.param("v", version).query(rs -> {
					if (random.nextInt(4) == 0) {
						return;
					}
					questions.add(rs.getLong("id"));
					if ("RATING".equals(rs.getString("type"))) {
						ratings.add(1 + random.nextInt(5));
						options.add(null);
					}
					else {
						ratings.add(null);
						options.add(List.of("YES", "PARTLY", "NO").get(random.nextInt(3)));
					}
				});
		}
		return new Answers(questions, ratings, options, random.nextInt(8) == 0);
	}

	private Long organization() {
		return random.nextInt(5) == 0 ? null
				: jdbc.sql("select id from org_unit where level = 'PRIMARY' order by id offset :o limit 1")
					.param("o", random.nextInt(50)).query(Long.class).optional().orElse(null);
	}

	private List<Map<String, Object>> table() {
		return jdbc.sql("select response_id, event_survey_id, kind, flagged, organization_id, answered, usefulness, applicability, applied, applied_yes from survey_response_score order by response_id").query().listOfRows();
	}

	/** Rows of the table that differ from the recomputation, both ways. */
	private long differences() {
		return jdbc.sql("""
				with fresh as (select * from surveys_response_scores(array(select id from survey_response))),
				held as (select response_id, event_survey_id, kind, flagged, organization_id, answered, usefulness,
				                    applicability, applied, applied_yes from survey_response_score)
				select (select count(*) from (select * from held except select * from fresh) a)
				     + (select count(*) from (select * from fresh except select * from held) b)
				""").query(Long.class).single();
	}
}
