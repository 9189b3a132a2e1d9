package kz.oqytu.surveys.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The follow-up reminder's iCalendar text: RFC 5545's escaping and line folding by octets. */
class CalendarReminderTests {

	@Test
	void textValuesEscapeBackslashSemicolonCommaAndLineBreaks() {
		assertThat(kz.oqytu.shared.ical.Ics.escape("a\\b;c,d\r\ne")).isEqualTo("a\\\\b\\;c\\,d\\ne");
	}

	@Test
	void longKazakhLinesFoldAtSeventyFiveOctetsNeverInsideALetter() {
		String title = "Бастауыш кәсіподақ ұйымдары төрағаларына арналған еңбек құқығы бойынша семинар";
		String ics = CalendarReminder.ics("uid@example.org", LocalDate.of(2031, 5, 9), "Сауалнама: " + title, title,
				"https://oqytu.example.org/s/abc", Instant.parse("2031-03-11T05:00:00Z"));
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
			assertThat(line).doesNotContain("\uFFFD");
		}
		String unfolded = ics.replace("\r\n ", "");
		assertThat(unfolded).contains("SUMMARY:Сауалнама: " + title + "\r\n")
			.contains("DTSTAMP:20310311T050000Z\r\n")
			.contains("DTSTART;VALUE=DATE:20310509\r\n");
		assertThat(ics.split("\r\n ").length).as("some lines were folded").isGreaterThan(1);
	}
}
