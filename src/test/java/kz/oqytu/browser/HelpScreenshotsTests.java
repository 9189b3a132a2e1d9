package kz.oqytu.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user guide's screenshots (docs/guide/img/{lang}), taken of the pages each chapter explains, as
 * the chapter's demo user, in each language: 1280 px wide for staff pages, 360 px for the chair's and
 * the participant's phone. Each page must show the button or heading its chapter names in bold and
 * link its header's help to that chapter, so a screenshot can only be rewritten while the guide still
 * tells the truth about the page (decision 0027). The PNGs are committed; after a page changes, refresh
 * them with {@code OQYTU_GUIDE_IMAGES=write} (README, "User guide").
 */
@BrowserTest
class HelpScreenshotsTests {

	/**
	 * Where the PNGs go: into the guide itself (docs/guide/img) when OQYTU_GUIDE_IMAGES=write, else under
	 * target/, so an ordinary test run checks the pages without rewriting committed files.
	 */
	static final Path IMAGES = "write".equals(System.getenv("OQYTU_GUIDE_IMAGES")) ? Path.of("docs", "guide", "img")
			: Path.of("target", "guide-img");

	private static final String[] LANGUAGES = { "kk", "ru", "en" };

	/** One screenshot: who, where, at which width, what the page shows that the chapter quotes, where help points. */
	private record Shot(String name, String user, String path, boolean phone, String chapter, String messageKey,
			String helpTarget) {
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	private Ui ui;

	@BeforeEach
	void setUp() {
		ui = new Ui(port);
	}

	@Test
	void everyChapterShowsItsPagesInEveryLanguage(Browser browser) throws IOException {
		long orgA = one("select scope_unit_id from app_user where username = 'chair'");
		long event = one("select event_id from event_participant group by event_id order by count(*) desc limit 1");
		Map<String, Object> survey = jdbc.sql("select token, opens_at, closes_at, window_manual, version from event_survey"
				+ " where event_id = :e and kind = 'POST_EVENT'").param("e", event).query().singleRow();
		List<Shot> staff = List.of(
				new Shot("methodologist-dashboard", "methodologist", "/dashboard?year=2025", false, "methodologist", "dashboard.asTable",
						"/help/methodologist#start"),
				new Shot("methodologist-event", "methodologist", "/events/" + event, false, "methodologist",
						"surveys.panel.open", "/help/methodologist#events"),
				new Shot("methodologist-participants", "methodologist", "/events/" + event + "/participants", false,
						"methodologist", "training.participants.title", "/help/methodologist#participants"),
				new Shot("methodologist-survey", "methodologist", "/events/" + event + "/survey", false, "methodologist",
						"surveys.saveWindow", "/help/methodologist#survey"),
				new Shot("executive-report", "executive", "/reports/coverage?year=2025", false, "executive",
						"reports.download.xlsx", "/help/executive#report"),
				new Shot("admin-users", "admin", "/admin/users", false, "admin", "accounts.create", "/help/admin#users"),
				new Shot("chair-portal", "chair", "/organizations/" + orgA + "/portal?year=2025", true, "chair", "portal.schoolPlan.edit",
						"/help/chair#portal"),
				new Shot("chair-school-plan", "chair", "/schools/" + orgA + "/2026", true, "chair", "schools.item.add",
						"/help/chair#school-plan"),
				new Shot("participant-survey", null, "/s/" + survey.get("token"), true, "participant",
						"surveys.public.submit", "/help/participant"));
		List<String> problems = new ArrayList<>();
		try {
			openTheSurvey(browser, event);
			for (String lang : LANGUAGES) {
				for (Shot shot : staff) {
					problems.addAll(take(browser, shot, lang));
				}
			}
		}
		finally {
			// the survey's window as the demo data had it, for the other journeys on this database
			jdbc.sql("update event_survey set opens_at = :o, closes_at = :c, window_manual = :m, version = version + 1"
					+ " where event_id = :e and kind = 'POST_EVENT'")
				.param("o", survey.get("opens_at")).param("c", survey.get("closes_at"))
				.param("m", survey.get("window_manual")).param("e", event).update();
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theGuideReadsOnAPhoneWithoutSigningIn(Browser browser) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
			.setIsMobile(true).setHasTouch(true));
		Page page = context.newPage();
		List<String> problems = new ArrayList<>();
		for (String lang : LANGUAGES) {
			for (String path : List.of("/help", "/help/participant", "/help/chair", "/help/methodologist", "/help/admin",
					"/help/executive")) {
				Response response = page.navigate(ui.url(path + "?lang=" + lang));
				String at = lang + " " + path;
				if (response == null || response.status() != 200) {
					problems.add(at + ": " + (response == null ? "no response" : response.status()));
					continue;
				}
				if (!page.locator("h1").first().isVisible()) {
					problems.add(at + ": no heading");
				}
				if (ui.scrollsSideways(page)) {
					problems.add(at + ": scrolls sideways at 360 px");
				}
				ui.screenshot(page, "help-" + lang + path.replace('/', '-'));
				// every picture the chapter shows is served, as a PNG
				Object sources = page.evaluate("() => [...document.images].map(i => i.src)");
				for (Object src : (List<?>) sources) {
					var picture = page.request().get(String.valueOf(src));
					if (picture.status() != 200 || !"image/png".equals(picture.headers().get("content-type"))) {
						problems.add(at + ": picture not served " + src + " " + picture.status());
					}
				}
			}
		}
		context.close();
		assertThat(problems).isEmpty();
	}

	/** As the methodologist would before the seminar: the survey page's "Open now". */
	private void openTheSurvey(Browser browser, long event) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
		Page page = context.newPage();
		ui.signIn(page, "methodologist");
		page.navigate(ui.url("/events/" + event + "/survey"));
		var open = page.locator("#survey-POST_EVENT form[action$='/survey/open'] button");
		if (open.count() > 0) {
			open.click();
			page.waitForLoadState();
		}
		assertThat(page.locator("#survey-POST_EVENT .badge.text-bg-success").count()).as("the survey is open").isEqualTo(1);
		context.close();
	}

	private List<String> take(Browser browser, Shot shot, String lang) throws IOException {
		List<String> problems = new ArrayList<>();
		Browser.NewContextOptions options = shot.phone()
				? new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true).setHasTouch(true)
				: new Browser.NewContextOptions().setViewportSize(1280, 800);
		BrowserContext context = browser.newContext(options.setDeviceScaleFactor(1));
		Page page = context.newPage();
		try {
			if (shot.user() != null) {
				ui.signIn(page, shot.user());
			}
			String at = lang + " " + shot.name();
			Response response = page.navigate(ui.url(shot.path() + (shot.path().contains("?") ? "&" : "?") + "lang=" + lang));
			if (response == null || response.status() != 200) {
				problems.add(at + ": " + (response == null ? "no response" : response.status()));
				return problems;
			}
			// the panels a page loads after it (htmx) are part of what it shows
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			String text = messages.getMessage(shot.messageKey(), null, Locale.forLanguageTag(lang));
			String body = page.locator("body").innerText();
			if (!body.contains(text)) {
				problems.add(at + ": the page does not show \"" + text + "\"");
			}
			String chapter = Files.readString(Path.of("docs", "guide", lang, shot.chapter() + ".md"), StandardCharsets.UTF_8);
			if (!chapter.contains("**" + text + "**")) {
				problems.add(at + ": the " + lang + "/" + shot.chapter() + " chapter does not name \"" + text + "\"");
			}
			if (!chapter.contains("../img/" + lang + "/" + shot.name() + ".png")) {
				problems.add(at + ": the chapter does not show this screenshot");
			}
			String help = page.locator("#help-link").getAttribute("href");
			if (!shot.helpTarget().equals(help)) {
				problems.add(at + ": the help link goes to " + help + ", not " + shot.helpTarget());
			}
			if (shot.phone() && ui.scrollsSideways(page)) {
				problems.add(at + ": scrolls sideways at 360 px");
			}
			Path file = IMAGES.resolve(lang).resolve(shot.name() + ".png");
			Files.createDirectories(file.getParent());
			page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
		}
		finally {
			context.close();
		}
		return problems;
	}

	private long one(String sql) {
		Long value = jdbc.sql(sql).query(Long.class).single();
		assertThat(value).as(sql).isNotNull();
		return value;
	}
}
