package kz.oqytu.web;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import kz.oqytu.shared.work.GiveWay;
import kz.oqytu.shared.xlsx.XlsxWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long exports give way to light requests (decision 0048, bench S7): the web layer counts the light
 * requests being served, and a workbook being written pauses between batches of rows, and while it is
 * deflated, whenever one is.
 */
class GiveWayTests {

	private final LightRequestsFilter filter = new LightRequestsFilter(new SimpleMeterRegistry());

	@Test
	void lightRequestsAreCountedWhileServedAndHeavyOnesAndStaticFilesNot() throws Exception {
		int before = GiveWay.lightInFlight();
		List<String> seen = new ArrayList<>();
		for (String path : List.of("/s/abc123", "/portal", "/dashboard", "/events/participants.xlsx", "/css/site.css",
				"/webjars/htmx.org/htmx.min.js")) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
			filter.doFilter(request, new MockHttpServletResponse(),
					(req, res) -> seen.add(path + "=" + (GiveWay.lightInFlight() - before)));
			assertThat(GiveWay.lightInFlight()).as("after " + path).isEqualTo(before);
		}
		assertThat(seen).containsExactly("/s/abc123=1", "/portal=1", "/dashboard=0", "/events/participants.xlsx=0",
				"/css/site.css=0", "/webjars/htmx.org/htmx.min.js=0");
	}

	@Test
	void aLightRequestThatFailsIsNoLongerCounted() {
		int before = GiveWay.lightInFlight();
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/s/abc123");
		try {
			filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
				throw new IllegalStateException("boom");
			});
		}
		catch (Exception expected) {
			assertThat(expected).hasMessage("boom");
		}
		assertThat(GiveWay.lightInFlight()).isEqualTo(before);
	}

	@Test
	void aWorkbookPausesBetweenRowsOnlyWhileALightRequestIsServed() {
		long alone = pausesWhileWriting(1_024);
		assertThat(alone).as("no light request: no pause").isZero();
		GiveWay.lightStarted();
		try {
			long meanwhile = pausesWhileWriting(1_024);
			assertThat(meanwhile).as("a pause every 256 new rows").isGreaterThanOrEqualTo(4);
		}
		finally {
			GiveWay.lightEnded();
		}
	}

	@Test
	void theDeflatingStreamPausesEvery64KiBWhileALightRequestIsServed() throws Exception {
		ByteArrayOutputStream sink = new ByteArrayOutputStream();
		byte[] chunk = new byte[16 * 1024];
		long before = GiveWay.pauses();
		GiveWay.lightStarted();
		try (OutputStream out = GiveWay.pacing(sink)) {
			for (int i = 0; i < 16; i++) {
				out.write(chunk, 0, chunk.length);
			}
		}
		finally {
			GiveWay.lightEnded();
		}
		assertThat(GiveWay.pauses() - before).isEqualTo(4);
		assertThat(sink.size()).as("every byte passed on").isEqualTo(16 * chunk.length);
	}

	@Test
	void aHeavyRequestLetsTheLightOnesBeingServedGoFirst() throws Exception {
		HeavyWorkGate gate = new HeavyWorkGate(1, java.time.Duration.ofSeconds(5), new DatabaseOutageFilter(null, null),
				new SimpleMeterRegistry());
		long before = GiveWay.pauses();
		gate.doFilter(new MockHttpServletRequest("GET", "/dashboard"), new MockHttpServletResponse(), (req, res) -> {
		});
		assertThat(GiveWay.pauses() - before).as("nothing light in flight: no pause").isZero();
		GiveWay.lightStarted();
		try {
			gate.doFilter(new MockHttpServletRequest("GET", "/dashboard"), new MockHttpServletResponse(), (req, res) -> {
			});
			gate.doFilter(new MockHttpServletRequest("GET", "/portal"), new MockHttpServletResponse(), (req, res) -> {
			});
		}
		finally {
			GiveWay.lightEnded();
		}
		assertThat(GiveWay.pauses() - before).as("the dashboard paused, the light page went through").isEqualTo(1);
	}

	private static long pausesWhileWriting(int rows) {
		long before = GiveWay.pauses();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxWriter xlsx = new XlsxWriter(true, "footer")) {
			Sheet sheet = xlsx.sheet("s");
			for (int r = 0; r < rows; r++) {
				Row row = xlsx.row(sheet, r);
				xlsx.text(row, 0, "row " + r);
				assertThat(xlsx.row(sheet, r)).as("an existing row is no new row").isSameAs(row);
			}
			long afterRows = GiveWay.pauses() - before;
			xlsx.write(out);
			assertThat(out.size()).isPositive();
			return afterRows;
		}
	}
}
