package kz.oqytu.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** What every journey needs: pages of a given size, signing in, screenshots and an axe check. */
final class Ui {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static String axeSource;

	private final String base;

	Ui(int port) {
		this.base = "http://localhost:" + port;
	}

	String url(String path) {
		return base + path;
	}

	/** A desktop window, 1366×768. */
	Page desktop(Browser browser) {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setAcceptDownloads(true))
			.newPage();
	}

	/** A phone: 390×844 (or 360 wide), touch, mobile. */
	Page phone(Browser browser, int width, int height) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
			.setHasTouch(true)
			.setIsMobile(true)
			.setDeviceScaleFactor(2)
			.setUserAgent("Mozilla/5.0 (Linux; Android 14; Oqytu test phone) Mobile Chrome"));
		return context.newPage();
	}

	void signIn(Page page, String username) {
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", "demo");
		page.click("button[type=submit]");
		page.waitForLoadState();
	}

	void screenshot(Page page, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	/** Serious and critical axe-core violations on the page, as "rule: target" lines. */
	@SuppressWarnings("unchecked")
	List<String> seriousViolations(Page page) {
		// Evaluated through the DevTools protocol, so the page's Content-Security-Policy still applies to the page.
		// Running transitions end first: a button just tapped is measured in its final colours, not halfway
		// through Bootstrap's 0.15 s fade (which read 3.4:1 on the calendar card's copy button).
		page.evaluate(axe());
		List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(
				"async () => { await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));"
						+ " return (await axe.run(document, { resultTypes: ['violations'] })).violations"
						+ ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
						+ ".map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5),"
						+ " why: (v.nodes[0] && v.nodes[0].any[0] && v.nodes[0].any[0].message) || '' })); }");
		List<String> lines = new ArrayList<>();
		for (Map<String, Object> v : violations) {
			lines.add(v.get("impact") + " " + v.get("id") + ": " + v.get("targets")
					+ (v.get("why") == null || "".equals(v.get("why")) ? "" : " (" + v.get("why") + ")"));
		}
		return lines;
	}

	/** Whether the page is wider than the window (horizontal scrolling). */
	boolean scrollsSideways(Page page) {
		return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
	}

	private static synchronized String axe() {
		if (axeSource == null) {
			try (InputStream in = Ui.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
				if (in == null) {
					throw new IllegalStateException("axe-core WebJar missing from the test classpath");
				}
				axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return axeSource;
	}
}
