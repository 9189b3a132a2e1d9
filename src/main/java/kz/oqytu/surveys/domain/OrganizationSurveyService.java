package kz.oqytu.surveys.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.surveys.OrganizationScores;
import kz.oqytu.surveys.OrganizationSurvey;
import kz.oqytu.surveys.OrganizationSurvey.RatingAverage;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.OrganizationSurveys;

/**
 * Survey results by organization. Flagged responses are left out. Rating questions are compared
 * across versions by their code, labelled with the newest text. Figures come from whole groups of
 * the anonymity threshold k, the first {@code k·⌊n/k⌋} of an organization's responses in the order
 * they came (decision 17): one more answer never changes them, so no answer is read off by
 * difference; and a question's average is shown only from k answers.
 */
@Service
class OrganizationSurveyService implements OrganizationSurveys {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final InterviewService interviews;

	private final SurveyProperties properties;

	OrganizationSurveyService(JdbcClient jdbc, Organizations organizations, InterviewService interviews,
			SurveyProperties properties) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.interviews = interviews;
		this.properties = properties;
	}

	@Override
	@Transactional(readOnly = true)
	public OrganizationSurvey forOrganization(CurrentUser user, long organizationId) {
		UnitInfo unit = organizations.info(organizationId)
			.filter(UnitInfo::isPrimary)
			.orElseThrow(() -> new NotFoundException("organization " + organizationId));
		// A chair's scope is their own organization, so this lets a chair see only that one.
		if (!user.covers(unit.path())) {
			throw new AccessDeniedException("organization " + organizationId + " is outside the user's scope");
		}
		UnitInfo district = unit.parentId() == null ? null : organizations.info(unit.parentId()).orElse(null);
		int threshold = properties.anonymityThreshold();
		long responses = jdbc.sql("select count(*) from survey_response where organization_id = :org and not flagged")
			.param("org", organizationId)
			.query(Long.class)
			.single();
		List<RatingAverage> averages = responses < threshold ? List.of() : averages(organizationId, threshold);
		return new OrganizationSurvey(unit.id(), unit.nameKk(), unit.nameRu(),
				district == null ? null : district.nameKk(), district == null ? null : district.nameRu(),
				interviews.ofOrganization(organizationId), responses, threshold, averages);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, OrganizationScores> scoresByOrganization(CurrentUser user, int year) {
		return scoresByOrganization(user, year, (Long[]) null);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, OrganizationScores> scoresByOrganization(CurrentUser user, int year,
			java.util.Collection<Long> organizationIds) {
		return scoresByOrganization(user, year, organizationIds.toArray(new Long[0]));
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Set<Long> organizationsInterviewed(CurrentUser user, int year) {
		return new java.util.HashSet<>(jdbc.sql("""
				select distinct i.organization_id from interview i join organizations_v_unit o on o.id = i.organization_id
				where o.level = 'PRIMARY' and %s and i.held_on >= :fromDate and i.held_on < :toDate
				""".formatted(Scopes.within("o.path", "scope")))
			.param("scope", Scopes.prefix(user.scopePath()))
			.param("fromDate", java.time.LocalDate.of(year, 1, 1))
			.param("toDate", java.time.LocalDate.of(year + 1, 1, 1))
			.query(Long.class)
			.list());
	}

	private Map<Long, OrganizationScores> scoresByOrganization(CurrentUser user, int year, Long[] ids) {
		int threshold = properties.anonymityThreshold();
		Map<Long, OrganizationScores> result = new HashMap<>();
		// Usefulness: the post-event "usefulness" rating; practical use: the follow-up "applicability"
		// rating (compared by question code across questionnaire versions): a response's score row (V240)
		// holds both, so no answer is read. A page's organizations are found by the responses' own index;
		// the whole scope (the workbook) reads the score rows at once (the country's: 1.7 s through the
		// answers, 0.45 s so).
		String scored = ids != null ? """
				    from survey_response r
				    join survey_response_score f on f.response_id = r.id
				    join event_survey s on s.id = r.event_survey_id
				    join training_v_event e on e.id = s.event_id
				    where not r.flagged and r.organization_id in (select id from orgs)
				""" : """
				    from survey_response_score f
				    join event_survey s on s.id = f.event_survey_id
				    join training_v_event e on e.id = s.event_id
				    where not f.flagged and f.organization_id in (select id from orgs)
				""";
		jdbc.sql("""
				with orgs as (
				    select o.id from organizations_v_unit o where o.level = 'PRIMARY' and %s
				      and (cast(:ids as bigint[]) is null or o.id = any(:ids))
				), answered as (
				    select f.organization_id as org, f.kind, f.usefulness, f.applicability,
				           row_number() over (partition by f.organization_id, f.kind order by f.response_id) as n,
				           count(*) over (partition by f.organization_id, f.kind) as c
				%s
				      and e.starts_at >= :from and e.starts_at < :to
				), rated as (
				    select a.org, count(*) as n,
				           count(a.usefulness) filter (where a.kind = 'POST_EVENT' and a.n <= a.c / :threshold * :threshold) as useful_n,
				           avg(a.usefulness) filter (where a.kind = 'POST_EVENT' and a.n <= a.c / :threshold * :threshold) as useful,
				           count(a.applicability) filter (where a.kind = 'FOLLOW_UP' and a.n <= a.c / :threshold * :threshold) as practical_n,
				           avg(a.applicability) filter (where a.kind = 'FOLLOW_UP' and a.n <= a.c / :threshold * :threshold) as practical
				    from answered a
				    group by a.org
				), talks as (
				    select i.organization_id as org, count(*) as n from interview i
				    where i.organization_id in (select id from orgs) and i.held_on >= :fromDate and i.held_on < :toDate
				    group by i.organization_id
				)
				select coalesce(r.org, t.org) as org, coalesce(r.n, 0) as responses, r.useful_n, r.useful,
				       r.practical_n, r.practical, coalesce(t.n, 0) as interviews
				from rated r
				full join talks t on t.org = r.org
				""".formatted(Scopes.within("o.path", "scope"), scored))
			.param("scope", Scopes.prefix(user.scopePath()))
			.param("from", java.time.LocalDate.of(year, 1, 1).atStartOfDay())
			.param("to", java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay())
			.param("fromDate", java.time.LocalDate.of(year, 1, 1))
			.param("toDate", java.time.LocalDate.of(year + 1, 1, 1))
			.param("threshold", threshold)
			.param("ids", ids)
			.query(rs -> {
				long org = rs.getLong("org");
				long responses = rs.getLong("responses");
				boolean shown = responses >= threshold;
				BigDecimal usefulness = shown && rs.getLong("useful_n") >= threshold ? rs.getBigDecimal("useful") : null;
				BigDecimal practical = shown && rs.getLong("practical_n") >= threshold ? rs.getBigDecimal("practical")
						: null;
				result.put(org, new OrganizationScores(org, responses, usefulness, practical, rs.getInt("interviews")));
			});
		return result;
	}

	@Override
	public int anonymityThreshold() {
		return properties.anonymityThreshold();
	}

	private List<RatingAverage> averages(long organizationId, int threshold) {
		return jdbc.sql("""
				with counted as (
				    select r.id, row_number() over (partition by s.kind order by r.id) as n,
				           count(*) over (partition by s.kind) as c
				    from survey_response r join event_survey s on s.id = r.event_survey_id
				    where r.organization_id = :org and not r.flagged
				), rated as (
				    select v.questionnaire_id, q.code, count(a.rating) as answers, avg(a.rating) as average
				    from counted p
				    join survey_response r on r.id = p.id
				    join survey_answer a on a.response_id = r.id
				    join question q on q.id = a.question_id and q.type = 'RATING'
				    join questionnaire_version v on v.id = q.version_id
				    where p.n <= p.c / :threshold * :threshold and a.rating is not null
				    group by v.questionnaire_id, q.code
				), labels as (
				    select distinct on (v.questionnaire_id, q.code) v.questionnaire_id, q.code, q.text_kk, q.text_ru,
				           v.current, q.position
				    from question q join questionnaire_version v on v.id = q.version_id
				    order by v.questionnaire_id, q.code, v.version_no desc
				)
				select qq.kind, r.code, l.text_kk, l.text_ru, r.answers, r.average
				from rated r
				join labels l on l.questionnaire_id = r.questionnaire_id and l.code = r.code
				join questionnaire qq on qq.id = r.questionnaire_id
				order by case qq.kind when 'POST_EVENT' then 0 else 1 end, l.current desc, l.position, r.code
				""")
			.param("org", organizationId)
			.param("threshold", threshold)
			.query((rs, n) -> {
				long answers = rs.getLong("answers");
				BigDecimal average = answers >= threshold ? rs.getBigDecimal("average") : null;
				return new RatingAverage(SurveyKind.valueOf(rs.getString("kind")), rs.getString("code"),
						rs.getString("text_kk"), rs.getString("text_ru"), answers, average);
			})
			.list();
	}
}
