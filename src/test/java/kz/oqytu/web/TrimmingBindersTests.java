package kz.oqytu.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every binder of the application trims strings and makes blank ones null, on top of Boot's own binding
 * set-up (conversion service, validator), and a request parameter goes through it.
 */
@OqytuIntegrationTest
class TrimmingBindersTests {

	@Autowired
	RequestMappingHandlerAdapter adapter;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Test
	void everyBinderTrimsOnTopOfBootsSetUp() {
		WebDataBinder binder = new WebDataBinder(new Object(), "form");
		adapter.getWebBindingInitializer().initBinder(binder);
		assertThat(binder.convertIfNecessary("  Семинар  ", String.class)).isEqualTo("Семинар");
		assertThat(binder.convertIfNecessary(" \t ", String.class)).isNull();
		assertThat(binder.getConversionService()).as("Boot's conversion service").isNotNull();
		assertThat(binder.getValidator()).as("Boot's validator").isNotNull();
	}

	@Test
	void aFilterTypedWithSpacesFiltersAsWithout() throws Exception {
		// the form code is not cleaned up by the list itself: only the binder's trimming makes these equal
		String plain = rows(list("THEMATIC_SEMINAR"));
		String padded = rows(list("  THEMATIC_SEMINAR "));
		assertThat(plain).contains("href=\"/events/");
		assertThat(padded).as("the same events as the code without spaces").isEqualTo(plain);
	}

	private String list(String form) throws Exception {
		return mvc.perform(get("/events").param("year", "2025").param("form", form).with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The event table's rows. */
	private static String rows(String page) {
		return page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
	}
}
