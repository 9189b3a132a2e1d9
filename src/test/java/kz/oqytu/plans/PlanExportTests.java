package kz.oqytu.plans;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The plan and its execution as an Excel workbook that POI (and so Excel) opens. */
@OqytuIntegrationTest
@Transactional
class PlanExportTests {

	static final int YEAR = 2023;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Plans plans;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	@Test
	void theWorkbookHasTheItemsTheirExecutionAndTheEventsOutsideThePlan() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		PlanningFixtures fixtures = new PlanningFixtures(plans, events, organizations, methodologist);
		fixtures.plan(YEAR);
		long held = fixtures.item(YEAR, "=Тексеру комиссиялары практикумы", 20);
		fixtures.item(YEAR, "Өтпеген семинар", 30);
		plans.linkEvent(methodologist, held, fixtures.event("Практикум", LocalDate.of(YEAR, 3, 3), EventStatus.HELD, 24));
		fixtures.event("Жоспардан тыс кездесу", LocalDate.of(YEAR, 9, 9), EventStatus.HELD, 11);

		byte[] body = mvc.perform(get("/plans/" + YEAR + ".xlsx").param("lang", "ru").with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("oqytu-plan-" + YEAR + ".xlsx")))
			.andReturn().getResponse().getContentAsByteArray();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			DataFormatter text = new DataFormatter();
			Sheet plan = workbook.getSheetAt(0);
			assertThat(text.formatCellValue(plan.getRow(0).getCell(0))).isEqualTo("План обучения на " + YEAR + " год");
			assertThat(text.formatCellValue(plan.getRow(1).getCell(0))).contains("25.12." + (YEAR - 1)).contains("№ 7");
			Row first = plan.getRow(4);
			Row second = plan.getRow(5);
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("=Тексеру комиссиялары практикумы");
			assertThat(first.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(first.getCell(3).getStringCellValue()).isEqualTo("Тематический семинар");
			assertThat(first.getCell(4).getStringCellValue()).isEqualTo("Март");
			assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(20);
			assertThat(first.getCell(10).getNumericCellValue()).isEqualTo(1);
			assertThat(first.getCell(11).getNumericCellValue()).isEqualTo(24);
			assertThat(first.getCell(12).getStringCellValue()).isEqualTo("Выполнен");
			assertThat(second.getCell(1).getStringCellValue()).isEqualTo("Өтпеген семинар");
			assertThat(second.getCell(11).getNumericCellValue()).isZero();
			assertThat(second.getCell(12).getStringCellValue()).isEqualTo("Не выполнен");
			assertThat(plan.getRow(6).getCell(7).getNumericCellValue()).isEqualTo(50);
			assertThat(plan.getRow(6).getCell(11).getNumericCellValue()).isEqualTo(24);

			Sheet outside = workbook.getSheetAt(1);
			assertThat(outside.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Жоспардан тыс кездесу");
			assertThat(outside.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(11);
			assertThat(outside.getLastRowNum()).isEqualTo(1);
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
		}
	}

	@Test
	void thereIsNoWorkbookForAYearWithoutAPlan() throws Exception {
		mvc.perform(get("/plans/" + YEAR + ".xlsx").with(users.as("methodologist"))).andExpect(status().isNotFound());
		mvc.perform(get("/plans/" + YEAR + ".xlsx").with(users.as("chair"))).andExpect(status().isForbidden());
	}
}
