package kz.oqytu.budget;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.imports.ImportPreview;
import kz.oqytu.shared.imports.ImportRow;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.testsupport.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Excel import of a year's budgets: row-numbered errors in the preview, all or nothing on commit. */
@OqytuIntegrationTest
@Transactional
class BudgetImportTests {

	private static final Object[] HEADER = { "ID", "Кәсіподақ органы / Профсоюзный орган", "Жыл / Год",
			"Шығыс бөлігі, жоспар / Расходная часть, план", "Шығыс бөлігі, нақты / Расходная часть, факт",
			"Оқытуға шығын, жоспар / Расходы на обучение, план", "Оқытуға шығын, нақты / Расходы на обучение, факт" };

	@Autowired
	BudgetImports imports;

	@Autowired
	Budgets budgets;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	@Test
	void oneBadRowWritesNothingAndItsRowNumberAndReasonAreInThePreview() {
		CurrentUser methodologist = users.current("methodologist");
		byte[] file = Workbooks.of(HEADER,
				new Object[] { 4, "Алға ауданы", 2024, "9 500 000,00", null, "950 000", null },
				new Object[] { null, "Айтекебийский район", 2024, 9_000_000, null, 9_500_000, null },
				new Object[] { null, "Қарғалы", 2024, 6_800_000, null, 700_000, null });
		ImportPreview<BudgetImportRow> preview = imports.preview(methodologist, file);
		assertThat(preview.valid()).isFalse();
		assertThat(preview.invalidRows()).singleElement().satisfies(row -> {
			assertThat(row.rowNumber()).isEqualTo(3);
			assertThat(row.errors().get(0).messageKey()).isEqualTo("budget.import.error.trainingAboveTotal");
			assertThat(row.errors().get(0).arguments()).containsExactly("Оқытуға шығын, жоспар / Расходы на обучение, план");
		});
		assertThatThrownBy(() -> imports.commit(methodologist, file)).isInstanceOf(BusinessRuleException.class);
		for (long committee : new long[] { 4, 5, 8 }) {
			assertThat(budgets.share(committee, 2024)).isEmpty();
		}
	}

	@Test
	void thePreviewPageNumbersTheBadRowAndCommittingItWritesNothing() throws Exception {
		byte[] file = Workbooks.of(HEADER,
				new Object[] { null, "Алға ауданы", 2024, 9_500_000, null, 950_000, null },
				new Object[] { null, "Атлантида", 2024, 1_000_000, null, 100_000, null },
				new Object[] { null, "Ойыл ауданы", 2024, -5, null, 0, null });
		String location = mvc.perform(multipart("/budget/import")
			.file(new MockMultipartFile("file", "budget.xlsx", "application/octet-stream", file))
			.with(users.as("methodologist"))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).param("lang", "ru").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<td class=\"num\">3</td>")))
			.andExpect(content().string(containsString("«Атлантида» — профсоюзный орган не найден")))
			.andExpect(content().string(containsString("<td class=\"num\">4</td>")))
			.andExpect(content().string(containsString("сумма не может быть отрицательной")))
			.andExpect(content().string(containsString("Ничего не записано.")));
		mvc.perform(post(location + "/commit").with(users.as("methodologist")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "import.error.notValid"));
		assertThat(budgets.share(4, 2024)).isEmpty();
	}

	@Test
	void aValidFileWritesEveryRowAndReplacesRecordedBudgets() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		byte[] file = Workbooks.of(HEADER,
				new Object[] { null, "Алгинский район", 2024, "9 500 000,00", "9 400 000,00", "950 000", "960 000,50" },
				new Object[] { 4, null, 2025, 9_700_000, 9_850_000, 970_000, 1_000_000 },
				new Object[] { null, "облыстық ұйым", 2024, 140_000_000, null, 9_800_000, null });
		ImportPreview<BudgetImportRow> preview = imports.preview(methodologist, file);
		assertThat(preview.valid()).isTrue();
		assertThat(preview.rows()).extracting(ImportRow::status).containsExactly("new", "update", "new");
		String location = mvc.perform(multipart("/budget/import")
			.file(new MockMultipartFile("file", "budget.xlsx", "application/octet-stream", file))
			.with(users.as("methodologist"))
			.with(csrf())).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(location + "/commit").with(users.as("methodologist")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "import.flash.done"));
		assertThat(budgets.share(4, 2024).orElseThrow().trainingSpending()).isEqualByComparingTo("960000.50");
		assertThat(budgets.share(4, 2025).orElseThrow().status()).isEqualTo(BudgetStatus.MEETS);
		assertThat(budgets.share(2, 2024).orElseThrow().share()).isEqualTo(kz.oqytu.shared.Percent.ofValue("7"));
	}

	@Test
	void theTemplateListsTheBodiesInScopeWithWhatIsRecorded() throws Exception {
		byte[] template = mvc.perform(get("/budget/import/template.xlsx").param("year", "2025")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue())
				.isEqualTo("Шығыс бөлігі, жоспар / Расходная часть, план");
			Row region = sheet.getRow(1);
			assertThat(region.getCell(0).getNumericCellValue()).isEqualTo(2);
			assertThat(region.getCell(4).getNumericCellValue()).isEqualTo(150_000_000d);
			assertThat(region.getCell(6).getNumericCellValue()).isEqualTo(12_000_000d);
			// Seminars, actual: the first breakdown line of the region in 2025.
			assertThat(region.getCell(8).getNumericCellValue()).isEqualTo(6_480_000d);
			assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(14);
			// The template, imported untouched, changes nothing and is valid.
			assertThat(imports.preview(users.current("methodologist"), template).valid()).isTrue();
		}
	}
}
