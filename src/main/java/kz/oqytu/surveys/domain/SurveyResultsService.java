package kz.oqytu.surveys.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.surveys.DemandLine;
import kz.oqytu.surveys.EventResults;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.FlagReason;
import kz.oqytu.surveys.KindResults;
import kz.oqytu.surveys.OptionCount;
import kz.oqytu.surveys.OtherTopicText;
import kz.oqytu.surveys.QuestionResult;
import kz.oqytu.surveys.QuestionType;
import kz.oqytu.surveys.QuestionView;
import kz.oqytu.surveys.PaperShare;
import kz.oqytu.surveys.ResultsOverview;
import kz.oqytu.surveys.ScoreLine;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.SurveyResults;
import kz.oqytu.surveys.Surveys;

/**
 * Survey results, aggregated in SQL. Flagged responses (one device answering many times) are left
 * out everywhere; answers are compared across questionnaire versions by question code.
 */
@Service
class SurveyResultsService implements SurveyResults {

	static final int TEXT_LIMIT = 500;

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final QuestionnaireStore questionnaires;

	private final SurveyProperties properties;

	private final SurveyWorkbook workbook;

	private final int shortFormatMaxDays;

	private final TrainingCatalog catalog;

	private final Clock clock;

	private final TrainingEvents events;

	private final ResultsFold fold;

	SurveyResultsService(JdbcClient jdbc, Surveys surveys, QuestionnaireStore questionnaires,
			SurveyProperties properties, SurveyWorkbook workbook, org.springframework.core.env.Environment environment,
			TrainingCatalog catalog, Clock clock, TrainingEvents events, ResultsFold fold) {
		this.jdbc = jdbc;
		this.fold = fold;
		this.events = events;
		this.catalog = catalog;
		this.clock = clock;
		this.surveys = surveys;
		this.questionnaires = questionnaires;
		this.properties = properties;
		this.workbook = workbook;
		this.shortFormatMaxDays = environment.getProperty("oqytu.training.short-format-max-days", Integer.class, 1);
	}

	// ---- one event

	/**
	 * The responses a survey's figures are computed from: counted ones (unflagged unless all are
	 * included) in the order they came, the first {@code k·⌊n/k⌋} of them. Adding answers changes
	 * the figures only when a whole group of k more has come, so the difference of two versions of the
	 * results never isolates fewer than k answers (decision 17).
	 */
	static final String PUBLISHED = """
			with counted as (
			    select r.id, row_number() over (order by r.id) as n, count(*) over () as total
			    from survey_response r where r.event_survey_id = :s and (:all or not r.flagged)
			), pub as (select id from counted where n <= total / :k * :k)
			""";

	/**
	 * The topic an answer {@code a} of a topic question counts under: its option, or for a text
	 * written under "other" the catalogue topic a methodologist mapped the text to, the mapping of the
	 * body nearest the organizer (path {@code path}) winning (decision 22).
	 */
	static String topicOf(String path) {
		// spaced on both sides: text blocks drop the trailing space of the line it is joined to
		return " " + """
				coalesce(case when a.option_code = 'OTHER' and a.text_value is not null then
				    (select m.topic_code from survey_topic_mapping m join organizations_v_unit mu on mu.id = m.unit_id
				     where m.text_key = surveys_text_key(a.text_value) and %s
				     order by length(mu.path) desc limit 1) end, a.option_code)
				""".formatted(Scopes.startsWith(path, "mu.path")).strip() + " ";
	}

	/**
	 * A bare tick of "other" where the same answer also wrote its text: the text is the wish, counted
	 * once (under "other" or under the topic it is mapped to), so the tick is left out.
	 */
	static final String NOT_A_BARE_OTHER_TICK = " " + """
			not (a.option_code = 'OTHER' and a.text_value is null and exists (select 1 from survey_answer o
			     where o.response_id = a.response_id and o.question_id = a.question_id
			       and o.option_code = 'OTHER' and o.text_value is not null))
			""";

	@Override
	@Transactional
	public EventResults forEvent(CurrentUser user, long eventId, boolean includeFlagged) {
		List<EventSurveyView> views = surveys.forEvent(user, eventId);
		KindResults post = null;
		KindResults follow = null;
		for (EventSurveyView view : views) {
			KindResults results = kind(view, includeFlagged);
			if (view.kind() == SurveyKind.POST_EVENT) {
				post = results;
			}
			else {
				follow = results;
			}
		}
		return new EventResults(eventId, post, follow);
	}

	@Override
	@Transactional
	public byte[] eventWorkbook(CurrentUser user, long eventId, Locale locale, boolean includeFlagged) {
		EventResults results = forEvent(user, eventId, includeFlagged);
		List<SurveyWorkbook.Part> parts = new ArrayList<>();
		for (EventSurveyView view : surveys.forEvent(user, eventId)) {
			KindResults kind = view.kind() == SurveyKind.POST_EVENT ? results.postEvent() : results.followUp();
			String[] survey = jdbc.sql("""
					select s.questionnaire_id, o.path from event_survey s join training_v_event e on e.id = s.event_id
					join organizations_v_unit o on o.id = e.organizer_unit_id where s.id = :s
					""").param("s", view.id()).query((rs, n) -> new String[] { rs.getString("questionnaire_id"), rs.getString("path") })
				.single();
			parts.add(new SurveyWorkbook.Part(view, kind, labels(Long.parseLong(survey[0])), survey[1]));
		}
		return workbook.write(events.details(user, eventId), parts, includeFlagged, locale);
	}

	private KindResults kind(EventSurveyView view, boolean includeFlagged) {
		int k = properties.anonymityThreshold();
		long[] questionnaire = { 0 };
		String[] organizerPath = { "" };
		jdbc.sql("""
				select s.questionnaire_id, o.path from event_survey s join training_v_event e on e.id = s.event_id
				join organizations_v_unit o on o.id = e.organizer_unit_id where s.id = :s
				""").param("s", view.id()).query(rs -> {
					questionnaire[0] = rs.getLong("questionnaire_id");
					organizerPath[0] = rs.getString("path");
				});
		List<QuestionView> labels = labels(questionnaire[0]);
		Map<String, Long> answered = new HashMap<>();
		Map<String, Map<String, Long>> counts = new HashMap<>();
		Map<String, long[]> ratings = new HashMap<>();
		long[] published = { 0 };
		jdbc.sql(PUBLISHED + """
				select '' as code, count(*) as responses from pub
				union all
				select q.code, count(distinct r.id) from pub r
				join survey_answer a on a.response_id = r.id join question q on q.id = a.question_id
				group by q.code
				""").param("s", view.id()).param("all", includeFlagged).param("k", k).query(rs -> {
					if (rs.getString("code").isEmpty()) {
						published[0] = rs.getLong("responses");
					}
					else {
						answered.put(rs.getString("code"), rs.getLong("responses"));
					}
				});
		if (published[0] > 0) {
			// topics by respondent: a tick and a text mapped to the same topic count once
			jdbc.sql(PUBLISHED + """
					select q.code, a.rating, a.option_code, count(*) as answers from pub r
					join survey_answer a on a.response_id = r.id join question q on q.id = a.question_id
					where a.rating is not null or (a.option_code is not null and q.type <> 'TOPICS')
					group by q.code, a.rating, a.option_code
					union all
					select t.code, cast(null as smallint), t.topic, count(distinct t.id) from (
					    select r.id, q.code, """ + topicOf(":path") + """
					    as topic from pub r
					    join survey_answer a on a.response_id = r.id join question q on q.id = a.question_id
					    where q.type = 'TOPICS' and a.option_code is not null and """ + NOT_A_BARE_OTHER_TICK + """
					) t group by t.code, t.topic
					""").param("s", view.id()).param("all", includeFlagged).param("k", k).param("path", organizerPath[0])
				.query(rs -> {
						String code = rs.getString("code");
						Integer rating = (Integer) rs.getObject("rating");
						if (rating != null) {
							ratings.computeIfAbsent(code, c -> new long[6])[rating] += rs.getLong("answers");
						}
						else {
							counts.computeIfAbsent(code, c -> new HashMap<>()).merge(rs.getString("option_code"),
									rs.getLong("answers"), Long::sum);
						}
					});
		}
		Map<String, List<String>> texts = new HashMap<>();
		if (published[0] > 0) {
			// alphabetical, never by time: the newest text is not told apart
			jdbc.sql(PUBLISHED + """
					select q.code, a.text_value from pub r
					join survey_answer a on a.response_id = r.id join question q on q.id = a.question_id
					where a.text_value is not null and q.type = 'TEXT'
					order by a.text_value, q.code limit :limit
					""").param("s", view.id()).param("all", includeFlagged).param("k", k).param("limit", TEXT_LIMIT)
				.query(rs -> {
					texts.computeIfAbsent(rs.getString("code"), c -> new ArrayList<>()).add(rs.getString("text_value"));
				});
		}
		Map<String, List<OtherTopicText>> otherTexts = new HashMap<>();
		if (published[0] > 0) {
			// texts under "other", grouped by their key; never ordered by time
			TextGroups groups = new TextGroups();
			jdbc.sql(PUBLISHED + """
					select q.code, surveys_text_key(a.text_value) as key, a.text_value,
					       """ + topicOf(":path") + """
					    as topic, count(*) as answers from pub r
					join survey_answer a on a.response_id = r.id join question q on q.id = a.question_id
					where q.type = 'TOPICS' and a.option_code = 'OTHER' and a.text_value is not null
					group by 1, 2, 3, 4 order by 1, 2, 3 limit :limit
					""").param("s", view.id()).param("all", includeFlagged).param("k", k).param("path", organizerPath[0])
				.param("limit", TEXT_LIMIT)
				.query(rs -> {
					String topic = rs.getString("topic");
					groups.add(rs.getString("code"), rs.getString("key"), rs.getString("text_value"), rs.getLong("answers"),
							"OTHER".equals(topic) ? null : topic, false);
				});
			otherTexts = groups.byQuestion();
		}
		List<QuestionResult> questions = new ArrayList<>();
		for (QuestionView q : labels) {
			long n = answered.getOrDefault(q.code(), 0L);
			if (n < k) {
				// fewer answers than the threshold: nothing of them, not even how many
				questions.add(new QuestionResult(q.code(), q.type(), q.textKk(), q.textRu(), 0, null, List.of(),
						List.of(), true));
				continue;
			}
			List<OptionCount> options = new ArrayList<>();
			BigDecimal average = null;
			if (q.type() == QuestionType.RATING) {
				long[] d = ratings.getOrDefault(q.code(), new long[6]);
				long sum = 0;
				long total = 0;
				for (int v = 1; v <= 5; v++) {
					options.add(new OptionCount(Integer.toString(v), Integer.toString(v), Integer.toString(v), d[v], n));
					sum += v * d[v];
					total += d[v];
				}
				average = total == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
			}
			else if (q.type() != QuestionType.TEXT && q.type() != QuestionType.ORGANIZATION) {
				Map<String, Long> c = counts.getOrDefault(q.code(), Map.of());
				for (QuestionView.OptionView o : q.options()) {
					options.add(new OptionCount(o.code(), o.textKk(), o.textRu(), c.getOrDefault(o.code(), 0L), n));
				}
			}
			questions.add(new QuestionResult(q.code(), q.type(), q.textKk(), q.textRu(), n, average, options,
					texts.getOrDefault(q.code(), List.of()), false, otherTexts.getOrDefault(q.code(), List.of())));
		}
		Map<FlagReason, Long> reasons = new java.util.EnumMap<>(FlagReason.class);
		if (view.flagged() > 0) {
			jdbc.sql("""
					select b.bit, count(*) as responses from survey_response r
					cross join unnest(cast(:bits as int[])) as b (bit)
					where r.event_survey_id = :s and r.flagged and r.flag_reasons & b.bit <> 0 group by b.bit
					""")
				.param("s", view.id())
				.param("bits", java.util.Arrays.stream(FlagReason.values()).map(FlagReason::bit).toArray(Integer[]::new))
				.query(rs -> {
					for (FlagReason reason : FlagReason.values()) {
						if (reason.bit() == rs.getInt("bit")) {
							reasons.put(reason, rs.getLong("responses"));
						}
					}
				});
		}
		long counted = includeFlagged ? view.responses() : view.responses() - view.flagged();
		long paper = jdbc.sql("select count(*) from survey_response where event_survey_id = :s and source = 'PAPER'"
				+ " and (:all or not flagged)").param("s", view.id()).param("all", includeFlagged).query(Long.class).single();
		return new KindResults(view.kind(), counted, view.flagged(), view.attendance(), questions, k, published[0],
				includeFlagged, reasons, paper);
	}

	/** The current version's questions, then any question only older versions had (by code). */
	private List<QuestionView> labels(long questionnaireId) {
		long current = questionnaires.currentVersion(questionnaireId);
		List<QuestionView> result = new ArrayList<>(questionnaires.questions(current));
		java.util.Set<String> codes = new java.util.HashSet<>();
		result.forEach(q -> codes.add(q.code()));
		List<Long> older = jdbc.sql("select id from questionnaire_version where questionnaire_id = :q and id <> :current"
				+ " order by version_no desc")
			.param("q", questionnaireId).param("current", current).query(Long.class).list();
		for (long version : older) {
			for (QuestionView q : questionnaires.questions(version)) {
				if (codes.add(q.code())) {
					result.add(q);
				}
			}
		}
		return result;
	}

	// ---- across events

	private String responsesOfYear(String extraFilter) {
		return """
				with r as (
				  select r.id, r.organization_id, r.category_code, s.kind, s.event_id, e.form_code, e.district_id,
				         (e.ends_at::date - e.starts_at::date + 1) as days, o.path as organizer_path
				  from survey_response r
				  join event_survey s on s.id = r.event_survey_id
				  join training_v_event e on e.id = s.event_id
				  join organizations_v_unit o on o.id = e.organizer_unit_id
				  where not r.flagged and %s and e.starts_at >= :from and e.starts_at < :to
				""".formatted(Scopes.within("o.path", "scope")) + extraFilter + """
				)
				""";
	}

	/**
	 * The year's responses numbered within each group ({@code key}) and survey kind in the order they
	 * came: a line's figures come from the rows with {@code n <= c / k * k}, whole groups of the
	 * anonymity threshold k (decision 17), so no line rests on fewer than k answers and two versions
	 * of a line never differ by fewer than k.
	 */
	private static String blocks(String base, String key, String joins) {
		return base.stripTrailing() + """
				, g as (select r.*, %s as gkey from r%s),
				p as (select g.*, row_number() over (partition by g.gkey, g.kind order by g.id) as n,
				             count(*) over (partition by g.gkey, g.kind) as c from g)
				""".formatted(key, joins);
	}

	private Map<String, Object> params(CurrentUser user, int year, String formCode, String topicCode, Long districtId) {
		Map<String, Object> p = new HashMap<>();
		p.put("scope", Scopes.prefix(user.scopePath()));
		p.put("from", LocalDate.of(year, 1, 1).atStartOfDay());
		p.put("to", LocalDate.of(year + 1, 1, 1).atStartOfDay());
		p.put("form", formCode);
		p.put("topic", topicCode);
		p.put("district", districtId);
		p.put("shortDays", shortFormatMaxDays);
		p.put("threshold", properties.anonymityThreshold());
		return p;
	}

	private static String filters(String formCode, String topicCode, Long districtId) {
		StringBuilder f = new StringBuilder();
		if (formCode != null) {
			f.append(" and e.form_code = :form");
		}
		if (topicCode != null) {
			f.append(" and exists (select 1 from training_v_event_topic t where t.event_id = e.id and t.topic_code = :topic)");
		}
		if (districtId != null) {
			f.append(" and e.district_id = :district");
		}
		return f.toString();
	}

	/** A line's figures, named as {@link #SCORE_FIGURES} and {@link #FOLD_FIGURES} name them. */
	private static ScoreLine score(java.sql.ResultSet rs, String key, String kk, String ru)
			throws java.sql.SQLException {
		return new ScoreLine(key, kk, ru, rs.getLong("events"), rs.getLong("post_answered"),
				rs.getBigDecimal("usefulness"), rs.getBigDecimal("applicability"), rs.getLong("applied"),
				rs.getLong("applied_yes"));
	}

	/**
	 * The overview's figures of a response, from {@code survey_response_score} (one row per response,
	 * kept by triggers, decision 36): the same counts and averages as over its answers.
	 */
	private static final String SCORE_FIGURES = """
			count(distinct r.event_id) filter (where r.answered) as events,
			count(*) filter (where r.kind = 'POST_EVENT' and r.answered) as post_answered,
			round(avg(r.usefulness) filter (where r.kind = 'POST_EVENT'), 1) as usefulness,
			round(avg(r.applicability) filter (where r.kind = 'POST_EVENT'), 1) as applicability,
			count(*) filter (where r.kind = 'FOLLOW_UP' and r.applied) as applied,
			count(*) filter (where r.kind = 'FOLLOW_UP' and r.applied_yes) as applied_yes
			""";

	/**
	 * The year's counted responses in the scope as score rows, read once per statement: the year's
	 * surveys first, then each survey's rows by index for a region ({@code offset 0} keeps the lookup
	 * per survey, where a hash join would read all 1.1 M rows of the union); for the whole country
	 * one hash join.
	 */
	private String scoresOfYear(String extraFilter, boolean wholeCountry) {
		return """
				with r as materialized (
				  select f.*, s.event_id, s.form_code, s.district_id, s.days
				  from (select s.id, s.event_id, e.form_code, e.district_id,
				               (e.ends_at::date - e.starts_at::date + 1) as days
				        from event_survey s
				        join training_v_event e on e.id = s.event_id
				        join organizations_v_unit o on o.id = e.organizer_unit_id
				        where %s and e.starts_at >= :from and e.starts_at < :to
				""".formatted(Scopes.within("o.path", "scope")) + extraFilter + """
				       ) s
				  cross join lateral (
				      select f.response_id as id, f.organization_id, f.kind, f.answered, f.usefulness, f.applicability,
				             f.applied, f.applied_yes
				      from survey_response_score f where f.event_survey_id = s.id and not f.flagged OFFSET) f
				)
				""".replace("OFFSET", wholeCountry ? "" : "offset 0");
	}

	/** One grouping's rows numbered for decision 17's blocks: {@code n <= c / k * k} is published. */
	private static String numbered(String name, String key, String joins) {
		return ", " + name + " as (select r.*, " + key + " as gkey,"
				+ " row_number() over (partition by " + key + ", r.kind order by r.id) as n,"
				+ " count(*) over (partition by " + key + ", r.kind) as c from r" + joins + ")\n";
	}

	/** A grouping's lines: part, key, names, order, then the figures. */
	private static String lines(String part, String from, String key, String kk, String ru, String order,
			String group) {
		return "select '" + part + "' as part, " + key + " as key, " + kk + " as name_kk, " + ru + " as name_ru, " + order
				+ " as ord, " + SCORE_FIGURES
				+ " from " + from + " where r.n <= r.c / :threshold * :threshold" + group + "\n";
	}

	/** Organizations of the overview a page: the union's 9 500 are not one page (issue #17). */
	static final int ORGANIZATION_PAGE = 50;

	@Override
	@Transactional
	public ResultsOverview overview(CurrentUser user, int year, String formCode, String topicCode, Long districtId) {
		return overview(user, year, formCode, topicCode, districtId, 0);
	}

	@Override
	@Transactional
	public ResultsOverview overview(CurrentUser user, int year, String formCode, String topicCode, Long districtId,
			int organizationPage) {
		requireStaff(user);
		if (folded(user, formCode, topicCode, districtId)) {
			fold.refresh(user.scopePath(), year);
			return foldedOverview(user, year, organizationPage);
		}
		return liveOverview(user, year, formCode, topicCode, districtId, organizationPage);
	}

	@Override
	@Transactional
	public PaperShare paperShare(CurrentUser user, int year, String formCode, String topicCode, Long districtId) {
		requireStaff(user);
		Map<String, Object> p = params(user, year, formCode, topicCode, districtId);
		p.put("year", year);
		p.put("unit", user.scopeUnitId());
		// paper answers are few: read through their partial index (V330), whatever the scope
		String paper = """
				select count(*) from survey_response r
				join event_survey s on s.id = r.event_survey_id
				join training_v_event e on e.id = s.event_id
				join organizations_v_unit o on o.id = e.organizer_unit_id
				where r.source = 'PAPER' and not r.flagged and %s and e.starts_at >= :from and e.starts_at < :to
				""".formatted(Scopes.within("o.path", "scope")) + filters(formCode, topicCode, districtId);
		if (folded(user, formCode, topicCode, districtId)) {
			// every counted response is in its key's TOTAL cell (decision 38): the same count as the live one,
			// read with the paper count in one statement
			fold.refresh(user.scopePath(), year);
			return jdbc.sql("select (" + paper + ") as paper, (select coalesce(sum(c.post + c.follow), 0)"
					+ " from survey_results_fold c where c.year = :year and c.dimension = 'TOTAL' and " + regions(user)
					+ ") as counted").params(p)
				.query((rs, n) -> new PaperShare(rs.getLong("paper"), rs.getLong("counted"))).single();
		}
		return new PaperShare(jdbc.sql(paper).params(p).query(Long.class).single(),
				liveCounted(user, year, formCode, topicCode, districtId));
	}

	/** The counted responses of the scope and year from the score rows: the fold's oracle for the paper share. */
	public long liveCounted(CurrentUser user, int year, String formCode, String topicCode, Long districtId) {
		requireStaff(user);
		return jdbc.sql("""
				select count(*) from survey_response_score f
				join event_survey s on s.id = f.event_survey_id
				join training_v_event e on e.id = s.event_id
				join organizations_v_unit o on o.id = e.organizer_unit_id
				where not f.flagged and %s and e.starts_at >= :from and e.starts_at < :to
				""".formatted(Scopes.within("o.path", "scope")) + filters(formCode, topicCode, districtId)).params(params(user, year, formCode, topicCode, districtId))
			.query(Long.class).single();
	}

	/**
	 * The overview computed from the responses at every call (decision 36): for a filtered overview and
	 * a scope below a region, and the oracle the fold is tested against (decision 38).
	 */
	@Transactional(readOnly = true)
	public ResultsOverview liveOverview(CurrentUser user, int year, String formCode, String topicCode, Long districtId,
			int organizationPage) {
		requireStaff(user);
		// the blocks of decision 17 sort the year's responses per grouping: in memory, not on disk
		jdbc.sql("set local work_mem = '32MB'").update();
		Map<String, Object> p = params(user, year, formCode, topicCode, districtId);
		p.put("limit", ORGANIZATION_PAGE);
		p.put("offset", (long) Math.max(0, organizationPage) * ORGANIZATION_PAGE);
		// the whole country's surveys are a fifth of the table: one hash join reads it faster than 56 000 lookups
		boolean wholeCountry = districtId == null && user.scopePath() != null
				&& user.scopePath().replaceAll("^/+|/+$", "").indexOf('/') < 0;
		String base = scoresOfYear(filters(formCode, topicCode, districtId), wholeCountry);
		String join = " from p r where r.n <= r.c / :threshold * :threshold";
		// every grouping but the organizations in one statement: the year's rows are read once
		String all = base.stripTrailing()
				+ numbered("p_total", "0", "")
				+ numbered("p_form", "r.form_code", "")
				+ numbered("p_topic", "et.topic_code", " join training_v_event_topic et on et.event_id = r.event_id")
				+ numbered("p_district", "r.district_id", "")
				+ numbered("p_length", "(r.days <= :shortDays)", "")
				+ lines("total", "p_total r", "''", "null::text", "null::text", "0", "")
				+ " union all " + lines("form", "p_form r join training_v_form f on f.code = r.gkey", "f.code",
						"f.name_kk::text", "f.name_ru::text", "f.sort_order", " group by f.code, f.name_kk, f.name_ru, f.sort_order")
				+ " union all " + lines("topic", "p_topic r join training_v_topic tp on tp.code = r.gkey", "tp.code",
						"tp.name_kk::text", "tp.name_ru::text", "tp.sort_order",
						" group by tp.code, tp.name_kk, tp.name_ru, tp.sort_order")
				+ " union all " + lines("district", "p_district r left join organizations_v_unit d on d.id = r.gkey",
						"coalesce(d.id::text, '')", "d.name_kk::text", "d.name_ru::text", "row_number() over (order by d.name_kk nulls last)",
						" group by d.id, d.name_kk, d.name_ru")
				+ " union all " + lines("length", "p_length r", "case when r.gkey then 'short' else 'longer' end",
						"null::text", "null::text", "0", " group by r.gkey")
				+ " order by part, ord";
		ScoreLine[] totalLine = { null };
		List<ScoreLine> byForm = new ArrayList<>();
		List<ScoreLine> byTopic = new ArrayList<>();
		List<ScoreLine> byDistrict = new ArrayList<>();
		List<ScoreLine> byLength = new ArrayList<>();
		jdbc.sql(all).params(p).query(rs -> {
			ScoreLine line = score(rs, rs.getString("key"), rs.getString("name_kk"), rs.getString("name_ru"));
			switch (rs.getString("part")) {
				case "total" -> totalLine[0] = line;
				case "form" -> byForm.add(line);
				case "topic" -> byTopic.add(line);
				case "district" -> byDistrict.add(line);
				default -> byLength.add(line);
			}
		});
		ScoreLine total = totalLine[0];
		ScoreLine empty = new ScoreLine("", null, null, 0, 0, null, null, 0, 0);
		ScoreLine shortLine = byLength.stream().filter(l -> l.key().equals("short")).findFirst()
			.orElse(new ScoreLine("short", null, null, 0, 0, null, null, 0, 0));
		ScoreLine longerLine = byLength.stream().filter(l -> l.key().equals("longer")).findFirst()
			.orElse(new ScoreLine("longer", null, null, 0, 0, null, null, 0, 0));
		// Organizations with nothing published (fewer answers than the threshold) could point at the
		// people who gave them: not listed, only counted. Listed a page at a time, with the total and,
		// in the same statement, how many organizations answered at all.
		long[] listed = { -1 };
		long[] named = { -1 };
		List<ScoreLine> organizations = jdbc.sql(blocks(base, "r.organization_id", " where r.organization_id is not null")
				+ ", lines as (select o.id, o.name_kk, o.name_ru, count(*) filter (where r.answered) as responses, "
				+ SCORE_FIGURES + join.replace(" where ", " join organizations_v_unit o on o.id = r.gkey where ")
				+ " group by o.id, o.name_kk, o.name_ru having count(*) filter (where r.answered) > 0)"
				+ " select l.*, count(*) over () as listed, (select count(distinct organization_id) from r) as named"
				+ " from lines l order by l.responses desc, l.name_kk, l.id limit :limit offset :offset")
			.params(p).query((rs, n) -> {
				listed[0] = rs.getLong("listed");
				named[0] = rs.getLong("named");
				return score(rs, rs.getString("id"), rs.getString("name_kk"), rs.getString("name_ru"));
			}).list();
		if (listed[0] < 0) {
			// a page past the end (or nothing listed) carries neither count
			listed[0] = jdbc.sql(blocks(base, "r.organization_id", " where r.organization_id is not null")
					+ "select count(distinct r.gkey) from p r where r.n <= r.c / :threshold * :threshold and r.answered")
				.params(p).query(Long.class).single();
			named[0] = jdbc.sql(base + "select count(distinct organization_id) from r").params(p).query(Long.class).single();
		}
		return new ResultsOverview(year, total == null ? empty : total, byForm, byTopic, byDistrict, shortLine,
				longerLine, organizations, properties.anonymityThreshold(), named[0] - listed[0], listed[0],
				Math.max(0, organizationPage), ORGANIZATION_PAGE);
	}

	// ---- the overview from the fold (V260, decision 38)

	/** The longest tail a cell keeps per kind: the fold serves thresholds up to one more. */
	static final int FOLD_TAIL = 9;

	/**
	 * Whether the fold answers: the unfiltered overview of the whole tree or of a child of its root (a
	 * region), the fold's keys. Filters and narrower scopes are computed live from the score rows.
	 */
	private boolean folded(CurrentUser user, String formCode, String topicCode, Long districtId) {
		String path = user.scopePath();
		return formCode == null && topicCode == null && districtId == null && path != null
				&& path.matches("/\\d+/(\\d+/)?") && properties.anonymityThreshold() <= FOLD_TAIL + 1;
	}

	/**
	 * The lines of the fold's cells under the scope (dimensions {@code DIMS}), as the live statement
	 * gives them. A line of one cell (a region's lines; the country's districts and organizations) reads
	 * the cell's published figures. A line of several cells (the country's total, forms, topics; the short
	 * formats' days) sums them, and decision 17's blocks leave out, per kind, the newest {@code n mod k}
	 * counted responses of the line, which are the newest among its cells' tails; an event leaves the
	 * count of events when every answered response it has in the line is left out.
	 */
	private static final String FOLD_LINES = """
			with c as (
			    select case c.dimension when 'DAYS' then 'LENGTH' else c.dimension end as dim,
			           case c.dimension when 'DAYS' then case when c.key::int <= :shortDays then 'short' else 'longer' end
			                else c.key end as gkey,
			           c.region_id, c.dimension, c.key, c.k, c.post, c.follow, c.post_answered, c.follow_answered,
			           c.usefulness_sum, c.usefulness_n, c.applicability_sum, c.applicability_n, c.applied, c.applied_yes,
			           c.events, c.pub_published, c.pub_events, c.pub_post_answered, c.pub_follow_answered,
			           c.pub_usefulness_sum, c.pub_usefulness_n, c.pub_applicability_sum, c.pub_applicability_n,
			           c.pub_applied, c.pub_applied_yes
			    from survey_results_fold c
			    where c.year = :year and DIMS and REGIONS
			), l as (
			    select dim, gkey, count(*) = 1 and bool_and(k = :threshold) as single,
			           sum(post) as post, sum(follow) as follow,
			           (sum(post) % :threshold)::int as rp, (sum(follow) % :threshold)::int as rf,
			           sum(post_answered) as post_answered, sum(follow_answered) as follow_answered,
			           sum(usefulness_sum) as us, sum(usefulness_n) as un, sum(applicability_sum) as xs,
			           sum(applicability_n) as xn, sum(applied) as applied, sum(applied_yes) as applied_yes,
			           sum(events) as events,
			           min(pub_published) as pub_published, min(pub_events) as pub_events,
			           min(pub_post_answered) as pub_post_answered, min(pub_follow_answered) as pub_follow_answered,
			           min(pub_usefulness_sum) as pub_us, min(pub_usefulness_n) as pub_un,
			           min(pub_applicability_sum) as pub_xs, min(pub_applicability_n) as pub_xn,
			           min(pub_applied) as pub_applied, min(pub_applied_yes) as pub_applied_yes
			    from c group by dim, gkey
			), m as (
			    select l.dim, l.gkey, l.rp, l.rf, t.post_tail, t.follow_tail
			    from l join c on c.dim = l.dim and c.gkey = l.gkey
			    join survey_results_fold t on t.year = :year and t.dimension = c.dimension and t.region_id = c.region_id
			                               and t.key = c.key
			    where not l.single
			), x as (
			    select t.* from (
			        select m.dim, m.gkey, 'P' as kind, m.rp as r, e.*,
			               row_number() over (partition by m.dim, m.gkey order by e.id desc) as rk
			        from m cross join lateral unnest(m.post_tail[1 : m.rp]) e where m.rp > 0
			        union all
			        select m.dim, m.gkey, 'F', m.rf, e.*, row_number() over (partition by m.dim, m.gkey order by e.id desc)
			        from m cross join lateral unnest(m.follow_tail[1 : m.rf]) e where m.rf > 0
			    ) t where t.rk <= t.r
			), xe as (
			    select dim, gkey, count(*) filter (where answered) as xa, max(event_answered) as ea,
			           count(*) filter (where kind = 'P' and answered) as pa, count(*) filter (where kind = 'F' and answered) as fa,
			           coalesce(sum(usefulness) filter (where kind = 'P'), 0) as us, count(usefulness) filter (where kind = 'P') as un,
			           coalesce(sum(applicability) filter (where kind = 'P'), 0) as xs,
			           count(applicability) filter (where kind = 'P') as xn,
			           count(*) filter (where kind = 'F' and applied) as ap, count(*) filter (where kind = 'F' and applied_yes) as ay
			    from x group by dim, gkey, event_id
			), u as (
			    select dim, gkey, post - rp + follow - rf as published, post_answered, follow_answered, us, un, xs, xn,
			           applied, applied_yes, events
			    from l where not single
			    union all
			    select dim, gkey, 0, -pa, -fa, -us, -un, -xs, -xn, -ap, -ay, case when xa > 0 and xa = ea then -1 else 0 end
			    from xe
			), f as (
			    select dim, gkey, pub_published as published, pub_events as events, pub_post_answered as post_answered,
			           pub_follow_answered as follow_answered,
			           round(pub_us::numeric / nullif(pub_un, 0), 1) as usefulness,
			           round(pub_xs::numeric / nullif(pub_xn, 0), 1) as applicability,
			           pub_applied as applied, pub_applied_yes as applied_yes
			    from l where single
			    union all
			    select dim, gkey, sum(published), sum(events), sum(post_answered), sum(follow_answered),
			           round(sum(us)::numeric / nullif(sum(un), 0), 1), round(sum(xs)::numeric / nullif(sum(xn), 0), 1),
			           sum(applied), sum(applied_yes)
			    from u group by dim, gkey
			)
			""";

	private static final String FOLD_FIGURES = " f.events, f.post_answered, f.usefulness, f.applicability, f.applied, f.applied_yes ";

	/** The fold's keys under the scope: the root's own and its children's, or the one child's. */
	private static String regions(CurrentUser user) {
		return user.scopePath().matches("/\\d+/") ? "c.region_id in (select u.id from organizations_v_unit u where u.id = :unit or u.parent_id = :unit)"
				: "c.region_id = :unit";
	}

	private ResultsOverview foldedOverview(CurrentUser user, int year, int organizationPage) {
		// the country's organizations are some 10 000 lines: grouped in memory, not on disk
		jdbc.sql("set local work_mem = '32MB'").update();
		Map<String, Object> p = params(user, year, null, null, null);
		p.put("year", year);
		p.put("unit", user.scopeUnitId());
		p.put("limit", ORGANIZATION_PAGE);
		p.put("offset", (long) Math.max(0, organizationPage) * ORGANIZATION_PAGE);
		ScoreLine[] totalLine = { null };
		List<ScoreLine> byForm = new ArrayList<>();
		List<ScoreLine> byTopic = new ArrayList<>();
		List<ScoreLine> byDistrict = new ArrayList<>();
		List<ScoreLine> byLength = new ArrayList<>();
		jdbc.sql(FOLD_LINES.replace("DIMS", "c.dimension in ('TOTAL', 'FORM', 'TOPIC', 'DISTRICT', 'DAYS')").replace("REGIONS", regions(user))
				+ "select 'total' as part, '' as key, null::text as name_kk, null::text as name_ru, 0::bigint as ord,"
				+ FOLD_FIGURES
				+ " from f where f.dim = 'TOTAL' and f.published > 0"
				+ " union all select 'form', tf.code, tf.name_kk::text, tf.name_ru::text, tf.sort_order," + FOLD_FIGURES
				+ " from f join training_v_form tf on tf.code = f.gkey where f.dim = 'FORM' and f.published > 0"
				+ " union all select 'topic', tp.code, tp.name_kk::text, tp.name_ru::text, tp.sort_order," + FOLD_FIGURES
				+ " from f join training_v_topic tp on tp.code = f.gkey where f.dim = 'TOPIC' and f.published > 0"
				+ " union all select 'district', coalesce(d.id::text, ''), d.name_kk::text, d.name_ru::text,"
				+ " row_number() over (order by d.name_kk nulls last)," + FOLD_FIGURES
				+ " from f left join organizations_v_unit d on d.id = cast(nullif(f.gkey, '') as bigint)"
				+ " where f.dim = 'DISTRICT' and f.published > 0"
				+ " union all select 'length', f.gkey, null::text, null::text, 0," + FOLD_FIGURES
				+ " from f where f.dim = 'LENGTH' and f.published > 0"
				+ " order by part, ord")
			.params(p).query(rs -> {
				ScoreLine line = score(rs, rs.getString("key"), rs.getString("name_kk"), rs.getString("name_ru"));
				switch (rs.getString("part")) {
					case "total" -> totalLine[0] = line;
					case "form" -> byForm.add(line);
					case "topic" -> byTopic.add(line);
					case "district" -> byDistrict.add(line);
					default -> byLength.add(line);
				}
			});
		ScoreLine empty = new ScoreLine("", null, null, 0, 0, null, null, 0, 0);
		ScoreLine shortLine = byLength.stream().filter(l -> l.key().equals("short")).findFirst()
			.orElse(new ScoreLine("short", null, null, 0, 0, null, null, 0, 0));
		ScoreLine longerLine = byLength.stream().filter(l -> l.key().equals("longer")).findFirst()
			.orElse(new ScoreLine("longer", null, null, 0, 0, null, null, 0, 0));
		long[] listed = { -1 };
		long[] named = { -1 };
		String organizationLines = FOLD_LINES.replace("DIMS", "c.dimension = 'ORG'").replace("REGIONS", regions(user))
				+ ", lines as (select o.id, o.name_kk, o.name_ru, f.post_answered + f.follow_answered as responses,"
				+ FOLD_FIGURES + " from f join organizations_v_unit o on o.id = cast(f.gkey as bigint)"
				+ " where f.post_answered + f.follow_answered > 0)\n";
		List<ScoreLine> organizations = jdbc.sql(organizationLines
				+ "select l.*, count(*) over () as listed, (select count(*) from f) as named"
				+ " from lines l order by l.responses desc, l.name_kk, l.id limit :limit offset :offset")
			.params(p).query((rs, n) -> {
				listed[0] = rs.getLong("listed");
				named[0] = rs.getLong("named");
				return score(rs, rs.getString("id"), rs.getString("name_kk"), rs.getString("name_ru"));
			}).list();
		if (listed[0] < 0) {
			jdbc.sql(organizationLines + "select (select count(*) from lines) as listed, (select count(*) from f) as named")
				.params(p)
				.query(rs -> {
					listed[0] = rs.getLong("listed");
					named[0] = rs.getLong("named");
				});
		}
		return new ResultsOverview(year, totalLine[0] == null ? empty : totalLine[0], byForm, byTopic, byDistrict,
				shortLine, longerLine, organizations, properties.anonymityThreshold(), named[0] - listed[0], listed[0],
				Math.max(0, organizationPage), ORGANIZATION_PAGE);
	}

	@Override
	@Transactional(readOnly = true)
	public List<DemandLine> demand(CurrentUser user, int year) {
		requireStaff(user);
		Map<String, Object> p = params(user, year, null, null, null);
		String base = responsesOfYear("");
		Map<String, DemandLine> lines = new LinkedHashMap<>();
		jdbc.sql("select code, name_kk, name_ru from training_v_topic order by sort_order").query(rs -> {
			lines.put(rs.getString("code"), new DemandLine(rs.getString("code"), rs.getString("name_kk"),
					rs.getString("name_ru"), 0,
					new HashMap<>(), new HashMap<>()));
		});
		// A response has one category and one event district, so these counts add up per topic. Texts
		// written under "other" count there, or under the topic they are mapped to (decision 22).
		jdbc.sql(base + """
				select t.topic, coalesce(t.category_code, '') as category, t.district_id, count(distinct t.id) as wishes
				from (
				    select r.id, r.category_code, r.district_id, """ + topicOf("r.organizer_path") + """
					    as topic
				    from r join survey_answer a on a.response_id = r.id join question q on q.id = a.question_id
				    where q.type = 'TOPICS' and a.option_code is not null and """ + NOT_A_BARE_OTHER_TICK + """
				) t group by t.topic, t.category_code, t.district_id
				""").params(p).query(rs -> {
					DemandLine line = lines.get(rs.getString("topic"));
					if (line != null) {
						line.byCategory().merge(rs.getString("category"), rs.getLong("wishes"), Long::sum);
						line.byDistrict().merge(rs.getObject("district_id") == null ? 0L : rs.getLong("district_id"),
								rs.getLong("wishes"), Long::sum);
					}
				});
		return lines.values().stream()
			.map(l -> new DemandLine(l.topicCode(), l.nameKk(), l.nameRu(),
					l.byCategory().values().stream().mapToLong(Long::longValue).sum(), l.byCategory(), l.byDistrict()))
			.sorted(java.util.Comparator.comparingLong(DemandLine::wishes).reversed())
			.toList();
	}

	/** Longest free text accepted as a key to map (a topic question's text is at most 2 000). */
	static final int MAX_TEXT = 2000;

	@Override
	@Transactional(readOnly = true)
	public List<OtherTopicText> otherTopics(CurrentUser user, int year) {
		requireStaff(user);
		int k = properties.anonymityThreshold();
		// Each survey's published answers (its first k·⌊n/k⌋ counted ones), and of those the topic
		// questions answered at least k times: the texts the event's own results page shows.
		TextGroups groups = new TextGroups();
		jdbc.sql("""
				with s as (
				    select s.id from event_survey s join training_v_event e on e.id = s.event_id
				    join organizations_v_unit o on o.id = e.organizer_unit_id
				    where %s and e.starts_at >= :from and e.starts_at < :to
				), counted as (
				    select r.id, r.event_survey_id, row_number() over (partition by r.event_survey_id order by r.id) as n,
				           count(*) over (partition by r.event_survey_id) as total
				    from survey_response r join s on s.id = r.event_survey_id where not r.flagged
				), pub as (select id, event_survey_id from counted where n <= total / :k * :k),
				answered as (
				    select p.event_survey_id, q.code, count(distinct p.id) as n from pub p
				    join survey_answer a on a.response_id = p.id join question q on q.id = a.question_id
				    where q.type = 'TOPICS' group by p.event_survey_id, q.code
				)
				select surveys_text_key(a.text_value) as key, a.text_value, count(*) as answers from pub p
				join survey_answer a on a.response_id = p.id join question q on q.id = a.question_id
				join answered x on x.event_survey_id = p.event_survey_id and x.code = q.code and x.n >= :k
				where q.type = 'TOPICS' and a.option_code = 'OTHER' and a.text_value is not null
				group by 1, 2 order by 1, 2
				""".formatted(Scopes.within("o.path", "scope")))
			.param("scope", Scopes.prefix(user.scopePath()))
			.param("from", LocalDate.of(year, 1, 1).atStartOfDay())
			.param("to", LocalDate.of(year + 1, 1, 1).atStartOfDay())
			.param("k", k)
			.query(rs -> {
				groups.add("", rs.getString("key"), rs.getString("text_value"), rs.getLong("answers"), null, false);
			});
		// the mappings that apply in the reader's scope: the nearest body's
		Map<String, String[]> mappings = new HashMap<>();
		jdbc.sql("""
				select distinct on (m.text_key) m.text_key, m.topic_code, m.unit_id = :unit as own
				from survey_topic_mapping m join organizations_v_unit mu on mu.id = m.unit_id
				where %s order by m.text_key, length(mu.path) desc
				""".formatted(Scopes.startsWith(":path", "mu.path"))).param("unit", user.scopeUnitId()).param("path", user.scopePath()).query(rs -> {
					mappings.put(rs.getString("text_key"),
							new String[] { rs.getString("topic_code"), Boolean.toString(rs.getBoolean("own")) });
				});
		return groups.all().stream().map(g -> {
			String[] m = mappings.get(g.key());
			return m == null ? g : new OtherTopicText(g.key(), g.text(), g.answers(), m[0], Boolean.parseBoolean(m[1]));
		}).toList();
	}

	@Override
	@Transactional
	public void mapOtherTopic(CurrentUser user, String text, String topicCode) {
		requireWriter(user);
		String key = key(text);
		if (topicCode == null || topicCode.isBlank() || "OTHER".equals(topicCode) || catalog.topic(topicCode).isEmpty()) {
			throw new BusinessRuleException("topic", "surveys.otherTopics.error.topic");
		}
		jdbc.sql("""
				insert into survey_topic_mapping (unit_id, text_key, topic_code, mapped_by, mapped_at)
				values (:unit, :key, :topic, :by, :at)
				on conflict (unit_id, text_key) do update set topic_code = excluded.topic_code,
				    mapped_by = excluded.mapped_by, mapped_at = excluded.mapped_at
				""")
			.param("unit", user.scopeUnitId()).param("key", key).param("topic", topicCode)
			.param("by", user.username()).param("at", java.time.OffsetDateTime.now(clock))
			.update();
	}

	@Override
	@Transactional
	public void unmapOtherTopic(CurrentUser user, String text) {
		requireWriter(user);
		jdbc.sql("delete from survey_topic_mapping where unit_id = :unit and text_key = :key")
			.param("unit", user.scopeUnitId()).param("key", key(text)).update();
	}

	/** The normalized key of a text, computed where the results compute it: in the database. */
	private String key(String text) {
		if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
			throw new BusinessRuleException("text", "surveys.otherTopics.error.text");
		}
		String key = jdbc.sql("select surveys_text_key(:t)").param("t", text).query(String.class).single();
		if (key == null || key.isEmpty()) {
			throw new BusinessRuleException("text", "surveys.otherTopics.error.text");
		}
		return key;
	}

	private static void requireWriter(CurrentUser user) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("training writers only");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<Integer> years(CurrentUser user) {
		requireStaff(user);
		if (user.scopePath() != null && user.scopePath().matches("/\\d+/(\\d+/)?")) {
			// the fold's years (decision 38), and those of keys not yet folded: reading every response of
			// the scope took 0.3 s for a region and 1.6 s for the country. A year whose responses are all
			// flagged is not listed: nothing of it is counted on any page.
			return jdbc.sql("select c.year from survey_results_fold c where c.dimension = 'TOTAL' and "
					+ regions(user) + " union select d.year from surveys_results_fold_dirty(:scope, null) d order by 1 desc")
				.param("unit", user.scopeUnitId()).param("scope", user.scopePath()).query(Integer.class).list();
		}
		return jdbc.sql("""
				select distinct extract(year from e.starts_at)::int as y from survey_response r
				join event_survey s on s.id = r.event_survey_id join training_v_event e on e.id = s.event_id
				join organizations_v_unit o on o.id = e.organizer_unit_id where %s order by y desc
				""".formatted(Scopes.within("o.path", "scope"))).param("scope", Scopes.prefix(user.scopePath())).query(Integer.class).list();
	}

	private static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}
}
