package kz.oqytu.budget;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The overview as an Excel workbook the executive committee can open and file. */
@OqytuIntegrationTest
class BudgetExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Test
	void theExportOpensWithPoiAndHoldsTheRegionsFigures() throws Exception {
		MvcResult result = mvc.perform(get("/budget/export.xlsx").param("year", "2025").param("lang", "ru")
			.with(users.as("executive"))).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("oqytu-budget-2025.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2025").contains("10%");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Профсоюзный орган");
			Row region = sheet.getRow(2);
			assertThat(region.getCell(0).getStringCellValue()).startsWith("Актюбинская областная организация");
			assertThat(region.getCell(1).getStringCellValue()).isEqualTo("Областная организация");
			assertThat(region.getCell(2).getNumericCellValue()).isEqualTo(148_500_000d);
			assertThat(region.getCell(3).getNumericCellValue()).isEqualTo(150_000_000d);
			assertThat(region.getCell(4).getNumericCellValue()).isEqualTo(11_880_000d);
			assertThat(region.getCell(5).getNumericCellValue()).isEqualTo(12_000_000d);
			assertThat(region.getCell(6).getStringCellValue()).isEqualTo("Факт");
			assertThat(region.getCell(7).getNumericCellValue()).isEqualTo(0.08d);
			assertThat(region.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(region.getCell(8).getNumericCellValue()).isEqualTo(0.10d);
			assertThat(region.getCell(9).getStringCellValue()).isEqualTo("Ниже норматива");
			assertThat(region.getCell(10).getNumericCellValue()).isEqualTo(2d);
			assertThat(region.getCell(11).getNumericCellValue()).isEqualTo(3_000_000d);
			// The region and its thirteen committees, and the demo chair's school.
			assertThat(sheet.getLastRowNum()).isEqualTo(2 + 14);
		}
	}
}
