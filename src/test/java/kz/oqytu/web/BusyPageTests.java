package kz.oqytu.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import kz.oqytu.testsupport.OqytuIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The page a heavy request gets after waiting its turn too long: 503, in the visitor's language, nothing lost. */
@OqytuIntegrationTest
class BusyPageTests {

	@Autowired
	DatabaseOutageFilter pages;

	@Test
	void theBusyPageSaysSoInRussianAndKazakhAndAsksToRetryLater() throws Exception {
		assertThat(render("ru", true)).contains("Сейчас готовится много отчётов и выгрузок")
			.contains("Ничего не изменено").doesNotContain("База данных");
		assertThat(render("kk", true)).contains("Дәл қазір көп есеп пен экспорт дайындалып жатыр");
		assertThat(render("ru", false)).as("the outage page keeps its own text")
			.contains("База данных временно недоступна");
	}

	private String render(String lang, boolean busy) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(new MockServletContext(), "GET", "/dashboard");
		request.setParameter("lang", lang);
		MockHttpServletResponse response = new MockHttpServletResponse();
		pages.render(request, response, busy);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("30");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		return response.getContentAsString();
	}
}
