package kz.oqytu.browser;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #20, part 3: the chair, on a 360 px phone in Russian, finds the calendar on the portal, copies its
 * address, opens the feed, and makes a new address, after which the old one answers 404.
 */
@BrowserTest
class CalendarFeedJourneyTests {

	@LocalServerPort
	int port;

	@Test
	void theChairCopiesTheCalendarAddressOpensItAndMakesANewOne(Browser browser) {
		Ui ui = new Ui(port);
		Page phone = ui.phone(browser, 360, 800);
		phone.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
		ui.signIn(phone, "chair");
		assertThat(phone).hasURL(Pattern.compile(".*/organizations/\\d+/portal$"));
		phone.navigate(phone.url() + "?lang=ru");

		Locator calendar = phone.locator("details#portal-calendar");
		assertThat(calendar).not().hasAttribute("open", Pattern.compile(".*"));
		calendar.locator("summary").tap();
		assertThat(calendar.locator("summary")).hasText("Календарь мероприятий");
		Locator subscribe = calendar.locator("[data-calendar-subscribe]");
		assertThat(subscribe).isVisible();
		assertThat(subscribe).hasText("Подписаться в календаре телефона");
		String url = calendar.locator("[data-calendar-url]").inputValue();
		assertThat(url).matches("https?://[^/]+/feeds/ru/[A-Za-z0-9_-]{43}\\.ics");
		assertThat(subscribe.getAttribute("href")).isEqualTo(url.replaceFirst("^https?", "webcal"));
		assertThat(calendar.locator("[data-calendar-other]").getAttribute("href")).isEqualTo(url.replace("/feeds/ru/", "/feeds/kk/"));

		calendar.locator("[data-share-copy]").tap();
		assertThat(calendar.locator("[data-share-status]")).hasText("Ссылка скопирована");
		assertThat(phone.evaluate("() => navigator.clipboard.readText()")).isEqualTo(url);
		assertThat(ui.scrollsSideways(phone)).isFalse();
		assertThat(ui.seriousViolations(phone)).isEmpty();
		ui.screenshot(phone, "chair-calendar-feed-360");

		// What a phone's calendar fetches (the address names the public host, here the test server)
		String feedPath = url.replaceFirst("^https?://[^/]+", "");
		APIResponse feed = phone.request().get(ui.url(feedPath));
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.headers().get("content-type")).isEqualTo("text/calendar;charset=utf-8");
		assertThat(feed.text()).startsWith("BEGIN:VCALENDAR\r\n").contains("METHOD:PUBLISH").contains("X-WR-CALNAME:Oqytu: ");

		// A new address: the page asks first, then shows the new one; the old one is gone at once.
		phone.onceDialog(dialog -> dialog.accept());
		calendar.locator("[data-calendar-regenerate]").tap();
		phone.waitForURL(Pattern.compile(".*/portal#portal-calendar$"));
		assertThat(phone.locator(".alert-success")).containsText("Создан новый адрес календаря");
		Locator renewed = phone.locator("details#portal-calendar");
		assertThat(renewed).hasAttribute("open", Pattern.compile(".*"));
		String newUrl = renewed.locator("[data-calendar-url]").inputValue();
		assertThat(newUrl).matches("https?://[^/]+/feeds/ru/[A-Za-z0-9_-]{43}\\.ics").isNotEqualTo(url);
		assertThat(phone.request().get(ui.url(feedPath)).status()).isEqualTo(404);
		assertThat(phone.request().get(ui.url(newUrl.replaceFirst("^https?://[^/]+", ""))).status()).isEqualTo(200);
		ui.screenshot(phone, "chair-calendar-feed-renewed-360");
		phone.context().close();
	}
}
