package kz.oqytu.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts Playwright on Debian's Chromium once per test class and hands the {@link Browser} to
 * test methods. Without Chromium the tests fail and say what to install; they never download one.
 */
public class BrowserExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("OQYTU_CHROMIUM", "/usr/bin/chromium"));

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		if (!Files.isExecutable(CHROMIUM)) {
			throw new IllegalStateException("The browser journeys need Debian's Chromium at " + CHROMIUM
					+ ". Install it with 'apt-get install -y chromium' (or point OQYTU_CHROMIUM at a Chromium binary).");
		}
		// A form's answer can take longer than Playwright's 5 s on a loaded 2-core machine (a CI run once
		// asserted on the page still showing the submitted form): assertions wait up to 20 s for it. They pass
		// as soon as the page shows what they expect, so a working page costs no time.
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
		Playwright playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(CHROMIUM)
			.setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
		context.getStore(NAMESPACE).put("playwright", playwright);
		context.getStore(NAMESPACE).put("browser", browser);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Browser browser = context.getStore(NAMESPACE).remove("browser", Browser.class);
		if (browser != null) {
			browser.close();
		}
		Playwright playwright = context.getStore(NAMESPACE).remove("playwright", Playwright.class);
		if (playwright != null) {
			playwright.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getParent().orElse(context).getStore(NAMESPACE).get("browser", Browser.class);
	}
}
