package kz.oqytu.training;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The participant export: every named participant of the filtered events, one row each, streamed. */
@OqytuIntegrationTest
class ParticipantExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void exportsOneRowPerNamedParticipantOfTheYearsEvents() throws Exception {
		long named = jdbc.sql("select count(*) from event_participant p join training_event e on e.id = p.event_id"
				+ " where e.starts_at >= date '2025-01-01' and e.starts_at < date '2026-01-01'").query(Long.class).single();
		byte[] body = mvc.perform(get("/events/participants.xlsx?year=2025&lang=ru").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("oqytu-participants-2025.xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("ФИО");
			assertThat(sheet.getLastRowNum()).isEqualTo((int) named);
		}
	}

	@Test
	void isForStaffOnly() throws Exception {
		mvc.perform(get("/events/participants.xlsx?year=2025").with(users.as("chair"))).andExpect(status().isForbidden());
	}
}
