package kz.oqytu.browser;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.organizations.OrganizationCommand;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.PrimaryKind;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #18, "done when": the application started on an empty database with no demo data and the
 * first-administrator variables. The administrator signs in and invites a chair; the invitation is
 * read from a real SMTP server in the test JVM (GreenMail) and its link followed on a 360 px phone in
 * Russian; the chair chooses a password and signs in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "oqytu.test.database-name=golive", "oqytu.demo-data=false", "oqytu.admin.username=root",
				"oqytu.admin.password=" + GoLiveJourneyTests.ADMIN_PASSWORD, "oqytu.admin.email=root@example.org",
				"oqytu.public-url=https://oqytu.example.org", "oqytu.mail.poll-interval=PT1S",
				"oqytu.mail.initial-delay=PT1S" })
@ExtendWith(BrowserExtension.class)
class GoLiveJourneyTests {

	static final String ADMIN_PASSWORD = "kokshetau blue lake summer";

	private static final String CHAIR_PASSWORD = "mugalzhar hills spring wind";

	private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	@AfterAll
	static void stopMail() {
		SMTP.stop();
	}

	/** The text/plain part of a (multipart) message, decoded. */
	static String plainText(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = plainText(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	@LocalServerPort
	int port;

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFirstAdministratorInvitesAChairWhoAcceptsOnAPhoneAndSignsIn(Browser browser) throws Exception {
		Ui ui = new Ui(port);
		assertThat(jdbc.sql("select username from app_user").query(String.class).list()).containsExactly("root");
		assertThat(organizations.registryEmpty()).isTrue();
		// The registry is loaded by the union (not part of this journey): one school.
		long school = organizations.create(new CurrentUser(0, "test", "Test", Role.ADMIN, 1, "/1/"),
				new OrganizationCommand("№ 7 мектеп-гимназия", "Школа-гимназия № 7", PrimaryKind.SCHOOL, 3,
						"Ақтөбе", null, null, null, true));

		Page admin = ui.desktop(browser);
		admin.navigate(ui.url("/login?lang=en"));
		admin.fill("#username", "root");
		admin.fill("#password", ADMIN_PASSWORD);
		admin.click("button[type=submit]");
		admin.waitForLoadState();
		assertThat(admin).not().hasURL(Pattern.compile(".*/login.*"));

		admin.navigate(ui.url("/admin/users/new?lang=en"));
		admin.fill("#username", "chair7");
		admin.fill("#fullName", "Аманова Айгүл");
		admin.fill("#email", "Chair7@Example.org");
		admin.selectOption("#role", "CHAIR");
		admin.fill("#unit-search", "гимназия");
		admin.locator("#scopeUnitId option[value='" + school + "']").waitFor();
		admin.selectOption("#scopeUnitId", String.valueOf(school));
		admin.click("form[action$='/admin/users/new'] button[type=submit]");
		admin.waitForLoadState();
		admin.navigate(ui.url("/admin/users?lang=en"));
		assertThat(admin.locator("tr:has-text('chair7') [data-status=INVITED]")).hasCount(1);

		await().atMost(Duration.ofSeconds(90)).until(() -> SMTP.getReceivedMessages().length > 0);
		MimeMessage mail = SMTP.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualToIgnoringCase("chair7@example.org");
		String body = plainText(mail);
		Matcher link = Pattern.compile("https://oqytu\\.example\\.org(/invitations/[A-Za-z0-9_-]{43})").matcher(body);
		assertThat(link.find()).as("the invitation link in the mail:\n" + body).isTrue();

		Page phone = ui.phone(browser, 360, 740);
		phone.navigate(ui.url(link.group(1) + "?lang=ru"));
		assertThat(phone.locator("h1")).hasText("Принять приглашение");
		assertThat(phone.locator("#link-username")).hasText("chair7");
		assertThat(ui.scrollsSideways(phone)).isFalse();
		ui.screenshot(phone, "invitation-accept-phone-ru");
		phone.fill("#newPassword", CHAIR_PASSWORD);
		phone.fill("#confirmPassword", CHAIR_PASSWORD);
		phone.click("form[action*='/invitations/'] button[type=submit]");
		phone.waitForLoadState();
		assertThat(phone.locator("#login-accepted")).isVisible();
		assertThat(ui.scrollsSideways(phone)).isFalse();

		phone.fill("#username", "chair7");
		phone.fill("#password", CHAIR_PASSWORD);
		phone.click("button[type=submit]");
		phone.waitForLoadState();
		assertThat(phone).hasURL(Pattern.compile(".*/organizations/" + school + "/portal$"));

		// The link worked once.
		phone.navigate(ui.url(link.group(1) + "?lang=ru"));
		assertThat(phone.locator("#link-problem")).containsText("уже использована");
	}
}
