package kz.oqytu.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The language a person chooses stays with them across pages, sign-out and sign-in. */
@BrowserTest
class LanguageJourneyTests {

	@LocalServerPort
	int port;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	@Test
	void theLanguageSwitchPersistsAcrossPagesAndLogins(Browser browser) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
		Page page = context.newPage();
		page.navigate(ui.url("/login"));
		assertThat(page.locator("html")).hasAttribute("lang", "kk");
		assertThat(page.locator("h1")).hasText("Жүйеге кіру");

		page.click("a.lang-link:has-text('RU')");
		assertThat(page.locator("h1")).hasText("Вход в систему");
		page.fill("#username", "methodologist");
		page.fill("#password", "demo");
		page.click("button[type=submit]");
		page.waitForLoadState();
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		page.click("nav >> text=Мероприятия");
		assertThat(page.locator("h1")).hasText("Мероприятия по обучению");

		page.click("a.lang-link:has-text('EN')");
		assertThat(page.locator("h1")).hasText("Training events");
		page.navigate(ui.url("/reports/coverage?year=2025"));
		assertThat(page.locator("h1")).hasText("Training coverage 2025");

		page.click("button:has-text('Sign out')");
		page.waitForLoadState();
		assertThat(page.locator("h1")).hasText("Sign in");
		page.fill("#username", "methodologist");
		page.fill("#password", "demo");
		page.click("button[type=submit]");
		page.waitForLoadState();
		assertThat(page.locator("html")).hasAttribute("lang", "en");

		page.click("a.lang-link:has-text('KK')");
		assertThat(page.locator("html")).hasAttribute("lang", "kk");
		context.close();
	}
}
