package kz.oqytu.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Pages speak the reader's language: English catalogue names in English, numbers as the union prints them. */
@OqytuIntegrationTest
class ReadersLanguageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	private String page(String path, String lang) throws Exception {
		return mvc.perform(get(path).param("lang", lang).with(users.as("methodologist"))).andReturn().getResponse()
			.getContentAsString();
	}

	@Test
	void theReportsBreakdownsNameFormsAndTopicsInEnglish() throws Exception {
		String html = page("/reports/coverage?year=2025", "en");
		String formKk = jdbc.sql("select f.name_kk from training_form f join training_event e on e.form_code = f.code"
				+ " where extract(year from e.starts_at) = 2025 and e.status = 'HELD' group by f.name_kk, f.sort_order"
				+ " order by f.sort_order limit 1").query(String.class).single();
		String formEn = jdbc.sql("select name_en from training_form where name_kk = :kk").param("kk", formKk)
			.query(String.class).single();
		assertThat(html).contains(formEn).doesNotContain(formKk);
		// Kazakh and Russian readers keep their own names
		assertThat(page("/reports/coverage?year=2025", "kk")).contains(formKk);
	}

	@Test
	void surveyResultsNameFormsInEnglish() throws Exception {
		String html = page("/surveys/results", "en");
		assertThat(html).doesNotContain("Тақырыптық семинар").doesNotContain("Семинар-кеңес");
	}

	@Test
	void academicHoursPrintWithADecimalComma() throws Exception {
		long event = jdbc.sql("select min(id) from training_event where academic_hours = trunc(academic_hours)")
			.query(Long.class).single();
		String hours = jdbc.sql("select trunc(academic_hours)::int::text from training_event where id = :id").param("id", event)
			.query(String.class).single();
		assertThat(page("/events/" + event, "kk")).contains(">" + hours + ",0<").doesNotContain(">" + hours + ".0<");
		assertThat(page("/events/" + event, "ru")).contains(">" + hours + ",0<");
	}
}
