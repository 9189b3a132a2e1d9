package kz.oqytu.staffreport;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.reports.AnnualReportPage;
import kz.oqytu.reports.Breakdown;
import kz.oqytu.reports.CoverageReports;
import kz.oqytu.shared.NumberFormats;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #22, part 1 for a district: the staff report of a district or city committee, its figures
 * counted over the events held in it, the same as the committee's line in its region's report; the
 * district's wording; the body picker; a district account sees its own committee and no other.
 */
@OqytuIntegrationTest
class DistrictStaffReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CoverageReports coverage;

	@Autowired
	StaffReports staffReports;

	@Autowired
	kz.oqytu.reports.Monitoring monitoring;

	/** Every district's own report adds up, with the regional-level line, to the region's report (2025). */
	@Test
	void eachDistrictsFiguresAreItsLineInTheRegionsReport() {
		CurrentUser me = users.current("methodologist");
		AnnualReportPage region = coverage.annualPage(me, Optional.empty(), 2025);
		long events = 0;
		long trained = 0;
		int districts = 0;
		for (Breakdown line : region.breakdowns().byDistrict()) {
			if (line.key().isEmpty()) {
				events += line.events();
				trained += line.participants();
				continue;
			}
			AnnualReportPage own = coverage.annualPage(me, Optional.of(Long.valueOf(line.key())), 2025);
			assertThat(own.report().current().events()).as(line.nameRu()).isEqualTo(line.events());
			assertThat(own.report().current().trained()).as(line.nameRu()).isEqualTo(line.participants());
			assertThat(own.report().current().members()).as(line.nameRu()).isEqualTo(line.members());
			// its own breakdown is its one line, its forms sum to its events
			assertThat(own.breakdowns().byDistrict()).singleElement().isEqualTo(line);
			assertThat(own.breakdowns().byForm().stream().mapToLong(Breakdown::events).sum()).isEqualTo(line.events());
			assertThat(own.breakdowns().shortFormats().events() + own.breakdowns().longerFormats().events())
				.isEqualTo(line.events());
			events += own.report().current().events();
			trained += own.report().current().trained();
			districts++;
		}
		assertThat(districts).isGreaterThan(5);
		assertThat(events).isEqualTo(64);
		assertThat(trained).isEqualTo(6101);
		assertThat(region.report().current().trained()).isEqualTo(6101);
	}

	@Test
	void aDistrictsReportSpeaksOfTheDistrictWithItsFigures() throws Exception {
		CurrentUser me = users.current("methodologist");
		long district = busiestDistrict();
		AnnualReportPage page = coverage.annualPage(me, Optional.of(district), 2025);
		String name = jdbc.sql("select name_ru from org_unit where id = :id").param("id", district).query(String.class).single();
		byte[] file = mvc.perform(get("/staff-reports.docx").param("year", "2026").param("region", String.valueOf(district))
			.param("lang", "ru").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		String text = String.join("\n", StaffReportTests.lines(file));
		Locale ru = Locale.forLanguageTag("ru");
		assertThat(text).contains("в районной (городской) организации профсоюза «" + name + "»")
			.contains("2. Краткая характеристика районной (городской) организации.")
			.contains("общая численность членов профсоюза составляет "
					+ NumberFormats.count(page.report().current().members(), ru) + " человек")
			.contains("В 2025 году проведено обучающих семинаров: " + NumberFormats.count(page.report().current().events(), ru))
			.contains("функционирования профсоюзного обучения в районной (городской) организации")
			.doesNotContain("Областная организация объединяет").doesNotContain("В Областной организации назначен")
			.doesNotContain("Районы и города с охватом");
		// the organizations below the district's own coverage (recorded in full), each named, or no such finding
		kz.oqytu.shared.Percent districtCoverage = page.report().current().coverage().orElseThrow();
		List<kz.oqytu.reports.MonitoringRow> below = monitoring.rows(me, 2025, district, kz.oqytu.reports.MonitoringFilter.ALL)
			.stream()
			.filter(r -> r.members() != null && r.members() > 0 && r.recording().known()
					&& kz.oqytu.shared.Percent.of(r.trained(), r.members()).orElseThrow().compareTo(districtCoverage) < 0)
			.toList();
		if (below.isEmpty()) {
			assertThat(text).doesNotContain("с охватом обучением ниже районного");
		}
		else {
			assertThat(text).contains("Первичные профсоюзные организации с охватом обучением ниже районного ("
					+ NumberFormats.percent(districtCoverage, ru) + "), всего " + NumberFormats.count(below.size(), ru) + ":");
		}
		assertThat(monitoring.rows(me, 2025, district, kz.oqytu.reports.MonitoringFilter.ALL))
			.as("an organization not recorded in full is never named below").filteredOn(r -> !r.recording().known())
			.allSatisfy(r -> assertThat(text).doesNotContain(r.nameRu() + " – 0,0%"));

		// the page: the picker offers the region and its districts, this one chosen; Kazakh speaks Kazakh
		mvc.perform(get("/staff-reports").param("year", "2026").param("region", String.valueOf(district))
			.param("lang", "kk").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"body\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + district + "\" selected")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Аудандық (қалалық) ұйымға қысқаша сипаттама")));
	}

	@Test
	void aDistrictAccountHasItsCommitteesReportAndNoOtherDistricts() {
		List<Long> two = jdbc.sql("select id from org_unit where level = 'COMMITTEE' and path like '/1/2/%' order by id limit 2")
			.query(Long.class).list();
		String path = jdbc.sql("select path from org_unit where id = :id").param("id", two.get(0)).query(String.class).single();
		CurrentUser district = new CurrentUser(0, "district-methodologist", "District", Role.METHODOLOGIST, two.get(0), path);
		StaffReport own = staffReports.report(district, Optional.empty(), 2026, Locale.forLanguageTag("ru"));
		assertThat(own.unitId()).isEqualTo(two.get(0));
		assertThat(staffReports.bodies(district)).extracting(u -> u.id()).contains(two.get(0)).doesNotContain(two.get(1));
		assertThatThrownBy(() -> staffReports.report(district, Optional.of(two.get(1)), 2026, Locale.forLanguageTag("ru")))
			.isInstanceOf(AccessDeniedException.class);
	}

	/**
	 * The loop for a district: its coverage report approved by its presidium, its staff report approved,
	 * the resolution drafted with the committee's own owners; adopting it into the regions' resolutions
	 * is refused with a clear message, and nothing is recorded.
	 */
	@Test
	@org.springframework.transaction.annotation.Transactional
	void aDistrictsResolutionNamesItsCommitteeAndStaysOutOfTheRegionsResolutions() throws Exception {
		String d = String.valueOf(busiestDistrict());
		mvc.perform(post("/staff-reports/versions").param("year", "2026").param("region", d).param("lang", "ru")
			.param("t_s8_proposal1", "Предложение района.").with(csrf()).with(users.as("methodologist")))
			.andExpect(status().is3xxRedirection());
		String version = String.valueOf(jdbc.sql("select max(number) from staff_report_version where unit_id = :d"
				+ " and report_year = 2026 and language = 'ru'").param("d", Long.valueOf(d)).query(Integer.class).single());
		mvc.perform(post("/reports/coverage/approval").param("year", "2025").param("region", d)
			.param("approvedOn", "2026-02-10").param("protocol", "3").param("approvedBy", "Президиум районного комитета")
			.with(csrf()).with(users.as("methodologist"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/staff-reports/approval").param("year", "2026").param("region", d).param("version", version)
			.param("lang", "ru").with(csrf()).with(users.as("methodologist"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from staff_report_version where unit_id = :d and approved")
			.param("d", Long.valueOf(d)).query(Long.class).single()).isOne();
		mvc.perform(post("/staff-reports/resolution").param("year", "2026").param("region", d).param("lang", "ru")
			.with(csrf()).with(users.as("methodologist"))).andExpect(status().is3xxRedirection());
		List<String> owners = jdbc.sql("select i.owner from resolution_draft_item i join resolution_draft r on r.id = i.draft_id"
				+ " where r.unit_id = :d and i.level = 2").param("d", Long.valueOf(d)).query(String.class).list();
		assertThat(owners).isNotEmpty().allMatch(o -> o.contains("районн") || o.contains("первичных"))
			.noneMatch(o -> o.contains("областной"));
		mvc.perform(get("/staff-reports/resolution").param("year", "2026").param("region", d).param("lang", "ru")
			.with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"district-adoption\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"adopt-form\""))));
		long resolutions = jdbc.sql("select count(*) from resolution").query(Long.class).single();
		mvc.perform(post("/staff-reports/resolution/adoption").param("year", "2026").param("region", d).param("lang", "ru")
			.param("version", version).param("number", "5").param("adoptedOn", "2026-03-01")
			.with(csrf()).with(users.as("methodologist")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("в Oqytu не принимается")));
		assertThat(jdbc.sql("select count(*) from resolution").query(Long.class).single()).isEqualTo(resolutions);
	}

	/** A district's coverage report is approved by its presidium: the approval form says so by default, in each language. */
	@Test
	void aDistrictsApprovalFormProposesItsPresidium() throws Exception {
		String d = String.valueOf(busiestDistrict());
		for (String[] lang : new String[][] { { "ru", "Президиум" }, { "kk", "Төралқа" } }) {
			String page = mvc.perform(get("/reports/coverage").param("year", "2024").param("region", d)
				.param("lang", lang[0]).with(users.as("methodologist")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).as(lang[0]).containsPattern("id=\"approvedBy\"[^>]*value=\"" + lang[1] + "\"");
		}
		String region = mvc.perform(get("/reports/coverage").param("year", "2024").param("lang", "ru")
			.with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		if (region.contains("id=\"approvedBy\"")) {
			assertThat(region).containsPattern("id=\"approvedBy\"[^>]*value=\"Исполнительный комитет\"");
		}
	}

	@Test
	void aChairSeesNoDistrictsReport() throws Exception {
		mvc.perform(get("/staff-reports").param("year", "2026").param("region", String.valueOf(busiestDistrict()))
			.with(users.as("chair"))).andExpect(status().isForbidden());
	}

	private long busiestDistrict() {
		return jdbc.sql("select district_id from training_event where status = 'HELD' and district_id is not null"
				+ " and starts_at >= '2025-01-01' and starts_at < '2026-01-01' group by district_id order by count(*) desc, district_id limit 1")
			.query(Long.class).single();
	}
}
