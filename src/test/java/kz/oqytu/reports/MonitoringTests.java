package kz.oqytu.reports;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.materials.Materials;
import kz.oqytu.requests.TopicRequests;
import kz.oqytu.schoolplans.SchoolPlans;
import kz.oqytu.surveys.OrganizationScores;
import kz.oqytu.surveys.OrganizationSurveys;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.StatementCounter;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monitoring of primary organizations: every active primary organization once, the members
 * adding up to the union's figures, each module's part joined to the right organization, survey
 * averages only above the anonymity threshold, a page of bounded cost and a workbook of all rows.
 */
@OqytuIntegrationTest
@Transactional
class MonitoringTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Monitoring monitoring;

	@Autowired
	SchoolPlans schools;

	@Autowired
	TopicRequests requests;

	@Autowired
	Materials materials;

	@Autowired
	OrganizationSurveys surveys;

	@Autowired
	JdbcClient jdbc;

	CurrentUser methodologist;

	CurrentUser chair;

	@BeforeEach
	void setUp() {
		methodologist = users.current("methodologist");
		chair = users.current("chair");
	}

	private long activePrimaries(String extra) {
		return jdbc.sql("select count(*) from org_unit where level = 'PRIMARY' and active" + extra).query(Long.class).single();
	}

	@Test
	void everyActivePrimaryOrganizationIsListedOnceAndTheMembersAddUpToTheUnionsFigures() {
		List<MonitoringRow> rows = monitoring.rows(methodologist, 2025, null, MonitoringFilter.ALL);
		assertThat(rows).hasSize((int) activePrimaries(""));
		assertThat(rows).hasSize(614);
		assertThat(rows).extracting(MonitoringRow::organizationId).doesNotHaveDuplicates();
		assertThat(rows.stream().mapToLong(MonitoringRow::members).sum()).isEqualTo(33_557);
		assertThat(rows.stream().mapToLong(MonitoringRow::previousMembers).sum()).isEqualTo(33_468);
	}

	@Test
	void aDistrictShowsItsOwnOrganizationsOnly() {
		long district = jdbc.sql("select parent_id from org_unit where id = :id").param("id", chair.scopeUnitId())
			.query(Long.class).single();
		List<MonitoringRow> rows = monitoring.rows(methodologist, 2025, district, MonitoringFilter.ALL);
		assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.districtId()).isEqualTo(district));
		assertThat(rows).hasSize((int) activePrimaries(" and parent_id = " + district));
	}

	@Test
	void eachModulesPartIsJoinedToItsOrganization() {
		int year = 2026; // the demo's school plans are those of 2025 and 2026, whatever the date
		long own = chair.scopeUnitId();
		MonitoringRow row = monitoring.rows(methodologist, year, null, MonitoringFilter.ALL)
			.stream()
			.filter(r -> r.organizationId() == own)
			.findFirst()
			.orElseThrow();
		var plan = schools.plan(own, year).orElseThrow();
		assertThat(row.schoolPlan().items()).isEqualTo(plan.items().size()).isPositive();
		assertThat(row.schoolPlan().heldItems()).isEqualTo((int) plan.items().stream().filter(i -> i.held()).count());
		assertThat(row.requests().total())
			.isEqualTo((int) requests.forOrganization(own).stream().filter(r -> r.year() == year).count());
		assertThat(row.materials().sent()).isEqualTo(materials.sentTo(chair, own).size());
		assertThat(row.materials().acknowledged())
			.isEqualTo(materials.sentTo(chair, own).stream().filter(s -> s.delivery().acknowledgedAt() != null).count());
	}

	@Test
	void theFiltersKeepOnlyTheOrganizationsNeedingAttention() {
		int year = 2026;
		List<MonitoringRow> all = monitoring.rows(methodologist, year, null, MonitoringFilter.ALL);
		for (MonitoringFilter filter : MonitoringFilter.values()) {
			List<MonitoringRow> some = monitoring.rows(methodologist, year, null, filter);
			assertThat(some).hasSize((int) all.stream().filter(filter::accepts).count());
		}
		assertThat(monitoring.rows(methodologist, year, null, MonitoringFilter.NO_SCHOOL_PLAN))
			.isNotEmpty()
			.allSatisfy(r -> assertThat(r.schoolPlan().items()).isZero())
			.noneMatch(r -> r.organizationId() == chair.scopeUnitId());
	}

	@Test
	void surveyAveragesAreShownOnlyFromTheAnonymityThresholdOn() {
		int threshold = surveys.anonymityThreshold();
		Map<Long, OrganizationScores> scores = surveys.scoresByOrganization(methodologist, 2025);
		assertThat(scores.values()).anyMatch(s -> s.usefulness() != null);
		assertThat(scores.values()).anyMatch(s -> s.responses() > 0 && s.responses() < threshold);
		scores.values().forEach(s -> {
			if (s.responses() < threshold) {
				assertThat(s.usefulness()).isNull();
				assertThat(s.practicalUse()).isNull();
			}
		});
		OrganizationScores most = scores.values().stream()
			.max(java.util.Comparator.comparingLong(OrganizationScores::responses))
			.orElseThrow();
		// Published in whole groups of k (decision 17): the first k·⌊n/k⌋ post-event answers by arrival.
		BigDecimal expected = jdbc.sql("""
				with published as (
				    select r.id, row_number() over (order by r.id) as n, count(*) over () as c
				    from survey_response r
				    join event_survey s on s.id = r.event_survey_id join training_event e on e.id = s.event_id
				    join questionnaire_version v on v.id = r.version_id join questionnaire qq on qq.id = v.questionnaire_id
				    where r.organization_id = :org and not r.flagged and qq.kind = 'POST_EVENT'
				      and extract(year from e.starts_at) = 2025)
				select avg(a.rating) from published p
				join survey_answer a on a.response_id = p.id join question q on q.id = a.question_id
				where q.code = 'usefulness' and p.n <= p.c / :k * :k
				""").param("org", most.organizationId()).param("k", threshold).query(BigDecimal.class).single();
		assertThat(most.usefulness().setScale(6, RoundingMode.HALF_UP)).isEqualTo(expected.setScale(6, RoundingMode.HALF_UP));
	}

	@Test
	void thePageIsPagedCostsAFewStatementsAndIsForStaffOnly() throws Exception {
		StatementCounter.reset();
		String html = mvc.perform(get("/reports/monitoring").param("year", "2025").with(users.as("executive")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(StatementCounter.count()).isLessThan(20);
		assertThat(html.split("data-organization=", -1)).hasSize(100 + 1);
		String last = mvc.perform(get("/reports/monitoring").param("year", "2025").param("page", "6").with(users.as("executive")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(last.split("data-organization=", -1)).hasSize(614 - 600 + 1);
		mvc.perform(get("/reports/monitoring").with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(get("/reports/monitoring.xlsx").with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(get("/reports/monitoring")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/reports/monitoring").param("show", "NONSENSE").param("year", "x").with(users.as("methodologist")))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void theWorkbookHoldsEveryRowWithNumbersAsNumbers() throws Exception {
		byte[] body = mvc.perform(get("/reports/monitoring.xlsx").param("year", "2025").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum() - 3).isEqualTo(614);
			long members = 0;
			for (int r = 4; r <= sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
				members += (long) sheet.getRow(r).getCell(2).getNumericCellValue();
			}
			assertThat(members).isEqualTo(33_557);
			assertThat(sheet.getRow(4).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
		}
	}

	/**
	 * The workbook (one cursor, each module's figures for the whole scope) holds exactly the rows the
	 * page computes (figures for the page's ids), in the same order, every figure equal.
	 */
	@Test
	void theWorkbookHoldsThePagesFiguresForEveryRowInThePagesOrder() throws Exception {
		int year = 2026;
		for (MonitoringFilter filter : List.of(MonitoringFilter.ALL, MonitoringFilter.NO_SCHOOL_PLAN)) {
			List<MonitoringRow> rows = monitoring.rows(methodologist, year, null, filter);
			byte[] body = mvc.perform(get("/reports/monitoring.xlsx").param("year", "" + year).param("show", filter.name())
				.with(users.as("methodologist")))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
			try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
				Sheet sheet = workbook.getSheetAt(0);
				assertThat(sheet.getLastRowNum() - 3).as(filter.name()).isEqualTo(rows.size()).isPositive();
				for (int i = 0; i < rows.size(); i++) {
					MonitoringRow m = rows.get(i);
					org.apache.poi.ss.usermodel.Row row = sheet.getRow(4 + i);
					assertThat(row.getCell(1).getStringCellValue()).as("row " + i).isIn(m.nameKk(), m.nameRu());
					assertThat(row.getCell(0).getStringCellValue()).isIn(m.districtKk(), m.districtRu());
					Number[] expected = { m.members(), m.trained(), null, m.previousTrained(), null, null,
							m.schoolPlan().items(), m.schoolPlan().heldItems(), m.requests().total(), m.answeredRequests(),
							m.materials().sent(), m.materials().acknowledged(), m.materials().missingLatest(),
							m.surveys().responses(), m.surveys().usefulness(), m.surveys().practicalUse(),
							m.surveys().interviews(), m.unrecorded(), m.previousUnrecorded() };
					for (int c = 0; c < expected.length; c++) {
						org.apache.poi.ss.usermodel.Cell cell = row.getCell(2 + c);
						if (c == 2 || c == 4 || c == 5 || (c == 1 && m.recording() == OrganizationCoverage.Recording.NOT_RECORDED)
								|| (c == 3 && m.previousRecording() == OrganizationCoverage.Recording.NOT_RECORDED)) {
							continue; // coverage percentages, the plan's state and "not recorded" are words or derived
						}
						Double value = cell == null || cell.getCellType() == CellType.BLANK ? null : cell.getNumericCellValue();
						Double want = expected[c] == null ? null : expected[c].doubleValue();
						if (want != null && value != null && c >= 14 && c <= 15) {
							assertThat(value).as("row " + i + " column " + (2 + c)).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-9));
						}
						else {
							assertThat(value).as("row " + i + " column " + (2 + c)).isEqualTo(want);
						}
					}
					Double coverage = m.coverage() == null ? null : row.getCell(4).getNumericCellValue();
					if (coverage != null) {
						assertThat(coverage).isGreaterThanOrEqualTo(0.0);
					}
				}
			}
		}
	}
}
