package kz.oqytu.surveys.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.RegistryChanged;
import kz.oqytu.surveys.PaperShare;
import kz.oqytu.surveys.ResultsOverview;
import kz.oqytu.surveys.SurveyResults;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.TrainingFiguresChanged;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey results fold (V260, decision 38) gives every figure of the results overview that the live
 * statements give (kept here as the oracle: {@link SurveyResultsService#liveOverview}), for the whole
 * country and each of its regions, every year and every page of organizations, on random responses
 * added, changed, flagged, unflagged and removed, and after events are edited and moved to another
 * region or year and a committee is moved to another region; and a rebuild gives the cells the
 * refreshes gave. New responses are added to their keys' cells (decision 61), whose counts, tails and
 * published figures then equal a rebuild's; a response changed after it was folded marks its key.
 */
@OqytuIntegrationTest
@Transactional
class ResultsFoldTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	SurveyResults results;

	@Autowired
	SurveyResultsService service;

	@Autowired
	ApplicationEventPublisher publisher;

	private final Random random = new Random(38);

	@Test
	void theFoldGivesTheLiveFiguresThroughAddsEditsFlagsRemovalsAndMoves() {
		assertThat(compared()).as("the demo data, as migrated").isPositive();

		List<long[]> surveys = jdbc.sql("""
				select s.id, v.id from event_survey s join questionnaire_version v on v.questionnaire_id = s.questionnaire_id
				order by s.id, v.version_no desc
				""").query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		refreshEveryKey();
		List<Long> added = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			long[] survey = surveys.get(random.nextInt(Math.min(surveys.size(), 12)));
			added.add(i % 3 == 0 ? twoStatements(survey) : oneStatement(survey));
		}
		assertThat(jdbc.sql("select count(*) from survey_response_score where not folded").query(Long.class).single())
			.as("the submits come unfolded").isPositive();
		// new responses are added to their keys' cells (decision 61), no key recomputed
		assertThat(refreshedByAdding()).isEqualTo(400);
		compared();
		assertThat(paperSeen).as("paper answers are among those compared").isPositive();
		rebuildGivesTheSameCells();

		// answers removed and changed, responses flagged, unflagged and removed (ids step by 50: n = id / 50)
		jdbc.sql("delete from survey_answer where response_id in (:ids) and response_id / 50 % 4 = 0").param("ids", added).update();
		jdbc.sql("update survey_answer set rating = 6 - rating where response_id in (:ids) and rating is not null and response_id / 50 % 3 = 1")
			.param("ids", added).update();
		jdbc.sql("update survey_response set flagged = true, flag_reasons = 1 where id in (:ids) and id / 50 % 5 = 0")
			.param("ids", added).update();
		jdbc.sql("update survey_response set flagged = false, flag_reasons = 0 where id in (:ids) and flagged and id / 50 % 2 = 1")
			.param("ids", added).update();
		compared();
		jdbc.sql("delete from survey_response where id in (:ids) and id / 50 % 7 = 0").param("ids", added).update();
		assertThat(jdbc.sql("select count(*) from survey_results_dirty").query(Long.class).single())
			.as("a removal marks its key").isPositive();
		compared();

		// events edited (form, district, topics, length) and moved to another year and to another region
		List<Long> events = jdbc.sql("""
				select distinct s.event_id from event_survey s join survey_response r on r.event_survey_id = s.id
				order by s.event_id
				""").query(Long.class).list();
		assertThat(events).hasSizeGreaterThan(2);
		List<Long> regions = jdbc.sql("""
				select u.id from org_unit u join org_unit root on root.id = u.parent_id and root.parent_id is null
				order by u.id""").query(Long.class).list();
		for (long event : events) {
			long[] before = where(event);
			switch (random.nextInt(4)) {
				case 0 -> jdbc.sql("""
						update training_event set form_code = (select code from training_form where code <> training_event.form_code
						    order by code limit 1), ends_at = ends_at + interval '2 days', district_id = null where id = :e
						""").param("e", event).update();
				case 1 -> {
					jdbc.sql("delete from training_event_topic where event_id = :e").param("e", event).update();
					jdbc.sql("""
							insert into training_event_topic (event_id, topic_code)
							select :e, code from training_topic order by code offset :o limit 2
							""").param("e", event).param("o", random.nextInt(4)).update();
				}
				case 2 -> jdbc.sql("update training_event set starts_at = starts_at - interval '1 year',"
						+ " ends_at = ends_at - interval '1 year' where id = :e").param("e", event).update();
				default -> jdbc.sql("update training_event set organizer_unit_id = :o where id = :e")
					.param("o", regions.get(random.nextInt(regions.size()))).param("e", event).update();
			}
			long[] after = where(event);
			// what the training module publishes from its write paths
			publisher.publishEvent(new TrainingFiguresChanged(event, before[0], (int) before[1], after[0], (int) after[1]));
		}
		compared();

		// a committee that organizes events moves to another region
		List<long[]> committees = jdbc.sql("""
				select o.id, o.parent_id from training_event e join org_unit o on o.id = e.organizer_unit_id
				join event_survey s on s.event_id = e.id join survey_response r on r.event_survey_id = s.id
				where o.level = 'COMMITTEE' group by o.id, o.parent_id order by count(*) desc limit 1
				""").query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		if (!committees.isEmpty()) {
			long committee = committees.get(0)[0];
			long formerParent = committees.get(0)[1];
			long to = regions.stream().filter(r -> r != formerParent).findFirst().orElseThrow();
			jdbc.sql("update org_unit set parent_id = :to where id = :c").param("to", to).param("c", committee).update();
			publisher.publishEvent(new RegistryChanged(Set.of(committee), Set.of(formerParent)));
			compared();
		}

		// the rebuild gives the cells the refreshes gave
		service.overview(admin(), 2025, null, null, null);
		int refreshed = jdbc.sql("select count(*) from surveys_results_fold_dirty('/', null)").query(Integer.class).single();
		for (Map<String, Object> key : jdbc.sql("select region_id, year from surveys_results_fold_dirty('/', null)")
			.query().listOfRows()) {
			jdbc.sql("select surveys_results_fold_refresh(:r, :y, 5)").param("r", key.get("region_id"))
				.param("y", key.get("year")).query().singleRow();
		}
		assertThat(refreshed).isNotNegative();
		List<Map<String, Object>> cells = cells();
		assertThat(cells).isNotEmpty();
		jdbc.sql("select surveys_results_fold_rebuild(5)").query(Long.class).single();
		assertThat(cells()).isEqualTo(cells);
		compared();

		// more responses, added to cells that were recomputed after all the changes above
		for (int i = 0; i < 150; i++) {
			long[] survey = surveys.get(random.nextInt(surveys.size()));
			added.add(i % 3 == 0 ? twoStatements(survey) : oneStatement(survey));
		}
		assertThat(refreshedByAdding()).isEqualTo(150);
		compared();
		rebuildGivesTheSameCells();

		// a folded response changed afterwards marks its key: it is recomputed whole, not added twice
		long changed = added.get(added.size() - 1);
		jdbc.sql("update survey_answer set rating = 6 - rating where response_id = :r and rating is not null")
			.param("r", changed).update();
		jdbc.sql("update survey_response set flagged = not flagged, flag_reasons = case when flagged then 0 else 1 end where id = :r")
			.param("r", changed).update();
		assertThat(jdbc.sql("select count(*) from survey_results_dirty").query(Long.class).single())
			.as("a folded response recomputed marks its key").isEqualTo(1);
		compared();
		rebuildGivesTheSameCells();
	}

	/** Refreshes every key that needs it, whatever the way. */
	private void refreshEveryKey() {
		for (Map<String, Object> key : jdbc.sql("select region_id, year from surveys_results_fold_dirty('/', null)")
			.query().listOfRows()) {
			jdbc.sql("select surveys_results_fold_refresh(:r, :y, 5)").param("r", key.get("region_id"))
				.param("y", key.get("year")).query().singleRow();
		}
		assertThat(jdbc.sql("select count(*) from surveys_results_fold_dirty('/', null)").query(Long.class).single()).isZero();
	}

	/** Refreshes every key with new rows, each by adding them to its cells; returns the rows added. */
	private int refreshedByAdding() {
		int rows = 0;
		for (Map<String, Object> key : jdbc.sql("select region_id, year from surveys_results_fold_dirty('/', null)")
			.query().listOfRows()) {
			Object added = jdbc.sql("select surveys_results_fold_refresh(:r, :y, 5)").param("r", key.get("region_id"))
				.param("y", key.get("year")).query().singleValue();
			assertThat(added).as("key " + key + " added to, not recomputed").isNotNull();
			rows += ((Number) added).intValue();
		}
		return rows;
	}

	/** A rebuild from all the score rows gives the cells as they are, their tails included. */
	private void rebuildGivesTheSameCells() {
		List<Map<String, Object>> cells = cells();
		assertThat(cells).isNotEmpty();
		jdbc.sql("select surveys_results_fold_rebuild(5)").query(Long.class).single();
		assertThat(cells()).isEqualTo(cells);
	}

	/** Compares every scope (the root, each region) and year, every page of organizations; returns the lines seen. */
	private int compared() {
		List<Integer> years = jdbc.sql("""
				select distinct extract(year from e.starts_at)::int from training_event e
				join event_survey s on s.event_id = e.id order by 1""").query(Integer.class).list();
		List<CurrentUser> scopes = new ArrayList<>();
		CurrentUser admin = admin();
		scopes.add(admin);
		jdbc.sql("select id, path from org_unit where parent_id = :root order by id").param("root", admin.scopeUnitId())
			.query(rs -> {
				scopes.add(new CurrentUser(admin.id(), admin.username(), admin.fullName(), admin.role(), rs.getLong(1),
						rs.getString(2)));
			});
		int lines = 0;
		long papers = 0;
		for (CurrentUser user : scopes) {
			for (int year : years) {
				ResultsOverview folded = results.overview(user, year, null, null, null, 0);
				ResultsOverview live = service.liveOverview(user, year, null, null, null, 0);
				assertThat(folded).as(user.scopePath() + " " + year).isEqualTo(live);
				// the paper share (issue #20): its count of counted responses from the fold equals the live one
				PaperShare paper = results.paperShare(user, year, null, null, null);
				assertThat(paper.counted()).as("counted " + user.scopePath() + " " + year)
					.isEqualTo(service.liveCounted(user, year, null, null, null));
				assertThat(paper.paper()).as("paper " + user.scopePath() + " " + year).isEqualTo(livePaper(user.scopePath(), year))
					.isLessThanOrEqualTo(paper.counted());
				papers += paper.paper();
				for (int page = 1; page * live.organizationPageSize() < live.listedOrganizations() + live.organizationPageSize(); page++) {
					assertThat(results.overview(user, year, null, null, null, page)).as(user.scopePath() + " " + year + " page " + page)
						.isEqualTo(service.liveOverview(user, year, null, null, null, page));
				}
				lines += live.byForm().size() + live.byTopic().size() + live.byDistrict().size() + live.byOrganization().size();
			}
		}
		paperSeen = papers;
		return lines;
	}

	/** Paper answers counted in the last comparison, over every scope and year. */
	private long paperSeen;

	/** The oracle of the paper count: unflagged paper responses of the scope's events of the year, from the responses. */
	private long livePaper(String scopePath, int year) {
		return jdbc.sql("""
				select count(*) from survey_response r join event_survey s on s.id = r.event_survey_id
				join training_event e on e.id = s.event_id join org_unit o on o.id = e.organizer_unit_id
				where r.source = 'PAPER' and not r.flagged and o.path like :scope
				  and extract(year from e.starts_at) = :year
				""").param("scope", scopePath + "%").param("year", year).query(Long.class).single();
	}

	private CurrentUser admin() {
		return users.current("admin");
	}

	private long[] where(long event) {
		return jdbc.sql("select organizer_unit_id, extract(year from starts_at)::int from training_event where id = :e")
			.param("e", event).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
	}

	private List<Map<String, Object>> cells() {
		return jdbc.sql("""
				select region_id, year, dimension, key, post, follow, post_answered, follow_answered, usefulness_sum,
				       usefulness_n, applicability_sum, applicability_n, applied, applied_yes, events,
				       post_tail::text as post_tail, follow_tail::text as follow_tail, k, pub_published, pub_events,
				       pub_post_answered, pub_follow_answered, pub_usefulness_sum, pub_usefulness_n, pub_applicability_sum,
				       pub_applicability_n, pub_applied, pub_applied_yes
				from survey_results_fold order by year, dimension, region_id, key
				""").query().listOfRows();
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

	/** The paper forms' way: the response, then its answers, marked as paper (issue #20). */
	private long twoStatements(long[] survey) {
		Answers a = answers(survey[1]);
		long id = jdbc.sql("select nextval('survey_seq')").query(Long.class).single();
		jdbc.sql("""
				insert into survey_response (id, event_survey_id, version_id, device_id, fingerprint, flagged, flag_reasons,
				                             organization_id, source, entered_by)
				values (:id, :survey, :version, :device, 'paper', :flagged, :reasons, :organization, 'PAPER', :user)
				""").param("id", id).param("user", admin().id()).param("survey", survey[0]).param("version", survey[1]).param("device", UUID.randomUUID())
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

	/** A few organizations, so that organizations get lines of several blocks; now and then none. */
	private Long organization() {
		return random.nextInt(5) == 0 ? null
				: jdbc.sql("select id from org_unit where level = 'PRIMARY' order by id offset :o limit 1")
					.param("o", random.nextInt(12)).query(Long.class).optional().orElse(null);
	}
}
