package kz.oqytu.shared.time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #15, one clock: dates come from the union's zone, whatever zone the server runs in, and
 * every date and time the application takes comes from the {@link Clock} bean.
 */
class UnionClockTests {

	static final ZoneId AQTOBE = ZoneId.of("Asia/Aqtobe");

	@Test
	void betweenMidnightAndFiveLocalTheUnionsDateIsTodayWhileUtcIsStillYesterday() {
		// 2026-12-31 20:30 UTC is 2027-01-01 01:30 in Aqtobe (UTC+5): a server in UTC says "yesterday".
		Clock utc = Clock.fixed(Instant.parse("2026-12-31T20:30:00Z"), ZoneOffset.UTC);
		Clock union = UnionClock.create(AQTOBE, "", utc);
		assertThat(LocalDate.now(utc)).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(LocalDate.now(union)).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(union.getZone()).isEqualTo(AQTOBE);
	}

	@Test
	void aStartDateStartsTheClockThereInTheUnionsZoneAndItTicksOn() {
		Clock base = Clock.offset(Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC), java.time.Duration.ZERO);
		Clock started = UnionClock.create(AQTOBE, "2030-06-15", base);
		assertThat(LocalDateTime.now(started)).isEqualTo(LocalDateTime.of(2030, 6, 15, 0, 30));
		Clock atTime = UnionClock.create(AQTOBE, "2027-01-01T04:59", Clock.systemUTC());
		assertThat(LocalDate.now(atTime)).isEqualTo(LocalDate.of(2027, 1, 1));
		Instant first = atTime.instant();
		assertThat(atTime.instant()).isAfterOrEqualTo(first);
	}

	@Test
	void aMistypedStartDateStopsTheStartWithItsReason() {
		assertThatThrownBy(() -> UnionClock.create(AQTOBE, "01.01.2027", Clock.systemUTC()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("oqytu.clock.start")
			.hasMessageContaining("01.01.2027");
	}

	/**
	 * No code of the application takes the time from the JVM's own clock or zone: {@code now()} with
	 * no argument, a zone written into the code, or the system's default zone.
	 */
	@Test
	void theApplicationTakesEveryDateAndTimeFromTheClockBean() throws IOException {
		Path root = Path.of("src/main/java");
		Pattern bare = Pattern.compile("\\b(Instant|LocalDate|LocalDateTime|LocalTime|OffsetDateTime|ZonedDateTime|Year|YearMonth)"
				+ "\\.now\\(\\s*(ZoneOffset\\.[A-Z]+|ZoneId\\.[a-zA-Z]+\\([^)]*\\)|\"[^\"]*\"|ZONE)?\\s*\\)");
		Pattern zone = Pattern.compile("ZoneId\\.(of\\(\"|systemDefault)|TimeZone\\.getDefault|Clock\\.system(Default)?Zone|new java\\.util\\.Date\\(\\)|new Date\\(\\)");
		// the database's own clock in a statement: the time goes in as a parameter instead
		Pattern sql = Pattern.compile("\"[^\"]*\\b(now\\(\\)|current_date|current_timestamp|localtimestamp)", Pattern.CASE_INSENSITIVE);
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				if (file.endsWith("UnionClock.java")) {
					continue;
				}
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i);
					Matcher m = bare.matcher(line);
					if (m.find() || zone.matcher(line).find() || sql.matcher(line).find() || line.contains("Asia/Aqtobe") && !line.contains("${oqytu.time-zone")) {
						found.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip());
					}
				}
			}
		}
		// templates: Thymeleaf's own "today" is the server's
		Pattern template = Pattern.compile("#(temporals|dates|calendars)\\.create(Today|Now)");
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					if (template.matcher(lines.get(i)).find()) {
						found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
				}
			}
		}
		assertThat(found).as("dates and times taken outside the Clock bean").isEmpty();
	}
}
