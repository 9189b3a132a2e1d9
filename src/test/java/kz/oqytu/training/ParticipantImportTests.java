package kz.oqytu.training;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.imports.ImportRow;
import kz.oqytu.shared.imports.RowError;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.testsupport.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Participant lists from Excel: headers in any language, column mapping, row errors, all or nothing. */
@OqytuIntegrationTest
@Transactional
class ParticipantImportTests {

	private static final String[] TEMPLATE_HEADER = { "Аты-жөні / ФИО", "Ұйым / Организация", "Санат / Категория",
			"Лауазымы / Должность" };

	@Autowired
	ParticipantImports imports;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	@Autowired
	EntityManager entityManager;

	CurrentUser methodologist;

	OrganizationRow school;

	OrganizationRow other;

	long eventId;

	@BeforeEach
	void newEventIn2027() {
		methodologist = users.current("methodologist");
		Map<String, Long> index = organizations.nameIndex(methodologist);
		// Organizations whose Kazakh and Russian names each identify them.
		List<OrganizationRow> usable = organizations
			.search(methodologist, new OrganizationCriteria(null, null, null, true, null, false, 0, 50))
			.getContent()
			.stream()
			.filter(o -> Long.valueOf(o.id()).equals(index.get(Organizations.nameKey(o.nameKk())))
					&& Long.valueOf(o.id()).equals(index.get(Organizations.nameKey(o.nameRu()))))
			.toList();
		school = usable.get(0);
		other = usable.get(1);
		eventId = events.create(methodologist, new EventCommand("Импорт тесті", "Тест импорта", "THEMATIC_SEMINAR",
				Set.of("LEGAL_LITERACY"), LocalDateTime.of(2027, 3, 10, 10, 0), LocalDateTime.of(2027, 3, 10, 14, 0),
				BigDecimal.valueOf(4), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null,
				EventStatus.PLANNED, Map.of()));
	}

	@Test
	void anUnknownOrganizationIsReportedWithItsRowNumberAndNearestNamesAndNothingIsWritten() throws Exception {
		String typo = school.nameRu().replaceFirst(" ", "ъ ");
		byte[] file = Workbooks.of((Object[]) TEMPLATE_HEADER,
				new Object[] { "Аманова Айгүл", school.nameKk(), "Төраға", "БКҰ төрағасы" },
				new Object[] { "Бекова Гүлнар", typo, "Актив", null },
				new Object[] { "Жұмабаева Жанар", other.nameRu(), "Член профсоюза", "учитель" });

		ParticipantImportPreview preview = imports.preview(methodologist, eventId, file, null, Locale.forLanguageTag("ru"));
		assertThat(preview.valid()).isFalse();
		assertThat(preview.rows().invalidRows()).singleElement().satisfies(row -> {
			assertThat(row.rowNumber()).isEqualTo(3);
			assertThat(row.errors().get(0).messageKey()).isEqualTo("participants.import.error.organizationChoose");
		});
		assertThat(preview.spellings()).singleElement().satisfies(g -> {
			assertThat(g.rowNumbers()).containsExactly(3);
			assertThat(g.suggestions()).extracting(UnitOption::id).contains(school.id());
		});

		String previewUrl = upload(file);
		mvc.perform(get(previewUrl).with(users.as("methodologist")).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(view().name("training/participant-import-preview"))
			.andExpect(content().string(containsString("<td class=\"num\">3</td>")))
			.andExpect(content().string(containsString("Строка 3: Организация «" + typo + "» не найдена в реестре")))
			.andExpect(content().string(containsString(school.nameRu())))
			.andExpect(content().string(containsString("Ошибки в 1 из 3 строк.")))
			.andExpect(content().string(not(containsString("/commit"))));
		mvc.perform(post(previewUrl + "/commit").with(users.as("methodologist")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "participants.import.error.notValid"));
		assertThatThrownBy(() -> imports.commit(methodologist, eventId, file, null))
			.isInstanceOf(BusinessRuleException.class);
		assertThat(events.participants(methodologist, eventId)).isEmpty();
	}

	@Test
	void twoSpellingsOfTheSameNameAreOneChoice() {
		byte[] file = Workbooks.of((Object[]) TEMPLATE_HEADER,
				new Object[] { "Аманова Айгүл", school.nameRu().replaceFirst(" ", "ъ "), "Төраға", null },
				new Object[] { "Бекова Гүлнар", "  " + school.nameRu().replaceFirst(" ", "ъ ").toUpperCase(), "Актив", null });
		ParticipantImportPreview preview = imports.preview(methodologist, eventId, file, null, Locale.ENGLISH);
		assertThat(preview.spellings()).singleElement().satisfies(g -> assertThat(g.rowNumbers()).containsExactly(2, 3));
		ParticipantImportPreview chosen = imports.preview(methodologist, eventId, file, null,
				new ImportDecisions(Map.of(preview.spellings().get(0).id(), school.id()), Set.of()), Locale.ENGLISH);
		assertThat(chosen.valid()).isTrue();
		assertThat(chosen.rows().values()).extracting(ParticipantCommand::organizationId).containsOnly(school.id());
	}

	@Test
	void unknownCategoryEmptyNameAndDuplicatesInTheFileAndOnTheListAreEachReported() {
		events.addParticipants(methodologist, eventId,
				List.of(new ParticipantCommand("Омарова Роза", other.id(), "CHAIR", null)));
		byte[] file = Workbooks.of((Object[]) TEMPLATE_HEADER,
				new Object[] { "Аманова Айгүл", school.nameKk(), "директор", null },
				new Object[] { null, school.nameKk(), "Актив", "мұғалім" },
				new Object[] { "Серікова Сәуле", school.nameKk(), "Актив", null },
				new Object[] { "серікова  сәуле", school.nameRu(), "ACTIVIST", null },
				new Object[] { "ОМАРОВА Роза", other.nameKk(), "Председатель", null },
				new Object[] { "Есенова Динара", "", "Актив", null },
				new Object[] { "Мұратова Меруерт", school.nameKk(), "", "x".repeat(201) },
				new Object[] { null, null, null, null },
				new Object[] { "Әбілова Назгүл", school.nameKk(), "Ревизионная комиссия", null });

		ParticipantImportPreview preview = imports.preview(methodologist, eventId, file, null, Locale.ENGLISH);

		assertThat(preview.rows().rows()).hasSize(8);
		assertThat(errorsByRow(preview)).containsExactly(
				Map.entry(2, List.of("participants.import.error.categoryUnknown")),
				Map.entry(3, List.of("participants.import.error.nameMissing")),
				Map.entry(5, List.of("participants.import.error.duplicateInFile")),
				Map.entry(6, List.of("participants.import.error.alreadyListed")),
				Map.entry(7, List.of("participants.import.error.organizationMissing")),
				Map.entry(8, List.of("participants.import.error.categoryMissing",
						"participants.import.error.positionTooLong")));
		assertThat(preview.rows().rows().get(3).errors().get(0).arguments()).containsExactly(4);
		assertThat(preview.rows().validRows()).isEqualTo(2);
		assertThat(events.participants(methodologist, eventId)).hasSize(1);
	}

	@Test
	void russianHeadersInAnyOrderAreRecognized() {
		byte[] file = Workbooks.of(new Object[] { "№", "Категория", "Ф.И.О.", "Должность", "Организация" },
				new Object[] { 1, "Члены согласительных комиссий", "Қасымова Динара", "учитель", school.nameRu() });
		ParticipantImportPreview preview = imports.preview(methodologist, eventId, file, null, Locale.ENGLISH);
		assertThat(preview.mappingNeeded()).isFalse();
		assertThat(preview.columns()).isEqualTo(new ParticipantColumns(2, 4, 1, 3));
		assertThat(preview.valid()).isTrue();
		assertThat(preview.rows().values()).containsExactly(
				new ParticipantCommand("Қасымова Динара", school.id(), "CONCILIATION_COMMISSION", "учитель"));
	}

	@Test
	void kazakhHeadersBelowATitleRowAreRecognized() {
		byte[] file = Workbooks.of(new Object[] { "Семинарға қатысушылар тізімі" }, new Object[] {},
				new Object[] { "Т.А.Ә.", "Ұйымы", "Лауазымы", "Санаты" },
				new Object[] { "Нұрланова Ләззат", school.nameKk(), "мұғалім", "кәсіподақ мүшесі" });
		ParticipantImportPreview preview = imports.preview(methodologist, eventId, file, null, Locale.ENGLISH);
		assertThat(preview.columns()).isEqualTo(new ParticipantColumns(0, 1, 3, 2));
		assertThat(preview.valid()).isTrue();
		assertThat(preview.rows().rows().get(0).rowNumber()).isEqualTo(4);
		assertThat(preview.rows().values().get(0).categoryCode()).isEqualTo("UNION_MEMBER");
	}

	@Test
	void unrecognizedHeadersLeadToTheMappingStepAndImportWithTheChosenColumns() throws Exception {
		byte[] file = Workbooks.of(new Object[] { "Кто", "Откуда", "Кем является" },
				new Object[] { "Тоқтарова Салтанат", school.nameKk(), "председатель" },
				new Object[] { "Омарова Бағдат", other.nameRu(), "профактив" });
		String previewUrl = upload(file);
		mvc.perform(get(previewUrl).with(users.as("methodologist")).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(view().name("training/participant-import-columns"))
			.andExpect(content().string(containsString("id=\"nameColumn\"")))
			.andExpect(content().string(containsString("B: Откуда")));
		// Column numbers that are not numbers are ignored: the headers are recognized instead.
		mvc.perform(get(previewUrl).with(users.as("methodologist")).param("nameColumn", "abc"))
			.andExpect(status().isOk())
			.andExpect(view().name("training/participant-import-columns"));
		// An incomplete mapping stays on the mapping step and says why.
		mvc.perform(get(previewUrl).with(users.as("methodologist")).param("nameColumn", "0").param("categoryColumn", "0"))
			.andExpect(view().name("training/participant-import-columns"))
			.andExpect(content().string(containsString("id=\"mapping-errors\"")));
		mvc.perform(get(previewUrl).with(users.as("methodologist"))
			.param("nameColumn", "0")
			.param("organizationColumn", "1")
			.param("categoryColumn", "2")
			.param("positionColumn", ""))
			.andExpect(status().isOk())
			.andExpect(view().name("training/participant-import-preview"))
			.andExpect(content().string(containsString("/commit")));
		mvc.perform(post(previewUrl + "/commit").with(users.as("methodologist"))
			.with(csrf())
			.param("nameColumn", "0")
			.param("organizationColumn", "1")
			.param("categoryColumn", "2")
			.param("positionColumn", ""))
			.andExpect(redirectedUrl("/events/" + eventId + "/participants"))
			.andExpect(flash().attribute("flash", "participants.import.flash.done"));
		assertThat(events.participants(methodologist, eventId)).extracting(Participant::categoryCode)
			.containsExactlyInAnyOrder("CHAIR", "ACTIVIST");
		// The upload is gone once committed.
		mvc.perform(get(previewUrl).with(users.as("methodologist")))
			.andExpect(flash().attribute("flashError", "import.error.uploadExpired"));
	}

	@Test
	void aValidImportDerivesTheHeadCountsFromTheList() throws Exception {
		byte[] file = Workbooks.of((Object[]) TEMPLATE_HEADER,
				new Object[] { "Аманова Айгүл", school.nameKk(), "Төраға", "БКҰ төрағасы" },
				new Object[] { "Бекова Гүлнар", school.nameKk(), "председатель", null },
				new Object[] { "Жұмабаева Жанар", school.nameRu(), "Член профсоюза", "учитель" },
				new Object[] { "Қасымова Динара", other.nameKk(), "ревизионная комиссия", null },
				new Object[] { "Нұрланова Ләззат", other.nameKk(), "Актив", null },
				new Object[] { "Серікова Сәуле", other.nameRu(), "Келісу комиссияларының мүшелері", null },
				new Object[] { "Тоқтарова Роза", other.nameRu(), "CONCILIATION_COMMISSION", null });
		String previewUrl = upload(file);
		mvc.perform(get(previewUrl).with(users.as("methodologist")).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Все строки верны: в список будет добавлено участников — 7")));
		mvc.perform(post(previewUrl + "/commit").with(users.as("methodologist")).with(csrf()))
			.andExpect(redirectedUrl("/events/" + eventId + "/participants"))
			.andExpect(flash().attribute("flash", "participants.import.flash.done"))
			.andExpect(flash().attribute("flashArgs", new Object[] { 7 }));

		// The requests ran in this test's one transaction, which still holds the event as created;
		// the counts were derived in SQL. A new request would read the event afresh, as here.
		entityManager.flush();
		entityManager.clear();
		EventDetails event = events.details(methodologist, eventId);
		assertThat(event.headCounts()).containsExactly(Map.entry("UNION_MEMBER", 1), Map.entry("AUDIT_COMMISSION", 1),
				Map.entry("ACTIVIST", 1), Map.entry("CHAIR", 2), Map.entry("CONCILIATION_COMMISSION", 2));
		assertThat(event.totalParticipants()).isEqualTo(7);
		assertThat(event.namedParticipants()).isEqualTo(7);
	}

	@Test
	void theTemplateHasBilingualHeadersNoSamplePersonAndTheOrganizationsAsADropDown() throws Exception {
		byte[] template = mvc.perform(get("/events/" + eventId + "/participants/template.xlsx")
			.with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		// kept for a look in Excel or LibreOffice (libreoffice --headless --convert-to csv)
		java.nio.file.Files.write(java.nio.file.Path.of("target", "participant-template.xlsx"), template);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Sheet list = workbook.getSheetAt(0);
			Row header = list.getRow(0);
			assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
					header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue()))
				.containsExactly(TEMPLATE_HEADER);
			assertThat(list.getLastRowNum()).isZero();
			Sheet categories = workbook.getSheetAt(1);
			assertThat(categories.getLastRowNum()).isEqualTo(5);
			assertThat(categories.getRow(4).getCell(1).getStringCellValue())
				.isEqualTo("Председатели профсоюзных организаций");
			Sheet units = workbook.getSheet("Ұйымдар - Организации");
			// the event is the region's: every primary organization of the region, name and code
			assertThat(units.getLastRowNum()).isEqualTo(614);
			assertThat(units.getRow(1).getCell(2).getStringCellValue()).matches("\\d+");
			var validations = ((org.apache.poi.xssf.usermodel.XSSFSheet) list).getDataValidations();
			assertThat(validations).anySatisfy(v -> {
				assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("'Ұйымдар - Организации'!$A$2:$A$615");
				assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(1);
			});
		}
		ParticipantImportPreview preview = imports.preview(methodologist, eventId, template, null, Locale.ENGLISH);
		assertThat(preview.valid()).isFalse();
		assertThat(preview.rows().fileErrors()).extracting(RowError::messageKey).containsExactly("import.error.noRows");
	}

	@Test
	void aFileThatIsNotAWorkbookGetsAClearMessageNeverAnError() throws Exception {
		MockMultipartFile fake = new MockMultipartFile("file", "list.xlsx", "application/octet-stream",
				"ФИО;Организация;Категория\nАманова;школа;актив".getBytes(StandardCharsets.UTF_8));
		var refused = mvc.perform(multipart("/events/" + eventId + "/participants/import").file(fake)
			.with(users.as("methodologist"))
			.with(csrf()))
			.andExpect(redirectedUrl("/events/" + eventId + "/participants"))
			.andExpect(flash().attribute("flashError", "import.error.notXlsx"))
			.andReturn();
		MockMultipartFile empty = new MockMultipartFile("file", "list.xlsx", "application/octet-stream", new byte[0]);
		mvc.perform(multipart("/events/" + eventId + "/participants/import").file(empty)
			.with(users.as("methodologist"))
			.with(csrf()))
			.andExpect(flash().attribute("flashError", "import.error.fileEmpty"));
		// The redirect shows the message: the flash travels in the session (in PostgreSQL), as in a browser.
		mvc.perform(get("/events/" + eventId + "/participants").with(users.as("methodologist")).param("lang", "ru")
			.cookie(refused.getResponse().getCookies()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Это не файл Excel (.xlsx).")));
		// An upload id that is not theirs, or does not exist, is never shown.
		mvc.perform(get("/events/" + eventId + "/participants/import/00000000-0000-0000-0000-000000000000")
			.with(users.as("methodologist")))
			.andExpect(flash().attribute("flashError", "import.error.uploadExpired"));
	}

	@Test
	void anUploadBelongsToItsUploaderAndItsEvent() throws Exception {
		byte[] file = Workbooks.of((Object[]) TEMPLATE_HEADER, new Object[] { "Аманова Айгүл", school.nameKk(), "Төраға", null });
		String previewUrl = upload(file);
		mvc.perform(get(previewUrl).with(users.as("admin")))
			.andExpect(flash().attribute("flashError", "import.error.uploadExpired"));
		long otherEvent = events.create(methodologist, new EventCommand("Басқа", null, "ROUND_TABLE",
				Set.of("NEGOTIATIONS"), LocalDateTime.of(2027, 4, 1, 10, 0), LocalDateTime.of(2027, 4, 1, 12, 0),
				BigDecimal.valueOf(2), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null,
				EventStatus.PLANNED, Map.of()));
		mvc.perform(post(previewUrl.replace("/events/" + eventId + "/", "/events/" + otherEvent + "/") + "/commit")
			.with(users.as("methodologist"))
			.with(csrf()))
			.andExpect(flash().attribute("flashError", "import.error.uploadExpired"));
		assertThat(events.participants(methodologist, otherEvent)).isEmpty();
	}

	@Test
	void anExecutiveCannotImportNorSeeTheImport() throws Exception {
		byte[] file = Workbooks.of((Object[]) TEMPLATE_HEADER, new Object[] { "Аманова Айгүл", school.nameKk(), "Төраға", null });
		mvc.perform(multipart("/events/" + eventId + "/participants/import")
			.file(new MockMultipartFile("file", "list.xlsx", "application/octet-stream", file))
			.with(users.as("executive"))
			.with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/events/" + eventId + "/participants/template.xlsx").with(users.as("executive")))
			.andExpect(status().isForbidden());
		String previewUrl = upload(file);
		mvc.perform(get(previewUrl).with(users.as("executive"))).andExpect(status().isForbidden());
		mvc.perform(post(previewUrl + "/commit").with(users.as("executive")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/events/" + eventId + "/participants").with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"import\""))));
		mvc.perform(get("/events/" + eventId).with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("import-participants"))));
		mvc.perform(get("/events/" + eventId).with(users.as("methodologist")))
			.andExpect(content().string(containsString("import-participants")));
		assertThat(events.participants(methodologist, eventId)).isEmpty();
	}

	private String upload(byte[] file) throws Exception {
		String url = mvc
			.perform(multipart("/events/" + eventId + "/participants/import")
				.file(new MockMultipartFile("file", "list.xlsx", "application/octet-stream", file))
				.with(users.as("methodologist"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(url).startsWith("/events/" + eventId + "/participants/import/");
		return url;
	}

	private static Map<Integer, List<String>> errorsByRow(ParticipantImportPreview preview) {
		Map<Integer, List<String>> errors = new java.util.LinkedHashMap<>();
		for (ImportRow<ParticipantCommand> row : preview.rows().invalidRows()) {
			errors.put(row.rowNumber(), row.errors().stream().map(RowError::messageKey).toList());
		}
		return errors;
	}
}
