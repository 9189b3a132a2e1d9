package kz.oqytu.security;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.NumberFormats;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.testsupport.Workbooks;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue #17, part 3: every query is scoped. Two regions with data: the demo region (A, Aktobe: events,
 * participants, surveys, materials and their deliveries, budgets, plans, requests, resolutions) and a
 * region B that an administrator adds in the UI and loads with the registry import, whose methodologist
 * then holds an event there. B's methodologist and executive committee ask for every page and export
 * that takes one of A's ids or {@code ?region=A}: each answers 403 or 404 and names nothing of A; their
 * own lists and exports carry no name or figure of A. The national officer reads both regions, picks
 * them in the region picker, and writes no training data.
 */
@OqytuIntegrationTest
class RegionScopeTests {

	static final String REGION_B_KK = "Сынақ облыстық ұйымы 17";

	static final String REGION_B_RU = "Тестовая областная организация 17";

	static final String DISTRICT_B = "Жаңа аудан 17";

	static final String ORG_B = "Сынақ мектебі 17";

	static final String EVENT_B = "Сынақ облысының семинары 17";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	/** Ids of both regions. */
	record World(long regionA, String regionAName, long orgA, String orgAName, long eventA, String eventATitle,
			long participantEventA, long material, long version, long request, long campaign, long planItem,
			long resolution, long interview, long regionB, long orgB, long eventB) {
	}

	private World w;

	@BeforeEach
	void twoRegions() throws Exception {
		if (jdbc.sql("select count(*) from org_unit where name_kk = :n").param("n", REGION_B_KK).query(Long.class).single() == 0) {
			addRegionBThroughTheUi();
		}
		long regionB = one("select id from org_unit where level = 'REGION' and name_kk = '" + REGION_B_KK + "'");
		long orgB = one("select id from org_unit where level = 'PRIMARY' and name_kk = '" + ORG_B + "'");
		for (String[] account : new String[][] { { "scope.b.methodologist", "METHODOLOGIST" },
				{ "scope.b.executive", "EXECUTIVE" } }) {
			if (accounts.list().stream().noneMatch(a -> a.username().equals(account[0]))) {
				accounts.create(new AccountCommand(account[0], account[0], null, Role.valueOf(account[1]), regionB,
						"scope-password-17"));
			}
		}
		if (accounts.list().stream().noneMatch(a -> a.username().equals("scope.national"))) {
			// the scope asked for is a region: the national officer's is forced to the union's root
			accounts.create(new AccountCommand("scope.national", "National officer", null, Role.NATIONAL_OFFICER, regionB,
					"scope-password-17"));
		}
		if (jdbc.sql("select count(*) from training_event where title_kk = :t").param("t", EVENT_B).query(Long.class).single() == 0) {
			CurrentUser methodologistB = users.current("scope.b.methodologist");
			LocalDateTime starts = LocalDateTime.of(2026, 10, 15, 10, 0);
			Map<String, Integer> counts = new LinkedHashMap<>();
			counts.put("UNION_MEMBER", 17);
			events.create(methodologistB, new EventCommand(EVENT_B, null, "THEMATIC_SEMINAR", Set.of("LABOUR_LAW"), starts,
					starts.plusHours(3), BigDecimal.valueOf(4), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(),
					null, null, EventStatus.HELD, counts));
			organizations.recordMembership(methodologistB, orgB, LocalDate.of(2026, 1, 1), 117);
		}
		long orgA = one("select scope_unit_id from app_user where username = 'chair'");
		long regionA = one("select scope_unit_id from app_user where username = 'methodologist'");
		long participant = one("select min(id) from event_participant");
		long eventA = one("select min(id) from training_event where organizer_unit_id = " + regionA);
		w = new World(regionA, name(regionA), orgA, name(orgA), eventA,
				jdbc.sql("select title_kk from training_event where id = " + eventA).query(String.class).single(),
				one("select event_id from event_participant where id = " + participant),
				one("select min(material_id) from material_delivery where org_unit_id = " + orgA),
				one("select min(version_id) from material_delivery where org_unit_id = " + orgA),
				one("select min(id) from topic_request where organization_id = " + orgA),
				one("select min(id) from request_campaign"),
				one("select min(i.id) from plan_item i join training_plan p on p.id = i.plan_id where p.year = 2026"),
				one("select min(id) from resolution"), one("select min(id) from interview"), regionB, orgB,
				one("select id from training_event where title_kk = '" + EVENT_B + "'"));
	}

	/** The administrator adds region B on /admin/regions, then loads its registry into it. */
	private void addRegionBThroughTheUi() throws Exception {
		MockHttpServletResponse added = mvc.perform(post("/admin/regions").with(users.as("admin")).with(csrf())
			.param("nameKk", REGION_B_KK).param("nameRu", REGION_B_RU)).andReturn().getResponse();
		assertThat(added.getStatus()).isEqualTo(302);
		assertThat(added.getRedirectedUrl()).startsWith("/organizations/import?region=");
		long regionB = Long.parseLong(added.getRedirectedUrl().substring("/organizations/import?region=".length()));
		// a second region of the same name is refused with a message on the form
		String again = mvc.perform(post("/admin/regions").with(users.as("admin")).with(csrf()).param("nameKk", REGION_B_KK))
			.andReturn().getResponse().getContentAsString();
		assertThat(again).contains("is-invalid");
		// the import page offers the new region as the registry's target
		assertThat(mvc.perform(get("/organizations/import").param("region", String.valueOf(regionB)).with(users.as("admin")))
			.andReturn().getResponse().getContentAsString()).contains(REGION_B_KK);
		byte[] file = Workbooks.of(new Object[] { "Аудан / Район", "Атауы (қазақша) / Наименование (на казахском)",
				"Атауы (орысша) / Наименование (на русском)", "Түрі / Тип" },
				new Object[] { DISTRICT_B, ORG_B, "Тестовая школа 17", "Мектеп" },
				new Object[] { DISTRICT_B, "Сынақ балабақшасы 17", null, "Балабақша" });
		MockHttpServletResponse uploaded = mvc.perform(multipart("/organizations/import/registry")
			.file(new MockMultipartFile("file", "registry-17.xlsx", null, file))
			.param("region", String.valueOf(regionB)).with(users.as("admin")).with(csrf())).andReturn().getResponse();
		assertThat(uploaded.getRedirectedUrl()).contains("?region=" + regionB);
		String preview = mvc.perform(get(uploaded.getRedirectedUrl()).with(users.as("admin"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(preview).contains("import-target").contains(DISTRICT_B).contains(ORG_B);
		String commit = uploaded.getRedirectedUrl().replace("?region=", "/commit?region=");
		MockHttpServletResponse committed = mvc.perform(post(commit).with(users.as("admin")).with(csrf())).andReturn()
			.getResponse();
		assertThat(committed.getRedirectedUrl()).isEqualTo("/organizations");
		assertThat(one("select count(*) from org_unit o join org_unit d on d.id = o.parent_id where d.parent_id = " + regionB
				+ " and d.level = 'COMMITTEE' and d.name_kk = '" + DISTRICT_B + "' and o.level = 'PRIMARY'")).isEqualTo(2);
	}

	@Test
	void theNewRegionIsAddedAuditedAndAppearsInThePicker() throws Exception {
		assertThat(jdbc.sql("select count(*) from audit_log where table_name = 'org_unit' and action = 'INSERT'"
				+ " and after ->> 'name_kk' = :n").param("n", REGION_B_KK).query(Long.class).single())
			.as("the new region is in the audit trail").isEqualTo(1);
		String dashboard = page("scope.national", "/dashboard");
		assertThat(dashboard).contains("id=\"region-picker\"").contains(REGION_B_KK).contains(w.regionAName);
		assertThat(page("admin", "/reports/coverage?year=2025")).contains("id=\"region-picker\"").contains(REGION_B_KK);
		assertThat(page("admin", "/admin/regions")).contains(REGION_B_KK).contains(w.regionAName);
		// regional accounts get no picker
		for (String who : List.of("methodologist", "executive", "scope.b.methodologist")) {
			assertThat(page(who, "/dashboard")).as(who).doesNotContain("region-picker");
			assertThat(page(who, "/reports/coverage?year=2025")).as(who).doesNotContain("region-picker");
			assertThat(page(who, "/reports/monitoring?year=2025")).as(who).doesNotContain("region-picker");
		}
	}

	/** Every address naming A (an id of A's, or ?region=A), for B's accounts. */
	private List<String> addressesOfA() {
		String ev = "/events/" + w.eventA;
		String mat = "/materials/" + w.material;
		String a = "region=" + w.regionA;
		return List.of(ev, ev + "/edit", "/events/" + w.participantEventA + "/participants", ev + "/survey",
				ev + "/survey-panel", ev + "/plan-panel", ev + "/survey/results", ev + "/survey/results.xlsx",
				ev + "/survey/handout", ev + "/survey/handout.pdf", ev + "/survey/qr.png", ev + "/survey/paper",
				ev + "/survey/paper.pdf", ev + "/checkin", ev + "/checkin/entries",
				"/events/" + w.participantEventA + "/participants/template.xlsx",
				"/organizations/" + w.orgA, "/organizations/" + w.orgA + "/portal", "/organizations/" + w.orgA + "/edit",
				"/surveys/organizations/" + w.orgA, "/budget/bodies/" + w.regionA, "/budget/bodies/" + w.orgA,
				"/schools/" + w.orgA + "/2026", "/plans/2026/items/" + w.planItem, mat, mat + "/register",
				mat + "/versions/" + w.version + "/download", "/materials/sent?organization=" + w.orgA,
				"/requests/" + w.request, "/requests/campaigns/" + w.campaign, "/resolutions/" + w.resolution,
				"/surveys/interviews/" + w.interview, "/dashboard?" + a, "/dashboard?year=2025&" + a,
				"/reports/coverage?year=2025&" + a, "/reports/coverage.xlsx?year=2025&" + a,
				"/reports/coverage.pdf?year=2025&" + a, "/reports/coverage?year=2025&approved=true&" + a,
				"/reports/monitoring?year=2025&" + a, "/reports/monitoring.xlsx?year=2025&" + a,
				// the whole union is not theirs either
				"/dashboard?region=1", "/reports/coverage?year=2025&region=1", "/reports/monitoring?year=2025&region=1");
	}

	/** Lists and exports without an id: B's accounts get their own region's, with nothing of A in them. */
	private static final List<String> OWN_PAGES = List.of("/dashboard", "/dashboard?year=2025", "/reports/coverage?year=2025",
			"/reports/coverage.xlsx?year=2025", "/reports/coverage?year=2026", "/reports/monitoring?year=2025",
			"/reports/monitoring.xlsx?year=2025", "/events", "/events?year=2025", "/events/calendar",
			"/events/participants.xlsx?year=2025&month=3", "/organizations", "/organizations?q=мектеп",
			"/organizations/districts", "/surveys/results", "/surveys/demand", "/surveys/other-topics?year=2025",
			"/surveys/interviews", "/materials", "/plans", "/plans/2026", "/schools", "/requests",
			"/requests/demand", "/requests/campaigns", "/resolutions", "/budget", "/budget/export.xlsx");

	@Test
	void anotherRegionsAccountsGetNothingOfRegionA() throws Exception {
		List<String> leaks = new ArrayList<>();
		for (String who : List.of("scope.b.methodologist", "scope.b.executive")) {
			for (String address : addressesOfA()) {
				MockHttpServletResponse response = perform(who, address);
				int status = response.getStatus();
				if (status != 403 && status != 404) {
					leaks.add(who + " " + address + ": " + status + " " + response.getRedirectedUrl());
				}
				String leaked = leakedName(response);
				if (leaked != null) {
					leaks.add(who + " " + address + ": the refusal names " + leaked);
				}
			}
			for (String address : OWN_PAGES) {
				MockHttpServletResponse response = perform(who, address);
				if (response.getStatus() != 200) {
					leaks.add(who + " " + address + ": expected their own page, got " + response.getStatus());
					continue;
				}
				String leaked = leakedName(response);
				if (leaked != null) {
					leaks.add(who + " " + address + ": shows " + leaked);
				}
			}
		}
		assertThat(leaks).as("region B's accounts reaching region A's data").isEmpty();
		// and B's own event and organization are theirs
		assertThat(page("scope.b.methodologist", "/events/" + w.eventB)).contains(EVENT_B);
		assertThat(page("scope.b.executive", "/organizations/" + w.orgB)).contains(ORG_B);
		assertThat(page("scope.b.executive", "/reports/monitoring?year=2026")).contains(ORG_B);
	}

	/**
	 * The staff QR download remembers what it read of the event and survey for a few seconds (decision
	 * 0041); the scope check is still made on every request, so a download that A's methodologist has
	 * just made is refused to B's accounts, and to A's chair (not staff).
	 */
	@Test
	void aRememberedQrDownloadIsStillRefusedOutsideItsScope() throws Exception {
		String qr = "/events/" + w.eventA + "/survey/qr.png";
		for (int i = 0; i < 2; i++) {
			assertThat(perform("methodologist", qr).getStatus()).as("A's methodologist, request " + (i + 1)).isEqualTo(200);
			for (String who : List.of("scope.b.methodologist", "scope.b.executive", "chair")) {
				assertThat(perform(who, qr).getStatus()).as(who + " right after A's methodologist").isIn(403, 404);
			}
		}
		assertThat(perform("executive", qr).getStatus()).as("A's executive").isEqualTo(200);
	}

	@Test
	void regionAsAccountsGetNothingOfRegionB() throws Exception {
		for (String who : List.of("methodologist", "executive")) {
			for (String address : List.of("/events/" + w.eventB, "/organizations/" + w.orgB, "/budget/bodies/" + w.regionB,
					"/dashboard?region=" + w.regionB, "/reports/coverage?year=2026&region=" + w.regionB,
					"/reports/coverage.xlsx?year=2026&region=" + w.regionB,
					"/reports/monitoring?year=2026&region=" + w.regionB)) {
				MockHttpServletResponse response = perform(who, address);
				assertThat(response.getStatus()).as(who + " " + address).isIn(403, 404);
				assertThat(response.getContentAsString()).as(who + " " + address).doesNotContain(ORG_B)
					.doesNotContain(REGION_B_KK).doesNotContain(EVENT_B);
			}
			for (String address : List.of("/events?year=2026", "/organizations?q=17", "/reports/monitoring?year=2026",
					"/reports/monitoring.xlsx?year=2026", "/surveys/results")) {
				MockHttpServletResponse response = perform(who, address);
				assertThat(response.getStatus()).as(who + " " + address).isEqualTo(200);
				assertThat(text(response)).as(who + " " + address).doesNotContain(ORG_B).doesNotContain(EVENT_B)
					.doesNotContain(REGION_B_KK);
			}
		}
	}

	@Test
	void theNationalOfficerReadsBothRegionsAndWritesNothing() throws Exception {
		String n = "scope.national";
		assertThat(users.current(n).scopePath()).as("forced to the union's root").isEqualTo("/1/");
		assertThat(page(n, "/events/" + w.eventA)).contains(w.eventATitle);
		assertThat(page(n, "/events/" + w.eventB)).contains(EVENT_B);
		assertThat(page(n, "/organizations/" + w.orgA)).contains(w.orgAName);
		assertThat(page(n, "/organizations/" + w.orgB)).contains(ORG_B);
		String ru = NumberFormats.count(6_101, Locale.forLanguageTag("kk"));
		assertThat(page(n, "/reports/coverage?year=2025&region=" + w.regionA)).contains(ru).contains(w.regionAName);
		// the downloads follow the region chosen
		assertThat(page(n, "/reports/coverage?year=2026&region=" + w.regionB)).contains(REGION_B_KK)
			.containsPattern("href=\"/reports/coverage\\.xlsx\\?year=2026[^\"]*&amp;region=" + w.regionB + "\"")
			.containsPattern("href=\"/reports/coverage\\.pdf\\?year=2026[^\"]*&amp;region=" + w.regionB + "\"");
		assertThat(page(n, "/reports/monitoring?year=2026&region=" + w.regionB))
			.containsPattern("href=\"/reports/monitoring\\.xlsx\\?year=2026[^\"]*&amp;region=" + w.regionB + "\"");
		// a regional account's links carry no region at all
		assertThat(page("methodologist", "/dashboard?year=2025")).doesNotContain("region=");
		assertThat(text(perform(n, "/reports/coverage.xlsx?year=2026&region=" + w.regionB))).contains(REGION_B_KK);
		assertThat(page(n, "/reports/monitoring?year=2026&region=" + w.regionB)).contains(ORG_B).doesNotContain(w.orgAName);
		assertThat(text(perform(n, "/reports/monitoring.xlsx?year=2026&region=" + w.regionB))).contains(ORG_B)
			.doesNotContain(w.orgAName);
		// the whole country: both regions' organizations (the page is paged, the workbook whole)
		assertThat(text(perform(n, "/reports/monitoring.xlsx?year=2026&region=1"))).contains(ORG_B).contains(w.orgAName);
		assertThat(page(n, "/dashboard")).contains(REGION_B_KK);
		for (String read : List.of("/dashboard?region=" + w.regionB, "/surveys/results", "/events/" + w.eventA + "/survey/results",
				"/events/" + w.participantEventA + "/participants", "/budget", "/plans/2026", "/materials/" + w.material,
				"/resolutions/" + w.resolution, "/reports/coverage.pdf?year=2025&region=1")) {
			assertThat(perform(n, read).getStatus()).as(read).isEqualTo(200);
		}
		// writes no training data
		for (String write : List.of("/events/new", "/organizations/new", "/events/" + w.eventB + "/attendance",
				"/plans/2026/items/new", "/admin/regions")) {
			assertThat(mvc.perform(post(write).with(users.as(n)).with(csrf())).andReturn().getResponse().getStatus())
				.as(write).isEqualTo(403);
		}
	}

	@Test
	void theNationalReportIsTheNationalOfficersToApproveARegionalOneStaysTheRegions() throws Exception {
		int year = 2026;
		// the national officer may not record a region's approval, the region's methodologist not the nation's
		assertThat(approve("scope.national", year, w.regionA).getStatus()).isEqualTo(403);
		assertThat(approve("methodologist", year, 1L).getStatus()).isEqualTo(403);
		assertThat(approve("executive", year, null).getStatus()).isEqualTo(403);
		assertThat(approve("scope.b.methodologist", year, w.regionA).getStatus()).isEqualTo(403);
		assertThat(page("scope.national", "/reports/coverage?year=" + year)).contains("approve-form");
		assertThat(page("scope.national", "/reports/coverage?year=" + year + "&region=" + w.regionA))
			.doesNotContain("approve-form");
		assertThat(page("executive", "/reports/coverage?year=" + year)).doesNotContain("approve-form");
		if (one("select count(*) from report_approval where region_id = " + w.regionA + " and year = " + year) == 0) {
			assertThat(page("methodologist", "/reports/coverage?year=" + year + "&region=" + w.regionA)).contains("approve-form");
		}
		if (one("select count(*) from report_approval where region_id = 1 and year = " + year) == 0) {
			MockHttpServletResponse done = approve("scope.national", year, null);
			assertThat(done.getRedirectedUrl()).isEqualTo("/reports/coverage?year=" + year);
			assertThat(one("select count(*) from report_approval where region_id = 1 and year = " + year)).isEqualTo(1);
		}
		assertThat(page("scope.national", "/reports/coverage?year=" + year)).contains("approval-status");
		assertThat(page("admin", "/reports/coverage?year=" + year + "&region=1")).contains("approval-status");
		// region A's report is not approved by it
		assertThat(one("select count(*) from report_approval where region_id = " + w.regionA + " and recorded_by = 'scope.national'"))
			.isZero();
	}

	private MockHttpServletResponse approve(String who, int year, Long region) throws Exception {
		var request = post("/reports/coverage/approval").with(users.as(who)).with(csrf())
			.param("year", String.valueOf(year))
			.param("approvedOn", "2026-12-01")
			.param("protocol", "17")
			.param("approvedBy", "Республикалық кеңес");
		if (region != null) {
			request.param("region", String.valueOf(region));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	/** A's names and figures, if the answer carries one. */
	private String leakedName(MockHttpServletResponse response) throws Exception {
		String text = text(response);
		for (String name : List.of(w.regionAName, w.orgAName, w.eventATitle)) {
			if (text.contains(name)) {
				return "'" + name + "'";
			}
		}
		for (long figure : List.of(33_557L, 33_468L, 6_101L, 5_673L)) {
			for (String lang : List.of("kk", "ru", "en")) {
				String printed = NumberFormats.count(figure, Locale.forLanguageTag(lang));
				if (text.contains(printed)) {
					return "the figure " + printed;
				}
			}
		}
		return null;
	}

	/** The page's text, or the cells of a workbook. */
	private static String text(MockHttpServletResponse response) throws Exception {
		byte[] body = response.getContentAsByteArray();
		String type = response.getContentType() == null ? "" : response.getContentType();
		if (type.contains("spreadsheetml") && body.length > 0) {
			StringBuilder out = new StringBuilder();
			DataFormatter formatter = new DataFormatter(Locale.forLanguageTag("ru"));
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
				for (Sheet sheet : workbook) {
					for (Row row : sheet) {
						for (Cell cell : row) {
							out.append(formatter.formatCellValue(cell)).append('\t');
							if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
								// figures as the pages print them, so one check serves pages and workbooks
								for (String lang : List.of("kk", "ru", "en")) {
									out.append(NumberFormats.count((long) cell.getNumericCellValue(), Locale.forLanguageTag(lang)))
										.append('\t');
								}
							}
						}
						out.append('\n');
					}
				}
			}
			return out.toString();
		}
		return response.getContentAsString();
	}

	private String page(String who, String address) throws Exception {
		MockHttpServletResponse response = perform(who, address);
		assertThat(response.getStatus()).as(who + " " + address).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse perform(String who, String address) throws Exception {
		return mvc.perform(get(address).with(users.as(who)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"))
			.andReturn().getResponse();
	}

	private String name(long id) {
		return jdbc.sql("select name_kk from org_unit where id = :id").param("id", id).query(String.class).single();
	}

	private long one(String sql) {
		Long value = jdbc.sql(sql).query(Long.class).single();
		assertThat(value).as(sql).isNotNull();
		return value;
	}
}
