package kz.oqytu.reports;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.OrganizationAttendance;
import kz.oqytu.training.OrganizationCountCommand;
import kz.oqytu.training.OrganizationCounts;
import kz.oqytu.training.ParticipantCommand;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Head counts per organization (issue 16, decision 19): recorded on the event page, never more than
 * the event's head count, and the portal, monitoring, the "left out" list and the exports agreeing
 * on one organization, with "not recorded by organization" where it is not known instead of 0.
 * Events are made in 2023 (before the demo years, which no event of the demo touches) and roll back.
 */
@OqytuIntegrationTest
@Transactional
class OrganizationCountsTests {

	static final int YEAR = 2023;

	static final java.util.Locale RU = java.util.Locale.forLanguageTag("ru");

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TrainingEvents events;

	@Autowired
	OrganizationAttendance attendance;

	@Autowired
	Organizations organizations;

	@Autowired
	ChairPortals portals;

	@Autowired
	Monitoring monitoring;

	@Autowired
	CoverageReports reports;

	@Autowired
	JdbcClient jdbc;

	CurrentUser methodologist;

	CurrentUser chair;

	long own;

	long district;

	OrganizationRow neighbour;

	OrganizationRow third;

	@BeforeEach
	void setUp() {
		methodologist = users.current("methodologist");
		chair = users.current("chair");
		own = chair.scopeUnitId();
		district = organizations.info(own).orElseThrow().parentId();
		List<OrganizationRow> others = organizations
			.search(methodologist, new OrganizationCriteria(null, district, null, null, null, false, 0, 50))
			.getContent()
			.stream()
			.filter(o -> o.id() != own)
			.toList();
		neighbour = others.get(0);
		third = others.get(1);
	}

	private long event(String title, VenueKind venue, Long districtId, Long host, Map<String, Integer> counts) {
		LocalDateTime starts = LocalDate.of(YEAR, 3, 14).atTime(10, 0);
		return events.create(methodologist, new EventCommand(title, null, "SEMINAR_MEETING", Set.of("LABOUR_LAW"), starts,
				starts.plusHours(4), BigDecimal.valueOf(4), venue, districtId, host, null, null, Set.of(), null, null,
				EventStatus.HELD, counts));
	}

	private int version(long eventId) {
		return attendance.organizationCounts(methodologist, eventId).version();
	}

	private static OrganizationCountCommand row(long organizationId, int members, int chairs) {
		return new OrganizationCountCommand(organizationId, Map.of("UNION_MEMBER", members, "CHAIR", chairs));
	}

	@Test
	void countsRecordedPerOrganizationAreWhatTheEventPageAndTheReadModelShow() {
		long id = event("Аудандық семинар-кеңес", VenueKind.COMMITTEE_PREMISES, district, null,
				Map.of("UNION_MEMBER", 30, "CHAIR", 6));
		attendance.recordOrganizationCounts(methodologist, id, version(id), List.of(row(own, 12, 1), row(neighbour.id(), 8, 2)));

		OrganizationCounts counts = attendance.organizationCounts(methodologist, id);
		assertThat(counts.recorded()).extracting(OrganizationCounts.Line::organizationId)
			.containsExactlyInAnyOrder(own, neighbour.id());
		assertThat(counts.attributed()).allSatisfy(l -> assertThat(l.source()).isEqualTo(OrganizationCounts.Source.RECORDED));
		assertThat(counts.unrecorded()).containsEntry("UNION_MEMBER", 10).containsEntry("CHAIR", 3);
		assertThat(counts.unrecordedTotal()).isEqualTo(13);
		assertThat(counts.byRule()).isFalse();

		// A second save replaces the rows: a row of zeros removes an organization.
		attendance.recordOrganizationCounts(methodologist, id, version(id), List.of(row(own, 12, 1), row(neighbour.id(), 0, 0)));
		assertThat(attendance.organizationCounts(methodologist, id).recorded()).extracting(OrganizationCounts.Line::organizationId)
			.containsExactly(own);
	}

	@Test
	void organizationsMayNotAddUpToMoreThanTheEventsHeadCountAndNothingIsLost() throws Exception {
		long id = event("Семинар-совещание председателей", VenueKind.COMMITTEE_PREMISES, district, null,
				Map.of("UNION_MEMBER", 20, "CHAIR", 4));
		attendance.recordOrganizationCounts(methodologist, id, version(id), List.of(row(own, 5, 1)));
		int version = version(id);

		assertThatThrownBy(() -> attendance.recordOrganizationCounts(methodologist, id, version,
				List.of(row(own, 15, 1), row(neighbour.id(), 6, 0))))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("orgcounts.error.overCount");

		// Through the page, in Russian: the error names the category and both numbers, every typed value stays.
		String html = mvc.perform(post("/events/" + id + "/organization-counts").with(users.as("methodologist")).with(csrf())
			.param("lang", "ru")
			.param("version", Integer.toString(version))
			.param("rows[0].organization", organizations.info(own).orElseThrow().nameKk())
			.param("rows[0].counts[UNION_MEMBER]", "15")
			.param("rows[1].organization", neighbour.nameKk())
			.param("rows[1].counts[UNION_MEMBER]", "6"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Члены профсоюза: по организациям получается 21, а на мероприятии было 20")
			.contains("value=\"15\"").contains("value=\"6\"").contains(neighbour.nameKk().replace("\"", "&quot;"));
		assertThat(attendance.organizationCounts(methodologist, id).recorded()).singleElement()
			.satisfies(l -> assertThat(l.counts()).containsEntry("UNION_MEMBER", 5));

		// A head count may not drop below what is recorded by organization either.
		assertThatThrownBy(() -> events.recordHeadCounts(methodologist, id, Map.of("UNION_MEMBER", 4, "CHAIR", 4)))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("orgcounts.error.belowRecorded");
		assertThat(events.details(methodologist, id).headCounts()).containsEntry("UNION_MEMBER", 20);
	}

	@Test
	void aTypedOrganizationNameIsResolvedAndSavedFromThePage() throws Exception {
		long id = event("Дөңгелек үстел", VenueKind.COMMITTEE_PREMISES, district, null, Map.of("UNION_MEMBER", 9));
		mvc.perform(post("/events/" + id + "/organization-counts").with(users.as("methodologist")).with(csrf())
			.param("version", Integer.toString(version(id)))
			.param("rows[0].organization", "  " + neighbour.nameKk().toUpperCase() + " ")
			.param("rows[0].counts[UNION_MEMBER]", "7")
			.param("rows[1].organization", "")
			.param("rows[1].counts[UNION_MEMBER]", ""))
			.andExpect(redirectedUrl("/events/" + id + "#by-organization"));
		assertThat(attendance.organizationCounts(methodologist, id).recorded()).singleElement()
			.satisfies(l -> assertThat(l.organizationId()).isEqualTo(neighbour.id()))
			.satisfies(l -> assertThat(l.total()).isEqualTo(7));
		String page = mvc.perform(get("/events/" + id).param("lang", "kk").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"by-organization\"").contains("9 қатысушының 2 ұйымдар бойынша тіркелмеген");
	}

	@Test
	void anEventWithANamedListTakesItsOrganizationsFromTheList() {
		long id = event("Аты-жөні тізімі бар семинар", VenueKind.COMMITTEE_PREMISES, district, null, Map.of());
		events.addParticipants(methodologist, id, List.of(new ParticipantCommand("Асанова Гүлжан", own, "UNION_MEMBER", null)));
		assertThatThrownBy(() -> attendance.recordOrganizationCounts(methodologist, id, version(id), List.of(row(own, 1, 0))))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("orgcounts.error.namedList");
		OrganizationCounts counts = attendance.organizationCounts(methodologist, id);
		assertThat(counts.attributed()).singleElement()
			.satisfies(l -> assertThat(l.source()).isEqualTo(OrganizationCounts.Source.NAMED));
		assertThat(counts.unrecordedTotal()).isZero();
	}

	@Test
	void anOnSiteSessionCreditsItsHostWithWhatIsNotRecordedForOthers() {
		long id = event("Көшпелі оқыту", VenueKind.ON_SITE, district, own, Map.of("UNION_MEMBER", 20));
		attendance.recordOrganizationCounts(methodologist, id, version(id), List.of(row(neighbour.id(), 5, 0)));
		OrganizationCounts counts = attendance.organizationCounts(methodologist, id);
		assertThat(counts.byRule()).isTrue();
		assertThat(counts.ruleHost().organizationId()).isEqualTo(own);
		assertThat(counts.ruleHost().total()).isEqualTo(15);
		assertThat(counts.unrecordedTotal()).isZero();
		assertThatThrownBy(() -> attendance.recordOrganizationCounts(methodologist, id, version(id), List.of(row(own, 3, 0))))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("orgcounts.error.host");
		assertThat(portals.portal(chair, own, YEAR).trained()).isEqualTo(15);
	}

	@Test
	void portalMonitoringLeftOutAndExportsAgreeAndSayNotRecordedInsteadOfZero() throws Exception {
		organizations.recordMembership(methodologist, own, LocalDate.of(YEAR + 1, 1, 1), 40);
		organizations.recordMembership(methodologist, third.id(), LocalDate.of(YEAR + 1, 1, 1), 25);
		long id = event("Аудандық семинар-кеңес", VenueKind.COMMITTEE_PREMISES, district, null,
				Map.of("UNION_MEMBER", 30, "CHAIR", 6));
		attendance.recordOrganizationCounts(methodologist, id, version(id), List.of(row(own, 12, 1), row(neighbour.id(), 8, 2)));
		long before = reports.annual(methodologist, Optional.empty(), YEAR).current().trained();
		assertThat(before).isEqualTo(36); // the region's figure stays the event's head count

		// Own: its count is recorded at the only event open to it, so its figure is exact.
		ChairPortal mine = portals.portal(chair, own, YEAR);
		assertThat(mine.trained()).isEqualTo(13);
		assertThat(mine.recording()).isEqualTo(OrganizationCoverage.Recording.COMPLETE);
		assertThat(mine.unrecorded()).isZero();
		assertThat(mine.events()).filteredOn(e -> e.id() == id).singleElement()
			.satisfies(e -> assertThat(e.fromHere()).isEqualTo(13))
			.satisfies(e -> assertThat(e.unrecorded()).isZero());

		// Third: nothing recorded for it, but 13 at an event of its district are not recorded by organization.
		ChairPortal theirs = portals.portal(methodologist, third.id(), YEAR);
		assertThat(theirs.trained()).isZero();
		assertThat(theirs.recording()).isEqualTo(OrganizationCoverage.Recording.NOT_RECORDED);
		assertThat(theirs.unrecorded()).isEqualTo(13);
		assertThat(theirs.coverage()).isNull();
		assertThat(theirs.events().stream().filter(e -> "HELD".equals(e.status())).mapToLong(PortalEvent::unrecorded).sum())
			.isEqualTo(theirs.unrecorded());

		List<MonitoringRow> rows = monitoring.rows(methodologist, YEAR, null, MonitoringFilter.ALL);
		MonitoringRow ownRow = rows.stream().filter(r -> r.organizationId() == own).findFirst().orElseThrow();
		MonitoringRow thirdRow = rows.stream().filter(r -> r.organizationId() == third.id()).findFirst().orElseThrow();
		assertThat(ownRow.trained()).isEqualTo(mine.trained());
		assertThat(ownRow.coverage()).isEqualTo(mine.coverage());
		assertThat(thirdRow.recording()).isEqualTo(theirs.recording());
		assertThat(thirdRow.unrecorded()).isEqualTo(theirs.unrecorded());
		assertThat(monitoring.rows(methodologist, YEAR, null, MonitoringFilter.NOT_TRAINED))
			.extracting(MonitoringRow::organizationId)
			.doesNotContain(own, neighbour.id(), third.id())
			.isNotEmpty();
		List<MonitoringRow> notRecorded = monitoring.rows(methodologist, YEAR, null, MonitoringFilter.NOT_RECORDED);
		assertThat(notRecorded).extracting(MonitoringRow::organizationId).contains(third.id()).doesNotContain(own)
			.allSatisfy(o -> assertThat(rows.stream().filter(r -> r.organizationId() == o).findFirst().orElseThrow().districtId())
				.isEqualTo(district));
		assertThat(monitoring.unrecorded(methodologist, YEAR)).isEqualTo(new UnrecordedAttendance(1, 13));

		// The annual report's "left out": exactly monitoring's known zeros, and the not recorded apart.
		CoverageBreakdowns b = reports.breakdowns(methodologist, Optional.empty(), YEAR);
		assertThat(b.organizationsLeftOut())
			.isEqualTo(monitoring.rows(methodologist, YEAR, null, MonitoringFilter.NOT_TRAINED).size());
		assertThat(b.organizationsNotRecorded()).isEqualTo(notRecorded.size());
		assertThat(b.byOrganization()).extracting(Breakdown::key).doesNotContain(Long.toString(third.id()), Long.toString(own));
		assertThat(b.unrecorded()).isEqualTo(new UnrecordedAttendance(1, 13));

		// Pages: "not recorded by organization" where a 0 used to be, in Russian and Kazakh.
		String portalRu = mvc.perform(get("/organizations/" + third.id() + "/portal").param("year", "" + YEAR)
			.param("lang", "ru").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(section(portalRu, "id=\"portal-trained\"")).contains("не учтено по организациям").doesNotContain(">0<");
		assertThat(portalRu).contains("13 обученных не учтены по организациям").doesNotContain("0,0%");
		String chairKk = mvc.perform(get("/organizations/" + own + "/portal").param("year", "" + YEAR).param("lang", "kk")
			.with(users.as("chair")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(section(chairKk, "id=\"portal-trained\"")).contains("13");
		assertThat(section(chairKk, "id=\"portal-coverage\"")).contains("32,5%");
		String monitoringRu = mvc.perform(get("/reports/monitoring").param("year", "" + YEAR).param("district", "" + district)
			.param("lang", "ru").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(section(monitoringRu, "data-organization=\"" + third.id() + "\"", 900)).contains("не учтено по организациям");
		assertThat(monitoringRu).contains("13 обученных на 1 мероприятиях не учтены по организациям");

		// The workbook says what the page says.
		byte[] xlsx = mvc.perform(get("/reports/monitoring.xlsx").param("year", "" + YEAR).param("district", "" + district)
			.param("lang", "ru").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			var ownInfo = organizations.info(own).orElseThrow();
			Row ownLine = line(sheet, kz.oqytu.shared.LocalizedText.pick(RU, ownInfo.nameKk(), ownInfo.nameRu()));
			Row thirdLine = line(sheet, kz.oqytu.shared.LocalizedText.pick(RU, third.nameKk(), third.nameRu()));
			assertThat(ownLine.getCell(3).getNumericCellValue()).isEqualTo(13);
			assertThat(thirdLine.getCell(3).getCellType()).isEqualTo(CellType.STRING);
			assertThat(thirdLine.getCell(3).getStringCellValue()).isEqualTo("не учтено по организациям");
			assertThat(thirdLine.getCell(19).getNumericCellValue()).isEqualTo(13);
			assertThat(ownLine.getCell(19).getNumericCellValue()).isZero();
		}
	}

	/** Primary organizations of the methodologist's region, other than the chair's own, in name order. */
	private List<OrganizationRow> regionOrganizations(int count) {
		return organizations.search(methodologist, new OrganizationCriteria(null, null, null, null, null, false, 0, count + 1))
			.getContent()
			.stream()
			.filter(o -> o.id() != own)
			.limit(count)
			.toList();
	}

	private static int occurrences(String html, String marker) {
		return html.split(java.util.regex.Pattern.quote(marker), -1).length - 1;
	}

	/**
	 * Issue #17: an event with many organizations pages them on its page (25 a page, searched by name)
	 * instead of one row each, and the methodologist changes one organization without sending the
	 * others back; the whole grid stays on a page of its own. Saving is the grid's: same refusals.
	 */
	@Test
	void anEventWithManyOrganizationsPagesThemAndSavesOneAtATime() throws Exception {
		long id = event("Облыстық форум", VenueKind.REGIONAL_OFFICE, null, null, Map.of("UNION_MEMBER", 100, "CHAIR", 10));
		List<OrganizationRow> many = regionOrganizations(30);
		assertThat(many).hasSize(30);
		attendance.recordOrganizationCounts(methodologist, id, version(id),
				many.stream().map(o -> row(o.id(), 2, 0)).toList());

		String page = mvc.perform(get("/events/" + id).param("lang", "ru").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String panel = page.substring(page.indexOf("id=\"by-organization\""));
		assertThat(panel).contains("id=\"orgcounts-lines\"").contains("Организаций: 30").contains("orgpage=1")
			.contains("id=\"orgcounts-one\"").contains("/events/" + id + "/organization-counts\"")
			.doesNotContain("id=\"orgcounts-grid\"");
		assertThat(occurrences(panel, "data-organization=")).isEqualTo(25);
		assertThat(panel).contains("50 из 110 участников не учтены по организациям");

		String second = mvc.perform(get("/events/" + id).param("orgpage", "1").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(occurrences(second, "data-organization=")).isEqualTo(5);

		OrganizationRow sought = many.get(17);
		String found = mvc.perform(get("/events/" + id).param("orgq", sought.nameKk().toUpperCase()).with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(found).contains("data-organization=\"" + sought.id() + "\"");
		assertThat(occurrences(found, "data-organization=")).isBetween(1, 25);

		// "change" fills the one-organization form with its counts
		String edit = mvc.perform(get("/events/" + id).param("orgedit", Long.toString(sought.id())).with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String one = edit.substring(edit.indexOf("id=\"orgcounts-one\""));
		assertThat(one).contains("value=\"" + sought.nameKk().replace("\"", "&quot;") + "\"").contains("value=\"2\"");

		// one organization changed, the 29 others kept
		mvc.perform(post("/events/" + id + "/organization-counts/one").with(users.as("methodologist")).with(csrf())
			.param("version", Integer.toString(version(id)))
			.param("organization", " " + sought.nameKk().toLowerCase() + " ")
			.param("counts[UNION_MEMBER]", "7")
			.param("counts[CHAIR]", "1"))
			.andExpect(redirectedUrl("/events/" + id + "#by-organization"));
		OrganizationCounts counts = attendance.organizationCounts(methodologist, id);
		assertThat(counts.recorded()).hasSize(30);
		assertThat(counts.recorded()).filteredOn(l -> l.organizationId() == sought.id()).singleElement()
			.satisfies(l -> assertThat(l.counts()).containsEntry("UNION_MEMBER", 7).containsEntry("CHAIR", 1));
		assertThat(counts.recorded()).filteredOn(l -> l.organizationId() != sought.id())
			.allSatisfy(l -> assertThat(l.counts()).containsEntry("UNION_MEMBER", 2).containsEntry("CHAIR", 0));

		// over the head count: refused in the reader's language, what was typed kept, nothing saved
		String refused = mvc.perform(post("/events/" + id + "/organization-counts/one").with(users.as("methodologist")).with(csrf())
			.param("lang", "ru")
			.param("version", Integer.toString(version(id)))
			.param("organization", organizations.info(own).orElseThrow().nameKk())
			.param("counts[UNION_MEMBER]", "50"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Члены профсоюза: по организациям получается 115, а на мероприятии было 100")
			.contains("value=\"50\"");
		assertThat(attendance.organizationCounts(methodologist, id).recorded()).hasSize(30);

		// an unknown organization, a stale version: clear errors, nothing saved
		mvc.perform(post("/events/" + id + "/organization-counts/one").with(users.as("methodologist")).with(csrf())
			.param("lang", "ru").param("version", Integer.toString(version(id)))
			.param("organization", "Такой организации нет").param("counts[UNION_MEMBER]", "1"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("«Такой организации нет» не найдена")));
		mvc.perform(post("/events/" + id + "/organization-counts/one").with(users.as("methodologist")).with(csrf())
			.param("lang", "ru").param("version", Integer.toString(version(id) - 1))
			.param("organization", sought.nameKk()).param("counts[UNION_MEMBER]", "3"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Пока вы вводили, мероприятие изменил кто-то другой")));
		assertThat(attendance.organizationCounts(methodologist, id).recorded()).filteredOn(l -> l.organizationId() == sought.id())
			.singleElement().satisfies(l -> assertThat(l.counts()).containsEntry("UNION_MEMBER", 7));

		// all zeros remove it
		mvc.perform(post("/events/" + id + "/organization-counts/one").with(users.as("methodologist")).with(csrf())
			.param("version", Integer.toString(version(id)))
			.param("organization", sought.nameKk())
			.param("counts[UNION_MEMBER]", "0"))
			.andExpect(redirectedUrl("/events/" + id + "#by-organization"));
		assertThat(attendance.organizationCounts(methodologist, id).recorded()).hasSize(29)
			.noneMatch(l -> l.organizationId() == sought.id());

		// the whole grid on its own page: every recorded organization and blank rows
		String grid = mvc.perform(get("/events/" + id + "/organization-counts").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(grid).contains("id=\"orgcounts-grid\"").contains("name=\"rows[31].organization\"")
			.doesNotContain("name=\"rows[32].organization\"");

		// the executive committee reads the same pages of organizations, without forms
		String read = mvc.perform(get("/events/" + id).with(users.as("executive")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(occurrences(read, "data-organization=")).isEqualTo(25);
		assertThat(read).doesNotContain("id=\"orgcounts-one\"").doesNotContain("id=\"orgcounts-grid\"")
			.doesNotContain("orgedit=");
	}

	@Test
	void anEventWithFewOrganizationsKeepsTheGridOnItsPage() throws Exception {
		long id = event("Семинар", VenueKind.COMMITTEE_PREMISES, district, null, Map.of("UNION_MEMBER", 10));
		attendance.recordOrganizationCounts(methodologist, id, version(id), List.of(row(own, 3, 0)));
		String page = mvc.perform(get("/events/" + id).with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"orgcounts-grid\"").contains("name=\"rows[3].organization\"")
			.doesNotContain("id=\"orgcounts-one\"").doesNotContain("id=\"orgcounts-search\"");
	}

	private static String section(String html, String marker) {
		return section(html, marker, 300);
	}

	private static String section(String html, String marker, int length) {
		int at = html.indexOf(marker);
		assertThat(at).as(marker).isNotNegative();
		return html.substring(at, Math.min(html.length(), at + length));
	}

	private static Row line(Sheet sheet, String name) {
		for (int r = 4; r <= sheet.getLastRowNum(); r++) {
			if (name.equals(sheet.getRow(r).getCell(1).getStringCellValue())) {
				return sheet.getRow(r);
			}
		}
		throw new AssertionError(name + " not in the workbook");
	}
}
