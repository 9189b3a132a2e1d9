package kz.oqytu.materials;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.shared.pdf.PdfRenderer;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The library: real files are stored, files that lie about their type are refused, versions supersede. */
@OqytuIntegrationTest
@Transactional
class MaterialLibraryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Materials materials;

	@Autowired
	PdfRenderer pdf;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMethodologistUploadsARealPdfAndItIsStoredAsItCame() throws Exception {
		byte[] file = realPdf("Еңбек даулары: кейстер");
		long id = created(upload("Кейстер жинағы", "Еңбек даулары.pdf", file).param("topicCodes", "LABOUR_LAW"));
		MaterialDetails material = materials.details(users.current("methodologist"), id);
		assertThat(material.titleKk()).isEqualTo("Кейстер жинағы");
		assertThat(material.topicCodes()).containsExactly("LABOUR_LAW");
		assertThat(material.versions()).singleElement().satisfies(v -> {
			assertThat(v.number()).isEqualTo(1);
			assertThat(v.fileType()).isEqualTo(FileType.PDF);
			assertThat(v.size()).isEqualTo(file.length);
			assertThat(v.sha256()).isEqualTo(MaterialTestFiles.sha256(file));
			assertThat(v.originalFilename()).isEqualTo("Еңбек даулары.pdf");
			assertThat(v.latest()).isTrue();
		});
		mvc.perform(get("/materials/" + id).with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Кейстер жинағы")))
			.andExpect(content().string(containsString("Еңбек даулары.pdf")))
			.andExpect(content().string(containsString("Еңбек заңнамасы және еңбек құқықтарын қорғау")));
		mvc.perform(get("/materials").param("q", "Кейстер жинағы").with(users.as("methodologist")))
			.andExpect(content().string(containsString("Еңбек заңнамасы және еңбек құқықтарын қорғау")));
	}

	@Test
	void aMethodologistUploadsARealDocxAndItsTypeIsReadFromItsContent() throws Exception {
		byte[] file = MaterialTestFiles.docx("Тексеру комиссиясына арналған нұсқаулық");
		long id = created(upload("Нұсқаулық", "guide.docx", file));
		VersionView version = materials.details(users.current("methodologist"), id).versions().get(0);
		assertThat(version.fileType()).isEqualTo(FileType.DOCX);
		assertThat(version.sha256()).isEqualTo(MaterialTestFiles.sha256(file));
		assertThat(jdbc.sql("select sum(length(data)) from material_file_chunk where version_id = :v")
			.param("v", version.id()).query(Long.class).single()).isEqualTo(file.length);
	}

	@Test
	void aProgramRenamedPdfIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
		assertRefused("setup.pdf", "application/pdf", MaterialTestFiles.exe(),
				"атауы қандай болса да, бұл файл олардың ешқайсысы емес");
	}

	@Test
	void aZipNamedPdfIsRefused() throws Exception {
		assertRefused("case.pdf", "application/pdf", MaterialTestFiles.plainZip(),
				"атауы қандай болса да, бұл файл олардың ешқайсысы емес");
	}

	@Test
	void aDocxWithAMacroIsRefused() throws Exception {
		assertRefused("guide.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				MaterialTestFiles.docxWithMacro(), "Макросы бар файлдар қабылданбайды");
	}

	@Test
	void aDocxHidingAMacroProjectUnderAnotherNameIsRefused() throws Exception {
		// Issue #15, item 7.
		assertRefused("guide.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				MaterialTestFiles.docxWithHiddenMacro(), "Макросы бар файлдар қабылданбайды");
	}

	@Test
	void aPdfWithJavaScriptIsRefusedWithAClearMessage() throws Exception {
		// Issue #15, item 7: the script sits in a compressed object stream, invisible in the raw bytes.
		assertRefused("guide.pdf", "application/pdf", MaterialTestFiles.pdfWithJavaScript(),
				"Скрипті немесе автоматты әрекеті бар PDF файлдары");
	}

	@Test
	void aFileOverTheLimitIsRefusedWithTheLimitInTheMessage() throws Exception {
		assertRefused("big.pdf", "application/pdf", MaterialTestFiles.largePdf(21 * 1024 * 1024),
				"Файл тым үлкен: ең көбі 20 МБ.");
	}

	@Test
	void aMaterialWithoutAFileIsRefused() throws Exception {
		long before = count();
		mvc.perform(multipart("/materials/new").with(users.as("methodologist")).with(csrf())
			.param("titleKk", "Файлсыз").param("type", "CASE").param("language", "KK"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Файлды таңдаңыз.")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void refusalsAreInTheReadersLanguage() throws Exception {
		mvc.perform(upload("Жинақ", "setup.pdf", MaterialTestFiles.exe()).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("каким бы ни было его название, этот файл ни к одному из них не относится")));
	}

	@Test
	void aNewVersionSupersedesTheOldAndBothStayDownloadable() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		byte[] first = realPdf("Бірінші басылым");
		byte[] second = MaterialTestFiles.docx("Екінші басылым");
		long id = materials.create(methodologist, command("Ұсынымдар"), MaterialFile.of("first.pdf", first));
		int version = materials.details(methodologist, id).version();
		MockMultipartFile file = new MockMultipartFile("file", "second.docx", "application/octet-stream", second);
		mvc.perform(multipart("/materials/" + id + "/versions/new").file(file).with(users.as("methodologist")).with(csrf())
			.param("note", "Жаңа бөлім қосылды").param("version", Integer.toString(version)))
			.andExpect(status().is3xxRedirection());
		MaterialDetails material = materials.details(methodologist, id);
		assertThat(material.versions()).extracting(VersionView::number).containsExactly(2, 1);
		VersionView latest = material.latest().orElseThrow();
		assertThat(latest.number()).isEqualTo(2);
		assertThat(latest.fileType()).isEqualTo(FileType.DOCX);
		assertThat(latest.note()).isEqualTo("Жаңа бөлім қосылды");
		assertThat(material.versions().get(1).latest()).isFalse();
		for (VersionView v : material.versions()) {
			byte[] expected = v.number() == 1 ? first : second;
			byte[] body = mvc.perform(get("/materials/" + id + "/versions/" + v.id() + "/download").with(users.as("executive")))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
			assertThat(MaterialTestFiles.sha256(body)).isEqualTo(MaterialTestFiles.sha256(expected));
		}
	}

	@Test
	void aStaleVersionOfTheMaterialIsAConflict() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		long id = materials.create(methodologist, command("Бастапқы"), MaterialFile.of("a.pdf", realPdf("a")));
		int version = materials.details(methodologist, id).version();
		materials.update(methodologist, id, version, command("Өзгертілген"));
		mvc.perform(post("/materials/" + id + "/edit").with(users.as("methodologist")).with(csrf())
			.param("titleKk", "Менікі").param("type", "CASE").param("language", "KK")
			.param("version", Integer.toString(version)))
			.andExpect(status().isConflict());
		assertThat(materials.details(methodologist, id).titleKk()).isEqualTo("Өзгертілген");
	}

	@Test
	void anExecutiveReadsEverythingAndChangesNothing() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		long id = materials.create(methodologist, command("Атқару комитетіне"), MaterialFile.of("a.pdf", realPdf("a")));
		MaterialDetails material = materials.details(methodologist, id);
		long versionId = material.latestVersionId();
		for (String path : List.of("/materials", "/materials/" + id, "/materials/" + id + "/register",
				"/materials/" + id + "/versions/" + versionId + "/download")) {
			mvc.perform(get(path).with(users.as("executive"))).andExpect(status().isOk());
		}
		mvc.perform(get("/materials/" + id).with(users.as("executive")))
			.andExpect(content().string(not(containsString("/materials/" + id + "/edit"))))
			.andExpect(content().string(not(containsString("/materials/" + id + "/distribute"))));
		for (String path : List.of("/materials/new", "/materials/" + id + "/edit", "/materials/" + id + "/versions/new",
				"/materials/" + id + "/distribute")) {
			mvc.perform(get(path).with(users.as("executive"))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/materials/" + id + "/edit").with(users.as("executive")).with(csrf())
			.param("titleKk", "Басқа").param("type", "CASE").param("language", "KK")
			.param("version", Integer.toString(material.version()))).andExpect(status().isForbidden());
		mvc.perform(multipart("/materials/" + id + "/versions/new")
			.file(new MockMultipartFile("file", "b.pdf", "application/pdf", realPdf("b")))
			.with(users.as("executive")).with(csrf()).param("version", Integer.toString(material.version())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/materials/" + id + "/distribute").with(users.as("executive")).with(csrf())
			.param("versionId", Long.toString(versionId)).param("sentOn", "2026-03-01").param("target", "ALL"))
			.andExpect(status().isForbidden());
		CurrentUser executive = users.current("executive");
		assertThatThrownBy(() -> materials.create(executive, command("x"), MaterialFile.of("x.pdf", realPdf("x"))))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(materials.details(methodologist, id).titleKk()).isEqualTo("Атқару комитетіне");
		assertThat(materials.details(methodologist, id).versions()).hasSize(1);
		assertThat(materials.details(methodologist, id).distributions()).isEmpty();
	}

	@Test
	void theLibraryFiltersByTitleTypeTopicAndLanguage() {
		CurrentUser methodologist = users.current("methodologist");
		materials.create(methodologist, new MaterialCommand("Қаржы сүзгі-тест", null, MaterialType.COLLECTION,
				MaterialLanguage.KK, null, Set.of("FINANCIAL_LITERACY"), Set.of()), MaterialFile.of("a.pdf", realPdf("a")));
		materials.create(methodologist, new MaterialCommand("Құқық сүзгі-тест", "Право фильтр-тест", MaterialType.CASE,
				MaterialLanguage.RU, null, Set.of("LEGAL_LITERACY"), Set.of()), MaterialFile.of("b.pdf", realPdf("b")));
		assertThat(titles(new MaterialCriteria("сүзгі-тест", null, null, null, null, 0, 20)))
			.containsExactlyInAnyOrder("Қаржы сүзгі-тест", "Құқық сүзгі-тест");
		assertThat(titles(new MaterialCriteria("фильтр-тест", null, null, null, null, 0, 20))).containsExactly("Құқық сүзгі-тест");
		assertThat(titles(new MaterialCriteria("сүзгі-тест", MaterialType.COLLECTION, null, null, null, 0, 20)))
			.containsExactly("Қаржы сүзгі-тест");
		assertThat(titles(new MaterialCriteria("сүзгі-тест", null, "LEGAL_LITERACY", null, null, 0, 20)))
			.containsExactly("Құқық сүзгі-тест");
		assertThat(titles(new MaterialCriteria("сүзгі-тест", null, null, MaterialLanguage.KK, null, 0, 20)))
			.containsExactly("Қаржы сүзгі-тест");
	}

	@Test
	void aMaterialLinksToEventsOfTheUsersScopeOnly() {
		CurrentUser methodologist = users.current("methodologist");
		long eventId = jdbc.sql("select min(id) from training_event").query(Long.class).single();
		long id = materials.create(methodologist, new MaterialCommand("Семинар материалдары", null, MaterialType.OTHER,
				MaterialLanguage.KK, null, Set.of(), Set.of(eventId)), MaterialFile.of("a.pdf", realPdf("a")));
		assertThat(materials.details(methodologist, id).events()).extracting(LinkedEvent::id).containsExactly(eventId);
		assertThat(titles(new MaterialCriteria(null, null, null, null, eventId, 0, 20))).contains("Семинар материалдары");
		assertThatThrownBy(() -> materials.create(methodologist, new MaterialCommand("x", null, MaterialType.OTHER,
				MaterialLanguage.KK, null, Set.of(), Set.of(-5L)), MaterialFile.of("a.pdf", realPdf("a"))))
			.isInstanceOfSatisfying(kz.oqytu.shared.BusinessRuleException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("materials.error.eventUnknown"));
	}

	@Test
	void everyPageRendersInEveryLanguageForAWriter() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		long chairOrganization = users.current("chair").scopeUnitId();
		long eventId = jdbc.sql("select min(id) from training_event").query(Long.class).single();
		long id = materials.create(methodologist, new MaterialCommand("Беттер", "Страницы", MaterialType.GUIDE,
				MaterialLanguage.KK_RU, "Сипаттама", Set.of("LABOUR_LAW"), Set.of(eventId)),
				MaterialFile.of("a.pdf", realPdf("a")));
		materials.distribute(methodologist, id, new DistributionCommand(materials.details(methodologist, id).latestVersionId(),
				java.time.LocalDate.of(2026, 3, 1), "Ескертпе", DistributionTarget.DISTRICTS, Set.of(3L), Set.of(), List.of()));
		for (String lang : List.of("kk", "ru", "en")) {
			for (String path : List.of("/materials", "/materials/new", "/materials/" + id, "/materials/" + id + "/edit",
					"/materials/" + id + "/versions/new", "/materials/" + id + "/distribute", "/materials/" + id + "/register",
					"/materials/sent?organization=" + chairOrganization, "/materials?event=" + eventId)) {
				mvc.perform(get(path).param("lang", lang).with(users.as("methodologist")))
					.andExpect(status().isOk())
					.andExpect(content().string(not(containsString("??"))));
			}
		}
		mvc.perform(get("/materials/event-options").param("q", "семинар").param("eventIds", Long.toString(eventId))
			.with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + eventId + "\"")))
			.andExpect(content().string(containsString("checked")));
		mvc.perform(get("/materials/organization-options").param("q", "мектеп").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-append-line")));
		for (String path : List.of("/materials", "/materials/" + id, "/materials/sent")) {
			mvc.perform(get(path).with(users.as("chair"))).andExpect(status().isOk());
		}
	}

	private List<String> titles(MaterialCriteria criteria) {
		return materials.search(users.current("methodologist"), criteria).map(MaterialRow::titleKk).getContent();
	}

	private void assertRefused(String name, String declaredType, byte[] bytes, String message) throws Exception {
		long before = count();
		long chunks = jdbc.sql("select count(*) from material_file_chunk").query(Long.class).single();
		mvc.perform(multipart("/materials/new").file(new MockMultipartFile("file", name, declaredType, bytes))
			.with(users.as("methodologist")).with(csrf())
			.param("titleKk", "Жинақ").param("type", "CASE").param("language", "KK"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(message)));
		assertThat(count()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from material_file_chunk").query(Long.class).single()).isEqualTo(chunks);
	}

	private long count() {
		return jdbc.sql("select count(*) from material").query(Long.class).single();
	}

	private MockMultipartHttpServletRequestBuilder upload(String title, String filename, byte[] bytes) {
		MockMultipartHttpServletRequestBuilder request = multipart("/materials/new");
		request.file(new MockMultipartFile("file", filename, "application/octet-stream", bytes));
		request.with(users.as("methodologist")).with(csrf());
		request.param("titleKk", title).param("type", "CASE").param("language", "KK_RU");
		return request;
	}

	private long created(MockMultipartHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request)
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/materials/\\d+")))
			.andReturn();
		return Long.parseLong(result.getResponse().getRedirectedUrl().substring("/materials/".length()));
	}

	private byte[] realPdf(String text) {
		return pdf.render("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>body { font-family: 'DejaVu Sans'; }"
				+ "</style></head><body><p>" + text + "</p></body></html>");
	}

	static MaterialCommand command(String title) {
		return new MaterialCommand(title, null, MaterialType.RECOMMENDATION, MaterialLanguage.KK, null, Set.of(), Set.of());
	}
}
