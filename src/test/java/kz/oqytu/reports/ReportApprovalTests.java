package kz.oqytu.reports;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import java.time.Clock;

/** An approved report stays as approved while the data move on, and the live report says what moved. */
@OqytuIntegrationTest
@Transactional
class ReportApprovalTests {

	@Autowired
	Clock clock;

	@Autowired
	ReportApprovals approvals;

	@Autowired
	CoverageReports reports;

	@Autowired
	TrainingEvents events;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	@Test
	void theApprovedReportReproducesItsFiguresAfterTheDataChange() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		AnnualCoverageReport before = reports.annual(methodologist, Optional.empty(), 2025);
		mvc.perform(post("/reports/coverage/approval").with(users.as("methodologist")).with(csrf())
			.param("year", "2025").param("approvedOn", "2026-02-20").param("protocol", "9")
			.param("approvedBy", "Атқару комитеті"))
			.andExpect(status().is3xxRedirection());
		ApprovedReport approved = approvals.approved(methodologist, 2025).orElseThrow();
		assertThat(approved.report()).isEqualTo(before);
		assertThat(approved.approvedOn()).isEqualTo(LocalDate.of(2026, 2, 20));
		assertThat(approvals.differences(methodologist, 2025, Locale.forLanguageTag("ru"))).isEmpty();

		// A seminar of 2025 logged late: the live figures move, the approved ones do not.
		events.create(methodologist, new EventCommand("Кешіктірілген семинар", null, "THEMATIC_SEMINAR",
				Set.of("LABOUR_LAW"), LocalDateTime.of(2025, 12, 20, 10, 0), LocalDateTime.of(2025, 12, 20, 13, 0),
				BigDecimal.valueOf(3), VenueKind.COMMITTEE_PREMISES, 5L, null, null, null, Set.of(), null, null,
				EventStatus.HELD, Map.of("UNION_MEMBER", 10)));
		assertThat(reports.annual(methodologist, Optional.empty(), 2025).current().trained()).isEqualTo(6_111);
		assertThat(approvals.approved(methodologist, 2025).orElseThrow().report().current().trained()).isEqualTo(6_101);
		assertThat(approvals.differences(methodologist, 2025, Locale.forLanguageTag("ru")))
			.extracting(ReportDifference::rowKey, ReportDifference::approved, ReportDifference::now)
			.contains(org.assertj.core.groups.Tuple.tuple("trained", "6 101", "6 111"),
					org.assertj.core.groups.Tuple.tuple("events", "64", "65"),
					org.assertj.core.groups.Tuple.tuple("UNION_MEMBER", "1 597", "1 607"));

		String approvedPage = mvc.perform(get("/reports/coverage").param("year", "2025").param("approved", "true")
			.with(users.as("executive"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(approvedPage).contains("id=\"approved-banner\"").contains("6 101").doesNotContain("6 111");
		String livePage = mvc.perform(get("/reports/coverage").param("year", "2025").param("lang", "ru")
			.with(users.as("executive"))).andReturn().getResponse().getContentAsString();
		assertThat(livePage).contains("id=\"approval-differences\"").contains("6 111")
			.contains("Показатели, изменившиеся после утверждения");

		byte[] xlsx = mvc.perform(get("/reports/coverage.xlsx").param("year", "2025").param("approved", "true")
			.with(users.as("executive"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getRow(5).getCell(3).getNumericCellValue()).isEqualTo(6_101);
		}
		byte[] pdf = mvc.perform(get("/reports/coverage.pdf").param("year", "2025").param("approved", "true")
			.with(users.as("executive"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("6 101").doesNotContain("6 111");
		}
	}

	@Test
	void onlyWritersApproveOnceAndNeverWithAFutureDate() throws Exception {
		mvc.perform(post("/reports/coverage/approval").with(users.as("executive")).with(csrf())
			.param("year", "2025").param("approvedOn", "2026-02-20").param("protocol", "9")
			.param("approvedBy", "x")).andExpect(status().isForbidden());
		CurrentUser admin = users.current("admin");
		assertThatThrownBy(() -> approvals.approve(admin, 2025, LocalDate.now(clock).plusDays(3), "9", "Исполком"))
			.isInstanceOf(BusinessRuleException.class);
		approvals.approve(admin, 2025, LocalDate.of(2026, 2, 20), "9", "Исполком");
		assertThatThrownBy(() -> approvals.approve(admin, 2025, LocalDate.of(2026, 2, 21), "10", "Исполком"))
			.isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void anUnapprovedYearHasNoApprovedVersion() throws Exception {
		mvc.perform(get("/reports/coverage").param("year", "2024").param("approved", "true")
			.with(users.as("executive"))).andExpect(status().isNotFound());
	}
}
