package kz.oqytu.materials;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.StatementCounter;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The distribution register: sending a version to organizations, each organization's copy going
 * from sent to downloaded to acknowledged, who lacks the latest version, and a chair who sees and
 * touches only what was sent to their own organization.
 */
@OqytuIntegrationTest
@Transactional
class MaterialDistributionTests {

	private static final long ALGA = 4;

	private static final long KOBDA = 9;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Materials materials;

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	CurrentUser methodologist;

	CurrentUser chair;

	@BeforeEach
	void users() {
		methodologist = users.current("methodologist");
		chair = users.current("chair");
	}

	@Test
	void sendingToAllReachesEveryActivePrimaryOrganizationInScopeOnce() {
		long id = material("Барлығына");
		long version = latest(id);
		int active = materials.statusByOrganization(methodologist).size();
		Distributed sent = materials.distribute(methodologist, id, all(version));
		assertThat(sent.recipients()).isEqualTo(active).isGreaterThan(600);
		assertThat(sent.alreadyHad()).isZero();
		assertThatThrownBy(() -> materials.distribute(methodologist, id, all(version)))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("materials.error.allHadIt"));
		MaterialDetails details = materials.details(methodologist, id);
		assertThat(details.distributions()).singleElement().satisfies(d -> {
			assertThat(d.recipients()).isEqualTo(active);
			assertThat(d.target()).isEqualTo(DistributionTarget.ALL);
			assertThat(d.note()).isEqualTo("Барлық ұйымдарға");
		});
		assertThat(details.summary().missingLatest()).isZero();
		assertThat(details.summary().receivedLatest()).isEqualTo(active);
	}

	@Test
	void sendingToDistrictsReachesTheirOrganizationsOnly() {
		long id = material("Аудандарға");
		Distributed sent = materials.distribute(methodologist, id, new DistributionCommand(latest(id),
				LocalDate.of(2026, 3, 1), null, DistributionTarget.DISTRICTS, Set.of(ALGA, KOBDA), Set.of(), List.of()));
		long expected = organizations(ALGA).size() + organizations(KOBDA).size();
		assertThat(sent.recipients()).isEqualTo(expected);
		assertThat(jdbc.sql("select count(*) from material_delivery d join org_unit u on u.id = d.org_unit_id"
				+ " where d.material_id = :m and u.parent_id not in (4, 9)").param("m", id).query(Long.class).single())
			.isZero();
		assertThat(materials.details(methodologist, id).distributions().get(0).districts())
			.extracting(t -> t.kk()).containsExactlyInAnyOrder("Алға ауданы", "Қобда ауданы");
	}

	@Test
	void sendingToOrganizationsByRegistryNameFindsThemAndNamesThoseItCannot() {
		long id = material("Таңдалғандарға");
		OrganizationRow first = organizations(ALGA).get(0);
		OrganizationRow second = organizations(KOBDA).get(1);
		assertThatThrownBy(() -> materials.distribute(methodologist, id, named(latest(id),
				List.of(first.nameKk(), "Жоқ мектеп", "Тағы бір жоқ"))))
			.isInstanceOfSatisfying(BusinessRuleException.class, ex -> {
				assertThat(ex.messageKey()).isEqualTo("materials.error.organizationsUnknown");
				assertThat(ex.arguments()).containsExactly("Жоқ мектеп; Тағы бір жоқ", 2);
			});
		assertThat(jdbc.sql("select count(*) from material_distribution where material_id = :m").param("m", id)
			.query(Long.class).single()).isZero();
		Distributed sent = materials.distribute(methodologist, id,
				named(latest(id), List.of(first.nameKk(), "  " + second.nameRu().toUpperCase() + " ")));
		assertThat(sent.recipients()).isEqualTo(2);
		assertThat(materials.sentTo(methodologist, first.id())).extracting(SentMaterial::materialId).contains(id);
	}

	@Test
	void eachOrganizationsCopyGoesFromSentToDownloadedToAcknowledged() throws Exception {
		long id = material("Күйлер");
		long version = latest(id);
		materials.distribute(methodologist, id, chosen(version, chair.scopeUnitId()));
		assertThat(statusOf(id, chair.scopeUnitId())).isEqualTo(DeliveryStatus.SENT);

		mvc.perform(get("/materials/" + id + "/versions/" + version + "/download").with(users.as("chair")))
			.andExpect(status().isOk());
		assertThat(statusOf(id, chair.scopeUnitId())).isEqualTo(DeliveryStatus.DOWNLOADED);

		mvc.perform(post("/materials/" + id + "/versions/" + version + "/acknowledge").with(users.as("chair")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		SentMaterial sent = sent(id, chair.scopeUnitId());
		assertThat(sent.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
		assertThat(sent.delivery().downloadedAt()).isNotNull();
		assertThat(sent.delivery().acknowledgedAt()).isNotNull();

		Register register = materials.register(methodologist, id, RegisterCriteria.all());
		assertThat(register.recipients().getContent()).singleElement().satisfies(r -> {
			assertThat(r.organizationId()).isEqualTo(chair.scopeUnitId());
			assertThat(r.delivery().status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
		});
		assertThat(register.summary().acknowledgedLatest()).isEqualTo(1);
		assertThat(register.summary().downloadedLatest()).isEqualTo(1);
	}

	@Test
	void theFirstDownloadIsTheOneRecorded() throws Exception {
		long id = material("Бірінші жүктеу");
		long version = latest(id);
		materials.distribute(methodologist, id, chosen(version, chair.scopeUnitId()));
		materials.download(chair, id, version);
		jdbc.sql("update material_delivery set downloaded_at = timestamptz '2026-03-03 10:00:00+05' where version_id = :v")
			.param("v", version).update();
		materials.download(chair, id, version);
		assertThat(sent(id, chair.scopeUnitId()).delivery().downloadedAt())
			.isEqualTo(java.time.OffsetDateTime.parse("2026-03-03T10:00:00+05:00").toInstant());
	}

	@Test
	void staffDownloadsDoNotCountAsTheOrganizationsDownload() {
		long id = material("Қызметкер жүктеуі");
		long version = latest(id);
		materials.distribute(methodologist, id, chosen(version, chair.scopeUnitId()));
		materials.download(methodologist, id, version);
		materials.download(users.current("executive"), id, version);
		assertThat(statusOf(id, chair.scopeUnitId())).isEqualTo(DeliveryStatus.SENT);
	}

	@Test
	void organizationsThatOnlyGotTheOldVersionAreListedAsLackingTheLatest() {
		long id = material("Нұсқалар");
		long first = latest(id);
		long a = organizations(ALGA).get(0).id();
		long b = organizations(ALGA).get(1).id();
		materials.distribute(methodologist, id, chosen(first, a, b, chair.scopeUnitId()));
		long second = materials.addVersion(methodologist, id, materials.details(methodologist, id).version(), "v2",
				MaterialFile.of("v2.pdf", MaterialTestFiles.largePdf(3000)));
		materials.distribute(methodologist, id, chosen(second, a));

		Register older = materials.register(methodologist, id,
				new RegisterCriteria(null, null, null, RegisterCriteria.Missing.OLDER, 0, 0));
		assertThat(older.missing().getContent()).extracting(MissingRow::organizationId)
			.containsExactlyInAnyOrder(b, chair.scopeUnitId());
		assertThat(older.missing().getContent()).allSatisfy(r -> assertThat(r.receivedVersion()).isEqualTo(1));

		Register all = materials.register(methodologist, id, RegisterCriteria.all());
		assertThat(all.summary().receivedLatest()).isEqualTo(1);
		assertThat(all.missing().getTotalElements()).isEqualTo(all.summary().audience() - 1);
		assertThat(all.recipients().getContent()).extracting(RecipientRow::organizationId)
			.containsExactlyInAnyOrder(a, b, chair.scopeUnitId());
		assertThat(all.recipients().getContent()).filteredOn(r -> r.organizationId() == a)
			.singleElement().satisfies(r -> assertThat(r.latest()).isTrue());
		assertThat(all.recipients().getContent()).filteredOn(r -> r.organizationId() == b)
			.singleElement().satisfies(r -> assertThat(r.versionNumber()).isEqualTo(1));

		Register none = materials.register(methodologist, id,
				new RegisterCriteria(ALGA, null, null, RegisterCriteria.Missing.NONE, 0, 0));
		assertThat(none.missing().getContent()).extracting(MissingRow::organizationId).doesNotContain(a, b);
		assertThat(none.missing().getTotalElements()).isEqualTo(organizations(ALGA).size() - 2);

		Map<Long, MaterialStatus> status = materials.statusByOrganization(methodologist);
		assertThat(status.get(a).missingLatest()).isLessThan(status.get(b).missingLatest());
		// a page's organizations (the ids path reads their own deliveries only) get the same figures
		List<Long> page = List.of(a, b, chair.scopeUnitId(), organizations(ALGA).get(2).id());
		Map<Long, MaterialStatus> ofPage = materials.statusByOrganization(methodologist, page);
		assertThat(ofPage).containsOnlyKeys(page);
		page.forEach(org -> assertThat(ofPage.get(org)).isEqualTo(status.get(org)));
		assertThat(ofPage.get(b).missingLatest()).isPositive();
	}

	@Test
	void theRegisterPageShowsBothListsAndFiltersByDistrictAndStatusInABoundedNumberOfStatements() throws Exception {
		long id = material("Тізілім беті");
		materials.distribute(methodologist, id, all(latest(id)));
		materials.download(chair, id, latest(id));
		StatementCounter.reset();
		mvc.perform(get("/materials/" + id + "/register").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"recipient-table\"")))
			.andExpect(content().string(containsString("Барлық ұйым соңғы нұсқаны алды.")));
		int statements = StatementCounter.count();
		assertThat(statements).isLessThan(30);
		mvc.perform(get("/materials/" + id + "/register").param("status", "DOWNLOADED").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-organization=\"" + chair.scopeUnitId() + "\"")));
		mvc.perform(get("/materials/" + id + "/register").param("district", Long.toString(ALGA)).param("status", "DOWNLOADED")
			.with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-organization=\"" + chair.scopeUnitId() + "\""))));
		StatementCounter.reset();
		mvc.perform(get("/materials").with(users.as("methodologist"))).andExpect(status().isOk());
		assertThat(StatementCounter.count()).isLessThan(15);
	}

	@Test
	void aChairSeesOnlyWhatWasSentToTheirOrganization() throws Exception {
		long sent = material("Жіберілген материал");
		long notSent = material("Жіберілмеген материал");
		materials.distribute(methodologist, sent, chosen(latest(sent), chair.scopeUnitId()));
		materials.distribute(methodologist, notSent, chosen(latest(notSent), organizations(ALGA).get(0).id()));
		assertThat(materials.search(chair, MaterialCriteria.all()).map(MaterialRow::id).getContent())
			.contains(sent).doesNotContain(notSent);
		mvc.perform(get("/materials").with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Жіберілген материал")))
			.andExpect(content().string(not(containsString("Жіберілмеген материал"))));
		mvc.perform(get("/materials/sent").with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Жіберілген материал")))
			.andExpect(content().string(containsString("/acknowledge")))
			.andExpect(content().string(not(containsString("Жіберілмеген материал"))));
		mvc.perform(get("/materials/" + sent).with(users.as("chair"))).andExpect(status().isOk());
		mvc.perform(get("/materials/" + notSent).with(users.as("chair"))).andExpect(status().isForbidden());
		mvc.perform(get("/materials/" + notSent + "/versions/" + latest(notSent) + "/download").with(users.as("chair")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aChairCannotDownloadAVersionNotSentToThemEvenOfAMaterialTheyReceived() throws Exception {
		long id = material("Ескі ғана");
		materials.distribute(methodologist, id, chosen(latest(id), chair.scopeUnitId()));
		long second = materials.addVersion(methodologist, id, materials.details(methodologist, id).version(), null,
				MaterialFile.of("v2.pdf", MaterialTestFiles.largePdf(2000)));
		mvc.perform(get("/materials/" + id + "/versions/" + second + "/download").with(users.as("chair")))
			.andExpect(status().isForbidden());
		assertThat(materials.details(chair, id).versions()).extracting(VersionView::number).containsExactly(1);
		mvc.perform(get("/materials/sent").with(users.as("chair")))
			.andExpect(content().string(containsString("Бұл материалдың жаңа нұсқасы бар.")));
	}

	@Test
	void aChairAcknowledgesOnlyTheirOwnOrganizationsCopyAndStaffAcknowledgeNothing() throws Exception {
		long id = material("Растау");
		long version = latest(id);
		long other = organizations(ALGA).get(0).id();
		materials.distribute(methodologist, id, chosen(version, other));
		mvc.perform(post("/materials/" + id + "/versions/" + version + "/acknowledge").with(users.as("chair")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/materials/" + id + "/versions/" + version + "/acknowledge").with(users.as("methodologist")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(statusOf(id, other)).isEqualTo(DeliveryStatus.SENT);
		assertThatThrownBy(() -> materials.acknowledge(methodologist, id, version)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aChairCannotCreateEditVersionSendOrReadTheRegister() throws Exception {
		long id = material("Төрағаға жабық");
		long version = latest(id);
		materials.distribute(methodologist, id, chosen(version, chair.scopeUnitId()));
		for (String path : List.of("/materials/new", "/materials/" + id + "/edit", "/materials/" + id + "/versions/new",
				"/materials/" + id + "/distribute", "/materials/" + id + "/register")) {
			mvc.perform(get(path).with(users.as("chair"))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/materials/" + id + "/edit").with(users.as("chair")).with(csrf())
			.param("titleKk", "Өзгерттім").param("type", "CASE").param("language", "KK").param("version", "0"))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/materials/new").file(new MockMultipartFile("file", "a.pdf", "application/pdf",
				MaterialTestFiles.largePdf(1000))).with(users.as("chair")).with(csrf())
			.param("titleKk", "Менікі").param("type", "CASE").param("language", "KK"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/materials/" + id + "/distribute").with(users.as("chair")).with(csrf())
			.param("versionId", Long.toString(version)).param("sentOn", "2026-03-01").param("target", "ALL"))
			.andExpect(status().isForbidden());
		assertThat(materials.details(methodologist, id).titleKk()).isEqualTo("Төрағаға жабық");
		assertThatThrownBy(() -> materials.sent(chair, organizations(ALGA).get(0).id(), 0, 10))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aChairIsRefusedEveryMaterialRouteOfAMaterialNotSentToThem() throws Exception {
		long id = material("Маршруттар");
		long version = latest(id);
		List<String> checked = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			for (String pattern : entry.getKey().getPatternValues()) {
				if (!pattern.startsWith("/materials/{id")) {
					continue;
				}
				var methods = entry.getKey().getMethodsCondition().getMethods();
				RequestMethod method = methods.isEmpty() ? RequestMethod.GET : methods.iterator().next();
				String path = pattern.replaceFirst("\\{id[^}]*}", Long.toString(id))
					.replaceFirst("\\{versionId[^}]*}", Long.toString(version));
				mvc.perform(request(HttpMethod.valueOf(method.name()), path).with(users.as("chair")).with(csrf())
					.param("version", "0").param("titleKk", "x").param("versionId", Long.toString(version))
					.param("sentOn", "2026-03-01").param("target", "ALL").param("type", "CASE").param("language", "KK"))
					.andExpect(status().isForbidden());
				checked.add(method + " " + path);
			}
		}
		assertThat(checked).hasSizeGreaterThanOrEqualTo(10);
	}

	@Test
	void staffSeeWhatWasSentToAnOrganizationAndChairsTheirOwnOnly() throws Exception {
		long id = material("Ұйымға жіберілгені");
		materials.distribute(methodologist, id, chosen(latest(id), chair.scopeUnitId()));
		mvc.perform(get("/materials/sent").param("organization", Long.toString(chair.scopeUnitId())).with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ұйымға жіберілгені")))
			.andExpect(content().string(not(containsString("/acknowledge"))));
		// A chair asking for another organization still gets their own.
		mvc.perform(get("/materials/sent").param("organization", Long.toString(organizations(ALGA).get(0).id()))
			.with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ұйымға жіберілгені")));
	}

	@Test
	void theStatusOfEachOrganizationCountsMaterialsSentDownloadedAcknowledgedAndMissing() {
		long a = material("Санау бір");
		long b = material("Санау екі");
		materials.distribute(methodologist, a, all(latest(a)));
		materials.distribute(methodologist, b, chosen(latest(b), chair.scopeUnitId()));
		materials.download(chair, a, latest(a));
		materials.acknowledge(chair, a, latest(a));
		materials.download(chair, b, latest(b));
		MaterialStatus mine = materials.statusByOrganization(chair).get(chair.scopeUnitId());
		MaterialStatus before = baseline(chair.scopeUnitId());
		assertThat(mine.sent() - before.sent()).isEqualTo(2);
		assertThat(mine.downloaded() - before.downloaded()).isEqualTo(2);
		assertThat(mine.acknowledged() - before.acknowledged()).isEqualTo(1);
		assertThat(materials.statusByOrganization(chair)).containsOnlyKeys(chair.scopeUnitId());
		long other = organizations(ALGA).get(0).id();
		MaterialStatus theirs = materials.statusByOrganization(methodologist).get(other);
		// They lack b (distributed, but not to them); they have a's latest.
		assertThat(theirs.missingLatest()).isGreaterThanOrEqualTo(1);
		assertThat(materials.sentTo(chair, chair.scopeUnitId())).extracting(SentMaterial::materialId).contains(a, b);
	}

	/** Deliveries the demo data or other tests may have made for the organization, outside this test's materials. */
	private MaterialStatus baseline(long organization) {
		return jdbc.sql("""
				select count(distinct material_id), count(distinct material_id) filter (where downloaded_at is not null),
				       count(distinct material_id) filter (where acknowledged_at is not null)
				from material_delivery d join material m on m.id = d.material_id
				where d.org_unit_id = :o and m.title_kk not like 'Санау%'
				""")
			.param("o", organization)
			.query((rs, n) -> new MaterialStatus(organization, rs.getLong(1), rs.getLong(2), rs.getLong(3), 0))
			.single();
	}

	private DeliveryStatus statusOf(long materialId, long organization) {
		return sent(materialId, organization).status();
	}

	private SentMaterial sent(long materialId, long organization) {
		return materials.sentTo(methodologist, organization)
			.stream()
			.filter(s -> s.materialId() == materialId)
			.findFirst()
			.orElseThrow();
	}

	private List<OrganizationRow> organizations(long district) {
		return organizations.search(methodologist,
				new OrganizationCriteria(null, district, null, true, null, false, 0, OrganizationCriteria.MAX_SIZE))
			.getContent();
	}

	private long material(String title) {
		return materials.create(methodologist, MaterialLibraryTests.command(title),
				MaterialFile.of(title + ".pdf", MaterialTestFiles.largePdf(5000)));
	}

	private long latest(long id) {
		return materials.details(methodologist, id).latestVersionId();
	}

	private static DistributionCommand all(long version) {
		return new DistributionCommand(version, LocalDate.of(2026, 3, 2), "Барлық ұйымдарға", DistributionTarget.ALL,
				Set.of(), Set.of(), List.of());
	}

	/** A distribution of the version to the organizations named (MaterialReceiptTests sends with it too). */
	static DistributionCommand chosen(long version, Long... organizations) {
		return new DistributionCommand(version, LocalDate.of(2026, 3, 2), null, DistributionTarget.ORGANIZATIONS, Set.of(),
				Set.of(organizations), List.of());
	}

	private static DistributionCommand named(long version, List<String> names) {
		return new DistributionCommand(version, LocalDate.of(2026, 3, 2), null, DistributionTarget.ORGANIZATIONS, Set.of(),
				Set.of(), names);
	}
}
