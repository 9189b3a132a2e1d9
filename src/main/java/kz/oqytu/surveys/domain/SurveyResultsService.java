package kz.oqytu.surveys.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import kz.oqytu.surveys.DemandLine;
import kz.oqytu.surveys.EventResults;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.FlagReason;
import kz.oqytu.surveys.KindResults;
import kz.oqytu.surveys.OptionCount;
import kz.oqytu.surveys.QuestionResult;
import kz.oqytu.surveys.QuestionType;
import kz.oqytu.surveys.QuestionView;
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

	SurveyResultsService(JdbcClient jdbc, Surveys surveys, QuestionnaireStore questionnaires,
			SurveyProperties properties, SurveyWorkbook workbook, org.springframework.core.env.Environment environment) {
		this.jdbc = jdbc;
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
		Map<SurveyKind, Long> surveyIds = new LinkedHashMap<>();
		surveys.forEvent(user, eventId).forEach(v -> surveyIds.put(v.kind(), v.id()));
		return workbook.write(results, surveyIds, includeFlagged, locale);
	}

	private KindResults kind(EventSurveyView view, boolean includeFlagged) {
		int k = properties.anonymityThreshold();
		long questionnaire = jdbc.sql("select questionnaire_id from event_survey where id = :s")
			.param("s", view.id()).query(Long.class).single();
		List<QuestionView> labels = labels(questionnaire);
		Map<String, Long> answered = new HashMap<>();
		Map<String, Map<String, Long>> counts = new HashMap<>();
		Map<String, long[]> ratings = new HashMap<>();
		long[] published = { 0 };
		jdbc.sql(PUBLISHED + """
				select '' as code, count(*) from pub
				union all
				select q.code, count(distinct r.id) from pub r
				join survey_answer a on a.response_id = r.id join question q on q.id = a.question_id
				group by q.code
				""").param("s", view.id()).param("all", includeFlagged).param("k", k).query(rs -> {
					if (rs.getString(1).isEmpty()) {
						published[0] = rs.getLong(2);
					}
					else {
						answered.put(rs.getString(1), rs.getLong(2));
					}
				});
		if (published[0] > 0) {
			jdbc.sql(PUBLISHED + """
					select q.code, a.rating, a.option_code, count(*) from pub r
					join survey_answer a on a.response_id = r.id join question q on q.id = a.question_id
					where a.rating is not null or (a.option_code is not null and a.option_code <> 'OTHER')
					group by q.code, a.rating, a.option_code
					""").param("s", view.id()).param("all", includeFlagged).param("k", k).query(rs -> {
						String code = rs.getString(1);
						Integer rating = (Integer) rs.getObject(2);
						if (rating != null) {
							ratings.computeIfAbsent(code, c -> new long[6])[rating] += rs.getLong(4);
						}
						else {
							counts.computeIfAbsent(code, c -> new HashMap<>()).merge(rs.getString(3), rs.getLong(4), Long::sum);
						}
					});
		}
		Map<String, List<String>> texts = new HashMap<>();
		if (published[0] > 0) {
			// alphabetical, never by time: the newest text is not told apart
			jdbc.sql(PUBLISHED + """
					select q.code, a.text_value from pub r
					join survey_answer a on a.response_id = r.id join question q on q.id = a.question_id
					where a.text_value is not null and q.type in ('TEXT', 'TOPICS')
					order by a.text_value, q.code limit :limit
					""").param("s", view.id()).param("all", includeFlagged).param("k", k).param("limit", TEXT_LIMIT)
				.query(rs -> {
					texts.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(rs.getString(2));
				});
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
					texts.getOrDefault(q.code(), List.of()), false));
		}
		Map<FlagReason, Long> reasons = new java.util.EnumMap<>(FlagReason.class);
		if (view.flagged() > 0) {
			jdbc.sql("""
					select b.bit, count(*) from survey_response r
					cross join unnest(cast(:bits as int[])) as b (bit)
					where r.event_survey_id = :s and r.flagged and r.flag_reasons & b.bit <> 0 group by b.bit
					""")
				.param("s", view.id())
				.param("bits", java.util.Arrays.stream(FlagReason.values()).map(FlagReason::bit).toArray(Integer[]::new))
				.query(rs -> {
					for (FlagReason reason : FlagReason.values()) {
						if (reason.bit() == rs.getInt(1)) {
							reasons.put(reason, rs.getLong(2));
						}
					}
				});
		}
		long counted = includeFlagged ? view.responses() : view.responses() - view.flagged();
		return new KindResults(view.kind(), counted, view.flagged(), view.attendance(), questions, k, published[0],
				includeFlagged, reasons);
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

	private static final String SCORE_COLUMNS = """
			count(distinct r.event_id),
			count(distinct r.id) filter (where r.kind = 'POST_EVENT'),
			round(avg(a.rating) filter (where r.kind = 'POST_EVENT' and q.code = 'usefulness'), 1),
			round(avg(a.rating) filter (where r.kind = 'POST_EVENT' and q.code = 'applicability'), 1),
			count(distinct r.id) filter (where r.kind = 'FOLLOW_UP' and q.code = 'applied'),
			count(distinct r.id) filter (where r.kind = 'FOLLOW_UP' and q.code = 'applied' and a.option_code in ('YES', 'PARTLY'))
			""";

	private String responsesOfYear(String extraFilter) {
		return """
				with r as (
				  select r.id, r.organization_id, r.category_code, s.kind, s.event_id, e.form_code, e.district_id,
				         (e.ends_at::date - e.starts_at::date + 1) as days
				  from survey_response r
				  join event_survey s on s.id = r.event_survey_id
				  join training_event e on e.id = s.event_id
				  join org_unit o on o.id = e.organizer_unit_id
				  where not r.flagged and o.path like :scope and e.starts_at >= :from and e.starts_at < :to
				""" + extraFilter + """
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
		p.put("scope", user.scopePath() + "%");
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
			f.append(" and exists (select 1 from training_event_topic t where t.event_id = e.id and t.topic_code = :topic)");
		}
		if (districtId != null) {
			f.append(" and e.district_id = :district");
		}
		return f.toString();
	}

	private static ScoreLine score(java.sql.ResultSet rs, int offset, String key, String kk, String ru)
			throws java.sql.SQLException {
		return new ScoreLine(key, kk, ru, rs.getLong(offset), rs.getLong(offset + 1), rs.getBigDecimal(offset + 2),
				rs.getBigDecimal(offset + 3), rs.getLong(offset + 4), rs.getLong(offset + 5));
	}

	@Override
	@Transactional(readOnly = true)
	public ResultsOverview overview(CurrentUser user, int year, String formCode, String topicCode, Long districtId) {
		requireStaff(user);
		Map<String, Object> p = params(user, year, formCode, topicCode, districtId);
		String base = responsesOfYear(filters(formCode, topicCode, districtId));
		String join = " from p r join survey_answer a on a.response_id = r.id join question q on q.id = a.question_id"
				+ " where r.n <= r.c / :threshold * :threshold";
		ScoreLine total = jdbc.sql(blocks(base, "0", "") + "select " + SCORE_COLUMNS + join).params(p)
			.query((rs, n) -> score(rs, 1, "", null, null)).single();
		List<ScoreLine> byForm = jdbc.sql(blocks(base, "r.form_code", "") + "select f.code, f.name_kk, f.name_ru, "
				+ SCORE_COLUMNS + join.replace(" where ", " join training_form f on f.code = r.gkey where ")
				+ " group by f.code, f.name_kk, f.name_ru, f.sort_order order by f.sort_order")
			.params(p).query((rs, n) -> score(rs, 4, rs.getString(1), rs.getString(2), rs.getString(3))).list();
		List<ScoreLine> byTopic = jdbc.sql(blocks(base, "et.topic_code",
				" join training_event_topic et on et.event_id = r.event_id") + "select tp.code, tp.name_kk, tp.name_ru, "
				+ SCORE_COLUMNS + join.replace(" where ", " join training_topic tp on tp.code = r.gkey where ")
				+ " group by tp.code, tp.name_kk, tp.name_ru, tp.sort_order order by tp.sort_order")
			.params(p).query((rs, n) -> score(rs, 4, rs.getString(1), rs.getString(2), rs.getString(3))).list();
		List<ScoreLine> byDistrict = jdbc.sql(blocks(base, "r.district_id", "")
				+ "select coalesce(d.id::text, ''), d.name_kk, d.name_ru, " + SCORE_COLUMNS
				+ join.replace(" where ", " left join org_unit d on d.id = r.gkey where ")
				+ " group by d.id, d.name_kk, d.name_ru order by d.name_kk nulls last")
			.params(p).query((rs, n) -> score(rs, 4, rs.getString(1), rs.getString(2), rs.getString(3))).list();
		List<ScoreLine> byLength = jdbc.sql(blocks(base, "(r.days <= :shortDays)", "") + "select r.gkey as short, "
				+ SCORE_COLUMNS + join + " group by 1 order by 1 desc")
			.params(p).query((rs, n) -> score(rs, 2, rs.getBoolean(1) ? "short" : "longer", null, null)).list();
		ScoreLine empty = new ScoreLine("", null, null, 0, 0, null, null, 0, 0);
		ScoreLine shortLine = byLength.stream().filter(l -> l.key().equals("short")).findFirst()
			.orElse(new ScoreLine("short", null, null, 0, 0, null, null, 0, 0));
		ScoreLine longerLine = byLength.stream().filter(l -> l.key().equals("longer")).findFirst()
			.orElse(new ScoreLine("longer", null, null, 0, 0, null, null, 0, 0));
		// Organizations with nothing published (fewer answers than the threshold) could point at the
		// people who gave them: not listed, only counted.
		List<ScoreLine> organizations = jdbc.sql(blocks(base, "r.organization_id", " where r.organization_id is not null")
				+ "select o.id::text, o.name_kk, o.name_ru, count(distinct r.id) as responses, " + SCORE_COLUMNS
				+ join.replace(" where ", " join org_unit o on o.id = r.gkey where ")
				+ " group by o.id, o.name_kk, o.name_ru order by responses desc, o.name_kk")
			.params(p).query((rs, n) -> score(rs, 5, rs.getString(1), rs.getString(2), rs.getString(3))).list();
		long named = jdbc.sql(base + "select count(distinct organization_id) from r").params(p).query(Long.class).single();
		long[] hidden = { named - organizations.size() };
		return new ResultsOverview(year, total == null ? empty : total, byForm, byTopic, byDistrict, shortLine,
				longerLine, organizations, properties.anonymityThreshold(), hidden[0]);
	}

	@Override
	@Transactional(readOnly = true)
	public List<DemandLine> demand(CurrentUser user, int year) {
		requireStaff(user);
		Map<String, Object> p = params(user, year, null, null, null);
		String base = responsesOfYear("");
		Map<String, DemandLine> lines = new LinkedHashMap<>();
		jdbc.sql("select code, name_kk, name_ru from training_topic order by sort_order").query(rs -> {
			lines.put(rs.getString(1), new DemandLine(rs.getString(1), rs.getString(2), rs.getString(3), 0,
					new HashMap<>(), new HashMap<>()));
		});
		// A response has one category and one event district, so these counts add up per topic.
		jdbc.sql(base + """
				select a.option_code, coalesce(r.category_code, ''), r.district_id, count(distinct r.id)
				from r join survey_answer a on a.response_id = r.id join question q on q.id = a.question_id
				where q.type = 'TOPICS' and a.option_code <> 'OTHER'
				group by a.option_code, r.category_code, r.district_id
				""").params(p).query(rs -> {
					DemandLine line = lines.get(rs.getString(1));
					if (line != null) {
						line.byCategory().merge(rs.getString(2), rs.getLong(4), Long::sum);
						line.byDistrict().merge(rs.getObject(3) == null ? 0L : rs.getLong(3), rs.getLong(4), Long::sum);
					}
				});
		return lines.values().stream()
			.map(l -> new DemandLine(l.topicCode(), l.nameKk(), l.nameRu(),
					l.byCategory().values().stream().mapToLong(Long::longValue).sum(), l.byCategory(), l.byDistrict()))
			.sorted(java.util.Comparator.comparingLong(DemandLine::wishes).reversed())
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Integer> years(CurrentUser user) {
		requireStaff(user);
		return jdbc.sql("""
				select distinct extract(year from e.starts_at)::int as y from survey_response r
				join event_survey s on s.id = r.event_survey_id join training_event e on e.id = s.event_id
				join org_unit o on o.id = e.organizer_unit_id where o.path like :scope order by y desc
				""").param("scope", user.scopePath() + "%").query(Integer.class).list();
	}

	private static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}
}
