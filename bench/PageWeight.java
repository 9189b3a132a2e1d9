// What a first visit weighs on a weak phone network (issue #19), run by bench/run after the scenarios:
//   java -cp <playwright's jars> bench/PageWeight.java --base=http://localhost:18089 --db=oqytu_bench [--quick]
// Debian's Chromium (/usr/bin/chromium, or OQYTU_CHROMIUM) emulates 400 ms latency and 400 kbit/s each way
// (Chrome DevTools protocol, as src/test/java/kz/oqytu/browser/PageWeightTests does); for the login page, a
// participant's survey and a primary organization's portal (signed in, cache emptied) it prints the bytes that
// crossed the wire (headers and bodies, as encoded) and the first paint. A full run fails when a page is over
// its byte budget (survey ≤ 50 KB, login and portal ≤ 100 KB); the first paint (goal ≤ 3 s) is reported, never
// judged, as it also measures the machine's load; --quick fails only when a page does not load.
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;

public class PageWeight {

	static String base;

	static String db;

	public static void main(String[] args) throws Exception {
		Map<String, String> a = new HashMap<>();
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			a.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		base = a.getOrDefault("base", "http://localhost:18089");
		db = a.getOrDefault("db", "oqytu_bench");
		boolean quick = a.containsKey("quick");
		String token = psql("select token from event_survey where opens_at < localtimestamp and closes_at > localtimestamp"
				+ " and kind = 'POST_EVENT' order by id desc limit 1");
		String organization = psql("select id from org_unit where level = 'PRIMARY' and path like '/1/2/%' order by id limit 1");
		Path chromium = Path.of(System.getenv().getOrDefault("OQYTU_CHROMIUM", "/usr/bin/chromium"));
		List<String> lines = new ArrayList<>();
		boolean failed = false;
		try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
			Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
			Object[][] pages = { { "login", null, "/login", 100 }, { "survey (participant's first visit)", null, "/s/" + token, 50 },
					{ "portal (signed in, cold cache)", "methodologist", "/organizations/" + organization + "/portal", 100 } };
			for (Object[] p : pages) {
				long[] m = measure(browser, (String) p[1], (String) p[2]);
				if (m == null) {
					lines.add(p[0] + ": did not load");
					failed = true;
					continue;
				}
				int budget = (Integer) p[3];
				boolean bytesPass = m[0] <= budget * 1024L;
				boolean paintPass = m[1] >= 0 && m[1] <= 3000;
				lines.add(String.format("%-36s %7.1f KB in %2d requests (goal ≤ %d KB: %s), first paint %5d ms (goal ≤ 3 000 ms: %s)",
						p[0], m[0] / 1024.0, m[2], budget, bytesPass ? "pass" : "FAIL", m[1], paintPass ? "pass" : "missed"));
				// bytes are deterministic; the first paint also measures the machine's load, so it is reported only
				failed |= !quick && !bytesPass;
			}
			browser.close();
		}
		lines.forEach(System.out::println);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "page-weight.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		if (failed) {
			System.exit(1);
		}
	}

	/** Bytes, first paint (ms) and the number of requests of one page in a new window with an empty cache. */
	static long[] measure(Browser browser, String username, String path) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 800)
			.setIsMobile(true)
			.setHasTouch(true));
		try {
			Page page = context.newPage();
			if (username != null) {
				page.navigate(base + "/login");
				page.fill("#username", username);
				page.fill("#password", "demo");
				page.click("button[type=submit]");
				page.waitForLoadState();
			}
			CDPSession cdp = context.newCDPSession(page);
			cdp.send("Network.enable");
			cdp.send("Network.clearBrowserCache");
			JsonObject conditions = new JsonObject();
			conditions.addProperty("offline", false);
			conditions.addProperty("latency", 400);
			conditions.addProperty("downloadThroughput", 50_000);
			conditions.addProperty("uploadThroughput", 50_000);
			cdp.send("Network.emulateNetworkConditions", conditions);
			AtomicLong bytes = new AtomicLong();
			AtomicLong requests = new AtomicLong();
			cdp.on("Network.loadingFinished", e -> bytes.addAndGet(e.get("encodedDataLength").getAsLong()));
			cdp.on("Network.requestWillBeSent", e -> requests.incrementAndGet());
			Response response = page.navigate(base + path);
			if (response == null || response.status() != 200) {
				return null;
			}
			page.waitForLoadState(LoadState.NETWORKIDLE);
			Number paint = (Number) page.evaluate("() => { const p = performance.getEntriesByType('paint')"
					+ ".find(e => e.name === 'first-paint'); return p ? p.startTime : -1; }");
			return new long[] { bytes.get(), paint.longValue(), requests.get() };
		}
		finally {
			context.close();
		}
	}

	static String psql(String sql) throws Exception {
		Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-qtAX", "-c", sql)
			.redirectErrorStream(true)
			.start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (p.waitFor() != 0 || output.isEmpty()) {
			throw new IllegalStateException("psql found nothing for: " + sql + " " + output);
		}
		return output.lines().findFirst().orElseThrow();
	}
}
