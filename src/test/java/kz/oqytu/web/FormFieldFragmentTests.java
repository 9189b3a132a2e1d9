package kz.oqytu.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue #21: the forms' fields come from one fragment (fragments/forms.html :: field, check, checks). What it
 * promises every field: the id and name of the bound property, the label pointing at it, the error text beside
 * an invalid control and named by its aria-describedby together with the hint, and a select's options with the
 * bound value selected. Nothing is written: the forms are refused or only shown.
 */
@OqytuIntegrationTest
class FormFieldFragmentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Test
	void anInvalidFieldShowsItsErrorAndNamesItForScreenReaders() throws Exception {
		String page = mvc.perform(post("/organizations/new").with(users.as("methodologist")).with(csrf())
			.param("lang", "ru").param("nameKk", "").param("kind", "KINDERGARTEN").param("chairName", "Асқарова Г."))
			.andReturn().getResponse().getContentAsString();

		String name = tag(page, "input", "nameKk");
		assertThat(name).contains("name=\"nameKk\"").contains("is-invalid").contains("maxlength=\"300\"")
			.contains("required").contains("aria-describedby=\"nameKk-error\"");
		assertThat(text(page, "nameKk-error")).isEqualTo("Обязательное поле");
		assertThat(page).containsPattern("<label for=\"nameKk\" class=\"form-label\">[^<]+ \\*</label>");

		// a valid field says nothing and keeps what was typed
		String chair = tag(page, "input", "chairName");
		assertThat(chair).doesNotContain("is-invalid").doesNotContain("aria-describedby").contains("value=\"Асқарова Г.\"");
		assertThat(page).doesNotContain("id=\"chairName-error\"");

		// a select from items with a message key per value keeps the bound value
		assertThat(page).containsPattern("<option value=\"KINDERGARTEN\" selected=\"selected\">[^<?]+</option>");
		// a single checkbox is labelled
		assertThat(tag(page, "input", "active1")).contains("type=\"checkbox\"").contains("name=\"active\"");
		assertThat(page).contains("<label class=\"form-check-label\" for=\"active1\">");
	}

	@Test
	void aHintIsNamedByTheControlItDescribes() throws Exception {
		String page = mvc.perform(get("/events/new").with(users.as("methodologist")).param("lang", "ru"))
			.andReturn().getResponse().getContentAsString();

		assertThat(tag(page, "select", "districtId")).contains("name=\"districtId\"")
			.contains("aria-describedby=\"districtId-hint\"").doesNotContain("is-invalid");
		assertThat(text(page, "districtId-hint")).isNotBlank();
		assertThat(tag(page, "input", "academicHours")).contains("type=\"number\"").contains("step=\"0.5\"")
			.contains("min=\"0.5\"").contains("max=\"999\"");
		// checkbox groups: a box per topic, each with its own label
		assertThat(tag(page, "input", "topicCodes1")).contains("name=\"topicCodes\"");
		assertThat(page).contains("for=\"topicCodes1\"").contains("for=\"topicCodes2\"");
	}

	/** The start tag of the element with this id. */
	private static String tag(String page, String element, String id) {
		Matcher m = Pattern.compile("<" + element + "\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(page);
		assertThat(m.find()).as("<" + element + " id=" + id + ">").isTrue();
		return m.group();
	}

	/** The text of the element with this id. */
	private static String text(String page, String id) {
		Matcher m = Pattern.compile("\\bid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(page);
		assertThat(m.find()).as("id=" + id).isTrue();
		return m.group(1).strip();
	}
}
