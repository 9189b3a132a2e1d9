package kz.oqytu.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.organizations.OrganizationCommand;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.PrimaryKind;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue #8, item 16 (ASVS V5.3.3): markup typed into free-text fields (an organization's name, an
 * event's title, venue, trainers and notes, an account's full name, a survey comment) comes back
 * escaped on the pages that show it; and no template writes data unescaped except the justified
 * list below. The data is written in a transaction that is rolled back afterwards.
 */
@OqytuIntegrationTest
class UserTextIsEscapedTests {

	private static final String ATTACK = "<script>alert(1)</script><img src=x onerror=alert(2)>";

	private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;";

	/**
	 * Unescaped output allowed in templates, each with its reason. Anything else written with
	 * th:utext, [(...)] or th:inline fails the scan.
	 */
	private static final Map<String, String> JUSTIFIED = Map.of(
			"reports/dashboard.html: th:utext=\"${trendJson}\"", "JSON for a script data block, written by ChartData, which escapes </",
			"reports/dashboard.html: th:utext=\"${monthsJson}\"", "JSON for a script data block, written by ChartData, which escapes </",
			"reports/dashboard.html: th:utext=\"${districtsJson}\"", "JSON for a script data block, written by ChartData, which escapes </",
			"reports/dashboard.html: th:utext=\"${regionsJson}\"", "JSON for a script data block, written by ChartData, which escapes </",
			"certificates/certificates-pdf.html: th:utext=\"${page}\"", "a certificate's page as the certificates/certificate-page template rendered it (user text escaped there), laid out into one PDF by CertificatePdf",
			"help/chapter.html: th:utext=\"${chapter.html()}\"", "the user guide's own Markdown (docs/guide), rendered by HelpGuide with raw HTML escaped and javascript: links dropped (decision 27)");

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	@Autowired
	Accounts accounts;

	@Autowired
	Surveys surveys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void markupTypedIntoFreeTextFieldsIsShownEscaped() {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			status.setRollbackOnly();
			try {
				CurrentUser methodologist = users.current("methodologist");
				long district = jdbc.sql("select parent_id from org_unit where id = (select scope_unit_id from app_user"
						+ " where username = 'chair')").query(Long.class).single();
				long organization = organizations.create(methodologist, new OrganizationCommand(ATTACK, ATTACK,
						PrimaryKind.SCHOOL, district, ATTACK, ATTACK, null, null, true));
				long event = events.create(methodologist, new EventCommand(ATTACK, ATTACK, "THEMATIC_SEMINAR",
						Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 6, 1, 10, 0), LocalDateTime.of(2027, 6, 1, 13, 0),
						java.math.BigDecimal.valueOf(3), VenueKind.REGIONAL_OFFICE, null, null, ATTACK, ATTACK, Set.of(),
						null, ATTACK, EventStatus.PLANNED, Map.of()));
				long account = accounts.create(new AccountCommand("escape.test", ATTACK, null, Role.EXECUTIVE, 2, "escape-pass"));
				surveys.openNow(methodologist, event, SurveyKind.POST_EVENT);
				String token = surveys.one(methodologist, event, SurveyKind.POST_EVENT).token();
				long surveyId = surveys.one(methodologist, event, SurveyKind.POST_EVENT).id();
				// five answers: free text is shown only from the anonymity threshold on
				for (int i = 0; i < 5; i++) {
					mvc.perform(post("/s/" + token).with(csrf())
						.with(kz.oqytu.surveys.domain.SignedForms.form(context, surveyId, UUID.randomUUID()))
						.param("q_usefulness", "5").param("q_applicability", "4").param("q_will_apply", "YES")
						.param("q_category", "ACTIVIST").param("q_comments", ATTACK));
				}

				List<String> pages = List.of("/organizations/" + organization, "/organizations?q=script", "/events/" + event,
						"/events?year=2027", "/admin/users/" + account + "/edit", "/admin/users",
						"/events/" + event + "/survey/results", "/s/" + token);
				for (String page : pages) {
					String html = mvc.perform(get(page).with(users.as("admin"))).andReturn().getResponse().getContentAsString();
					assertThat(html).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
				}
				for (String page : List.of("/organizations/" + organization, "/events/" + event,
						"/events/" + event + "/survey/results")) {
					String html = mvc.perform(get(page).with(users.as("admin"))).andReturn().getResponse().getContentAsString();
					assertThat(html).as(page + " shows the text, escaped").contains(ESCAPED);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	@Test
	void noTemplateWritesUnescapedOutputBeyondTheJustifiedList() throws IOException {
		Path root = Path.of("src/main/resources/templates");
		Pattern unescaped = Pattern.compile("th:utext=\"[^\"]*\"|\\[\\([^\\]]*\\)\\]|th:inline=\"[^\"]*\"|data-th-utext=\"[^\"]*\"");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher m = unescaped.matcher(Files.readString(file));
				while (m.find()) {
					found.add(root.relativize(file).toString().replace('\\', '/') + ": " + m.group());
				}
			}
		}
		assertThat(found).as("unescaped output in templates").isSubsetOf(JUSTIFIED.keySet());
		assertThat(found).as("the justified list is current").containsExactlyInAnyOrderElementsOf(JUSTIFIED.keySet());
	}
}
