package kz.oqytu.organizations;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.imports.ImportPreview;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.testsupport.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Registry and membership imports: row errors in the preview, all or nothing on commit. */
@OqytuIntegrationTest
@Transactional
class OrganizationImportTests {

	private static final Object[] REGISTRY_HEADER = { "Аудан / Район", "Атауы (қазақша) / Наименование (на казахском)",
			"Атауы (орысша) / Наименование (на русском)", "Түрі / Тип" };

	private static final Object[] MEMBERSHIP_HEADER = { "Аудан", "Атауы", "Күні", "Мүшелер саны" };

	@Autowired
	OrganizationImports imports;

	@Autowired
	Organizations organizations;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void registryRowErrorsAreNumberedAndNothingIsWritten() {
		CurrentUser methodologist = users.current("methodologist");
		long before = count(methodologist);
		byte[] file = Workbooks.of(REGISTRY_HEADER,
				new Object[] { "Алға ауданы", "Тест мектебі 1", "Тестовая школа 1", "Мектеп" },
				new Object[] { "Алгинский район", "Тест мектебі 2", null, "школа" },
				new Object[] { "Атлантида", "Тест мектебі 3", null, "Мектеп" },
				new Object[] { "Алға", "", null, "зоопарк" });
		ImportPreview<RegistryImportRow> preview = imports.previewRegistry(methodologist, file);
		assertThat(preview.valid()).isFalse();
		assertThat(preview.errorRows()).isEqualTo(2);
		assertThat(preview.invalidRows().get(0).rowNumber()).isEqualTo(4);
		assertThat(preview.invalidRows().get(0).errors().get(0).messageKey()).isEqualTo("import.error.districtUnknown");
		assertThat(preview.invalidRows().get(1).errors()).extracting(e -> e.messageKey())
			.containsExactly("import.error.nameMissing", "import.error.kindUnknown");
		assertThatThrownBy(() -> imports.commitRegistry(methodologist, file)).isInstanceOf(BusinessRuleException.class);
		assertThat(count(methodologist)).isEqualTo(before);
	}

	@Test
	void validRegistryImportAddsAndUpdates() {
		CurrentUser methodologist = users.current("methodologist");
		long before = count(methodologist);
		byte[] file = Workbooks.of(REGISTRY_HEADER,
				new Object[] { "Алға ауданы", "Импорт мектебі", "Школа импорта", "SCHOOL" },
				new Object[] { "город Актобе", "Ақтөбе қаласы, №1 мектеп-гимназия", "Школа-гимназия №1 (обновлено)", "Мектеп" });
		ImportPreview<RegistryImportRow> preview = imports.previewRegistry(methodologist, file);
		assertThat(preview.valid()).isTrue();
		assertThat(preview.rows()).extracting(r -> r.status()).containsExactly("new", "update");
		assertThat(imports.commitRegistry(methodologist, file)).isEqualTo(2);
		assertThat(count(methodologist)).isEqualTo(before + 1);
	}

	@Test
	void duplicateRowsInOneFileAreRefused() {
		byte[] file = Workbooks.of(REGISTRY_HEADER,
				new Object[] { "Алға ауданы", "Қайталанатын мектеп", null, "Мектеп" },
				new Object[] { "Алгинский район", "қайталанатын  мектеп", null, "Мектеп" });
		ImportPreview<RegistryImportRow> preview = imports.previewRegistry(users.current("methodologist"), file);
		assertThat(preview.invalidRows()).singleElement()
			.satisfies(r -> assertThat(r.errors().get(0).messageKey()).isEqualTo("import.error.duplicateRow"));
	}

	@Test
	void membershipImportWithOneBadRowChangesNothing() {
		CurrentUser methodologist = users.current("methodologist");
		LocalDate jan2027 = LocalDate.of(2027, 1, 1);
		byte[] file = Workbooks.of(MEMBERSHIP_HEADER,
				new Object[] { "Ақтөбе қаласы", "Ақтөбе қаласы, №1 мектеп-гимназия", "01.01.2027", 120 },
				new Object[] { "Алға ауданы", "Алға ауданы, №1 орта мектеп", "01.01.2027", -3 },
				new Object[] { "Алға ауданы", "Алға ауданы, №2 орта мектеп", "15.03.2027", 40 },
				new Object[] { "Алға ауданы", "Жоқ мектеп", "01.01.2027", 40 });
		ImportPreview<MembershipImportRow> preview = imports.previewMembership(methodologist, file);
		assertThat(preview.errorRows()).isEqualTo(3);
		assertThat(preview.invalidRows()).extracting(r -> r.errors().get(0).messageKey())
			.containsExactly("import.error.membersInvalid", "import.error.dateWrong",
					"import.error.organizationUnknownNearest");
		assertThatThrownBy(() -> imports.commitMembership(methodologist, file)).isInstanceOf(BusinessRuleException.class);
		assertThat(organizations.totalMembers(2, jan2027)).isZero();
	}

	@Test
	void validMembershipImportWritesEveryRow() {
		CurrentUser methodologist = users.current("methodologist");
		LocalDate jan2027 = LocalDate.of(2027, 1, 1);
		byte[] file = Workbooks.of(MEMBERSHIP_HEADER,
				new Object[] { "Ақтөбе қаласы", "Ақтөбе қаласы, №1 мектеп-гимназия", "01.01.2027", 120 },
				new Object[] { "Алгинский район", "Средняя школа №1, Алгинский район", "01.01.2027", "45" });
		assertThat(imports.commitMembership(methodologist, file)).isEqualTo(2);
		assertThat(organizations.totalMembers(2, jan2027)).isEqualTo(165);
	}

	@Test
	void aRegisterKeptOnFileWithATitleBlockAndRussianHeadersReads() {
		CurrentUser methodologist = users.current("methodologist");
		byte[] file = Workbooks.of(new Object[] { "Реестр первичных профсоюзных организаций" },
				new Object[] { "по состоянию на 01.01.2027" }, new Object[] {},
				new Object[] { "№ п/п", "Район, город", "Наименование на казахском языке", "Наименование ППО", "Тип организации",
						"ФИО председателя", "Контактный телефон" },
				new Object[] { 1, "Алгинский район", "Жаңа мектеп", "Новая школа", "школа", "Иванова А.", "+7 701 000 00 00" },
				new Object[] { 2, "Алгинский район", "Жаңа балабақша", "Новый детский сад", "детский сад", null, null },
				new Object[] { null, "Итого: 2" });
		ImportPreview<RegistryImportRow> preview = imports.previewRegistry(methodologist, file);
		assertThat(preview.fileErrors()).isEmpty();
		assertThat(preview.valid()).as("%s", preview.invalidRows()).isTrue();
		assertThat(preview.rows()).extracting(r -> r.rowNumber()).containsExactly(5, 6);
		assertThat(preview.skippedRows()).isEqualTo(1);
		assertThat(preview.values()).extracting(RegistryImportRow::nameRu).containsExactly("Новая школа", "Новый детский сад");
	}

	@Test
	void aMembershipReportWithATitleKazakhHeadersAndATotalLineReads() {
		CurrentUser methodologist = users.current("methodologist");
		byte[] file = Workbooks.of(new Object[] { "Алға аудандық кәсіподақ ұйымы" },
				new Object[] { "Кәсіподақ мүшелерінің саны туралы мәлімет" },
				new Object[] { "р/с", "Ауданы", "Бастауыш кәсіподақ ұйымы", "Жағдай бойынша", "Кәсіподақ мүшелерінің саны" },
				new Object[] { 1, "Алға ауданы", "Алға ауданы, №1 орта мектеп", "01.01.2027", 45 },
				new Object[] { 2, "Алға ауданы", "Алға ауданы, №2 орта мектеп", "01.01.2027", 38 },
				new Object[] { null, "Барлығы", null, null, 83 });
		ImportPreview<MembershipImportRow> preview = imports.previewMembership(methodologist, file);
		assertThat(preview.valid()).as("%s %s", preview.fileErrors(), preview.invalidRows()).isTrue();
		assertThat(preview.rows()).hasSize(2);
		assertThat(preview.skippedRows()).isEqualTo(1);
		assertThat(imports.commitMembership(methodologist, file)).isEqualTo(2);
		assertThat(organizations.totalMembers(4, LocalDate.of(2027, 1, 1))).isEqualTo(83);
	}

	@Test
	void aMembershipReportNamesOrganizationsAsPeopleWriteThemAndAnUnknownOneGetsTheNearestName() {
		CurrentUser methodologist = users.current("methodologist");
		byte[] file = Workbooks.of(new Object[] { "Ауданы", "Ұйым", "Күні", "Мүшелер саны" },
				new Object[] { "Алға ауданы", "№ 1 ОМ", "01.01.2027", 41 },
				new Object[] { "Алға ауданы", "Средняя школа № 4 Алгинского района", "01.01.2027", 37 },
				new Object[] { "Алға ауданы", "3-ші  орта мектеп", "01.01.2027", 29 },
				new Object[] { "Алға ауданы", "Жоқ мектеп №999", "01.01.2027", 10 });
		ImportPreview<MembershipImportRow> preview = imports.previewMembership(methodologist, file);
		assertThat(preview.rows()).hasSize(4);
		assertThat(preview.rows().subList(0, 3)).allSatisfy(row -> assertThat(row.valid()).as("%s", row.errors()).isTrue());
		assertThat(preview.rows().get(0).value().organizationId()).isEqualTo(organizationNamed("Алға ауданы, №1 орта мектеп"));
		assertThat(preview.rows().get(1).value().organizationId()).isEqualTo(organizationNamed("Алға ауданы, №4 орта мектеп"));
		assertThat(preview.rows().get(2).value().organizationId()).isEqualTo(organizationNamed("Алға ауданы, №3 орта мектеп"));
		assertThat(preview.rows().get(3).errors()).singleElement().satisfies(error -> {
			assertThat(error.messageKey()).isEqualTo("import.error.organizationUnknownNearest");
			assertThat(error.arguments()[0]).isEqualTo("Жоқ мектеп №999");
			assertThat(error.arguments()[1]).as("the nearest registry name").isNotNull();
		});
		// the one unknown row keeps the whole file out: all or nothing, as before
		assertThatThrownBy(() -> imports.commitMembership(methodologist, file)).isInstanceOf(BusinessRuleException.class);
	}

	private long organizationNamed(String nameKk) {
		return jdbc.sql("select id from org_unit where name_kk = :n").param("n", nameKk).query(Long.class).single();
	}

	@Test
	void aFileThatIsNotAWorkbookGetsAClearMessageNotAnError() throws Exception {
		MockMultipartFile fake = new MockMultipartFile("file", "members.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				"MZ this is an executable".getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/organizations/import/membership").file(fake).with(users.as("methodologist")).with(csrf())).andDo(org.springframework.test.web.servlet.result.MockMvcResultHandlers.print())
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/organizations/import"))
			.andExpect(flash().attribute("flashError", "import.error.notXlsx"));
	}

	@Test
	void aBrokenZipGetsAClearMessage() throws Exception {
		byte[] broken = { 'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
		MockMultipartFile file = new MockMultipartFile("file", "broken.xlsx", "application/octet-stream", broken);
		mvc.perform(multipart("/organizations/import/registry").file(file).with(users.as("methodologist")).with(csrf()))
			.andExpect(redirectedUrl("/organizations/import"))
			.andExpect(flash().attribute("flashError", "import.error.notXlsx"));
	}

	@Test
	void uploadPreviewAndCommitThroughTheBrowserFlow() throws Exception {
		byte[] file = Workbooks.of(REGISTRY_HEADER,
				new Object[] { "Шалқар ауданы", "Веб импорт мектебі", "Школа веб-импорта", "Мектеп" },
				new Object[] { "Шалқар ауданы", "Веб импорт балабақшасы", null, "Детский сад" });
		MvcResult upload = mvc
			.perform(multipart("/organizations/import/registry")
				.file(new MockMultipartFile("file", "registry.xlsx", "application/octet-stream", file))
				.with(users.as("methodologist"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String previewUrl = upload.getResponse().getRedirectedUrl();
		assertThat(previewUrl).startsWith("/organizations/import/registry/");
		mvc.perform(get(previewUrl).with(users.as("methodologist")).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Все строки (2) верны.")));
		// Another user cannot see or commit someone else's upload.
		mvc.perform(post(previewUrl + "/commit").with(users.as("admin")).with(csrf()))
			.andExpect(flash().attribute("flashError", "import.error.uploadExpired"));
		mvc.perform(post(previewUrl + "/commit").with(users.as("methodologist")).with(csrf()))
			.andExpect(redirectedUrl("/organizations"))
			.andExpect(flash().attribute("flash", "import.flash.done"));
		assertThat(organizations.search(users.current("methodologist"),
				new OrganizationCriteria("Веб импорт", null, null, null, null, false, 0, 10)).getTotalElements())
			.isEqualTo(2);
	}

	private long count(CurrentUser user) {
		return organizations.search(user, new OrganizationCriteria(null, null, null, null, null, false, 0, 1))
			.getTotalElements();
	}
}
