package kz.oqytu.surveys.domain;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.surveys.OrganizationSurvey;
import kz.oqytu.surveys.OrganizationSurvey.RatingAverage;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.OrganizationSurveys;

/**
 * Survey results by organization. Responses flagged as one device answering many times are left
 * out. Rating questions are compared across versions by their code, labelled with the newest text.
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

	private List<RatingAverage> averages(long organizationId, int threshold) {
		return jdbc.sql("""
				with rated as (
				    select v.questionnaire_id, q.code, count(a.rating) as answers, avg(a.rating) as average
				    from survey_response r
				    join survey_answer a on a.response_id = r.id
				    join question q on q.id = a.question_id and q.type = 'RATING'
				    join questionnaire_version v on v.id = q.version_id
				    where r.organization_id = :org and not r.flagged and a.rating is not null
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
			.query((rs, n) -> {
				long answers = rs.getLong(5);
				BigDecimal average = answers >= threshold ? rs.getBigDecimal(6) : null;
				return new RatingAverage(SurveyKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
						rs.getString(4), answers, average);
			})
			.list();
	}
}
