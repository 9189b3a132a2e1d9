package kz.oqytu.calendar;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue #20, part 3: a union body's calendar feed at its secret address, on the real database, read
 * back with a standard iCalendar parser (ical4j). Events are made around the clock's today (after the
 * demo years) and roll back.
 */
@OqytuIntegrationTest
@Transactional
class CalendarFeedTests {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	CalendarFeeds feeds;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	CurrentUser chair;

	CurrentUser methodologist;

	long own;

	UnitInfo district;

	long region;

	long otherDistrict;

	LocalDate today;

	@BeforeEach
	void setUp() {
		chair = users.current("chair");
		methodologist = users.current("methodologist");
		own = chair.scopeUnitId();
		district = organizations.info(organizations.info(own).orElseThrow().parentId()).orElseThrow();
		region = district.parentId();
		otherDistrict = organizations.committees(methodologist)
			.stream()
			.map(c -> c.id())
			.filter(id -> id != district.id())
			.findFirst()
			.orElseThrow();
		today = LocalDate.now(clock);
	}

	private long event(String kk, String ru, LocalDateTime starts, VenueKind venue, Long districtId, Long host,
			String details) {
		return events.create(methodologist, new EventCommand(kk, ru, "THEMATIC_SEMINAR", Set.of("LABOUR_LAW", "NEGOTIATIONS"),
				starts, starts.plusHours(3), new BigDecimal("4"), venue, districtId, host, details, "Әлиева А., Петров П.",
				Set.of(), "https://example.org/announce", null, EventStatus.PLANNED, Map.of()));
	}

	private MockHttpServletResponse fetch(String url) throws Exception {
		MvcResult result = mvc.perform(get(url.replaceFirst("^https?://[^/]+", ""))).andReturn();
		assertThat(result.getRequest().getSession(false)).as("a session for " + url).isNull();
		assertThat(result.getResponse().getHeaders("Set-Cookie")).as("cookies set by " + url).isEmpty();
		return result.getResponse();
	}

	private String ics(String url) throws Exception {
		MockHttpServletResponse response = fetch(url);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/calendar;charset=utf-8");
		return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static Calendar parse(String text) throws Exception {
		return new CalendarBuilder().build(new StringReader(text));
	}

	private static Optional<VEvent> find(Calendar calendar, long eventId) {
		return calendar.<VEvent>getComponents(Component.VEVENT)
			.stream()
			.filter(e -> value(e, Property.UID).equals("event-" + eventId + "@oqytu.kz"))
			.findFirst();
	}

	private static String value(net.fortuna.ical4j.model.PropertyContainer c, String name) {
		return c.getProperty(name).map(p -> ((Property) p).getValue()).orElse("");
	}

	@Test
	void theFeedCarriesTheEventsInTheReadersLanguageAsAStandardParserReadsThem() throws Exception {
		String longTitle = "Ұжымдық шарт, келіссөздер; еңбек құқығы\\ және әлеуметтік әріптестік бойынша аудандық семинар";
		LocalDateTime starts = today.plusDays(10).atTime(10, 0);
		long id = event(longTitle, "Районный семинар: коллективный договор, переговоры; трудовое право", starts,
				VenueKind.COMMITTEE_PREMISES, district.id(), null, "Зал №2, ул. Абая, 5");
		FeedAddress address = feeds.address(chair, own);
		assertThat(address.secret()).matches("[A-Za-z0-9_-]{43}");
		assertThat(address.url(java.util.Locale.forLanguageTag("ru"))).endsWith("/feeds/ru/" + address.secret() + ".ics");
		assertThat(address.webcal(java.util.Locale.forLanguageTag("ru"))).startsWith("webcal://").endsWith(".ics");

		String ru = ics(address.url("ru"));
		// RFC 5545: CRLF line ends, no physical line over 75 octets, folded lines start with a space
		assertThat(ru).endsWith("END:VCALENDAR\r\n");
		assertThat(ru.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		for (String line : ru.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(ru).contains("\r\n ");
		Calendar calendar = parse(ru);
		assertThat(value(calendar, "METHOD")).isEqualTo("PUBLISH");
		assertThat(value(calendar, "VERSION")).isEqualTo("2.0");
		assertThat(value(calendar, "PRODID")).isNotBlank();
		assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Oqytu: " + organizations.info(own).orElseThrow().nameRu());
		assertThat(value(calendar, "REFRESH-INTERVAL")).isEqualTo("PT6H");
		VEvent e = find(calendar, id).orElseThrow();
		assertThat(value(e, Property.SUMMARY)).isEqualTo("Районный семинар: коллективный договор, переговоры; трудовое право");
		assertThat(value(e, Property.DTSTART)).isEqualTo(UTC.format(starts.atZone(clock.getZone())));
		assertThat(value(e, Property.DTEND)).isEqualTo(UTC.format(starts.plusHours(3).atZone(clock.getZone())));
		assertThat(value(e, Property.DTSTAMP)).endsWith("Z");
		assertThat(value(e, Property.STATUS)).isEqualTo("CONFIRMED");
		assertThat(value(e, Property.LOCATION)).isEqualTo("Зал №2, ул. Абая, 5, " + district.nameRu());
		assertThat(value(e, Property.DESCRIPTION)).contains("Тематический семинар")
			.contains("Академических часов: 4,0")
			.contains("Тренеры: Әлиева А., Петров П.")
			.contains("https://example.org/announce")
			.contains("\n");
		assertThat(value(e, Property.URL)).isEqualTo("https://example.org/announce");

		// The same feed in Kazakh: the Kazakh title, escaped and folded, comes back as it was typed.
		VEvent kk = find(parse(ics(address.url("kk"))), id).orElseThrow();
		assertThat(value(kk, Property.SUMMARY)).isEqualTo(longTitle);
		assertThat(value(kk, Property.DESCRIPTION)).contains("Академиялық сағат: 4,0");
		assertThat(value(kk, Property.UID)).isEqualTo(value(e, Property.UID));
	}

	@Test
	void aCancelledEventStaysWithStatusCancelledAndAHigherSequenceAndOldEventsLeave() throws Exception {
		long id = event("Семинар", "Семинар", today.plusDays(5).atTime(15, 0), VenueKind.ON_SITE, district.id(), own, null);
		long lastMonth = event("Өткен семинар", null, today.minusDays(20).atTime(10, 0), VenueKind.COMMITTEE_PREMISES,
				district.id(), null, null);
		long longAgo = event("Ескі семинар", null, today.minusDays(45).atTime(10, 0), VenueKind.COMMITTEE_PREMISES,
				district.id(), null, null);
		String url = feeds.address(chair, own).url("ru");
		VEvent before = find(parse(ics(url)), id).orElseThrow();
		assertThat(value(before, Property.STATUS)).isEqualTo("CONFIRMED");
		assertThat(value(before, Property.LOCATION)).contains(organizations.info(own).orElseThrow().nameRu());

		events.cancel(methodologist, id, events.details(methodologist, id).version());
		Calendar after = parse(ics(url));
		VEvent cancelled = find(after, id).orElseThrow();
		assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
		assertThat(Integer.parseInt(value(cancelled, Property.SEQUENCE)))
			.isGreaterThan(Integer.parseInt(value(before, Property.SEQUENCE)));
		assertThat(value(cancelled, Property.SUMMARY)).isEqualTo("Отменено: Семинар");
		assertThat(find(after, lastMonth)).as("an event of 20 days ago").isPresent();
		assertThat(find(after, longAgo)).as("an event of 45 days ago").isEmpty();
	}

	@Test
	void aWrongSecretAnswers404AndANewSecretStopsTheOldAddressAtOnce() throws Exception {
		FeedAddress first = feeds.address(chair, own);
		assertThat(feeds.address(chair, own).secret()).as("the same address on the next view").isEqualTo(first.secret());
		assertThat(fetch("/feeds/ru/" + "A".repeat(43) + ".ics").getStatus()).isEqualTo(404);
		assertThat(fetch("/feeds/ru/short.ics").getStatus()).isEqualTo(404);
		assertThat(fetch("/feeds/de/" + first.secret() + ".ics").getStatus()).isEqualTo(404);
		assertThat(fetch(first.url("kk")).getStatus()).isEqualTo(200);

		// the chair renews it on the portal
		mvc.perform(post("/calendar/feeds/" + own + "/regenerate").param("back", "portal").with(csrf()).with(users.as("chair")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/organizations/" + own + "/portal#portal-calendar"));
		FeedAddress second = feeds.address(chair, own);
		assertThat(second.secret()).isNotEqualTo(first.secret());
		assertThat(fetch(first.url("kk")).getStatus()).isEqualTo(404);
		assertThat(fetch(first.url("ru")).getStatus()).isEqualTo(404);
		assertThat(fetch(second.url("kk")).getStatus()).isEqualTo(200);
		// kept as its digest's lookup key, 256 random bits
		assertThat(jdbc.sql("select count(*) from calendar_feed where secret_sha256 = sha256(convert_to(:s, 'UTF8'))")
			.param("s", second.secret()).query(Long.class).single()).isEqualTo(1L);
	}

	@Test
	void theChairRenewsTheirOrganizationsAddressAndStaffTheDistrictsAndTheRegions() {
		assertThat(feeds.address(chair, own).mayRegenerate()).isTrue();
		assertThat(feeds.address(methodologist, own).mayRegenerate()).isFalse();
		assertThat(feeds.address(users.current("admin"), own).mayRegenerate()).isTrue();
		assertThatThrownBy(() -> feeds.regenerate(methodologist, own)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> feeds.address(chair, district.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> feeds.regenerate(chair, district.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> feeds.regenerate(users.current("executive"), region)).isInstanceOf(AccessDeniedException.class);
		String old = feeds.address(methodologist, region).secret();
		assertThat(feeds.regenerate(methodologist, region).secret()).isNotEqualTo(old);
		assertThat(feeds.regenerate(methodologist, district.id()).mayRegenerate()).isTrue();
		assertThat(feeds.regenerate(users.current("admin"), district.id()).mayRegenerate()).isTrue();
	}

	@Test
	void eachBodysFeedCarriesItsOwnEventsAndTheRegionsButNoOtherDistricts() throws Exception {
		LocalDateTime at = today.plusDays(12).atTime(11, 0);
		long here = event("Осында", null, at, VenueKind.COMMITTEE_PREMISES, district.id(), null, null);
		long elsewhere = event("Басқа ауданда", null, at, VenueKind.COMMITTEE_PREMISES, otherDistrict, null, null);
		long regional = event("Облыстық", null, at, VenueKind.REGIONAL_OFFICE, null, null, null);
		Calendar organization = parse(ics(feeds.address(chair, own).url("kk")));
		Calendar ownDistrict = parse(ics(feeds.address(methodologist, district.id()).url("kk")));
		Calendar other = parse(ics(feeds.address(methodologist, otherDistrict).url("kk")));
		Calendar wholeRegion = parse(ics(feeds.address(methodologist, region).url("kk")));

		assertThat(find(organization, here)).isPresent();
		assertThat(find(organization, regional)).isPresent();
		assertThat(find(organization, elsewhere)).as("another district's event in the organization's feed").isEmpty();
		assertThat(find(ownDistrict, here)).isPresent();
		assertThat(find(ownDistrict, regional)).isPresent();
		assertThat(find(ownDistrict, elsewhere)).isEmpty();
		assertThat(find(other, elsewhere)).isPresent();
		assertThat(find(other, here)).as("this district's event in another's feed").isEmpty();
		assertThat(find(wholeRegion, here)).isPresent();
		assertThat(find(wholeRegion, elsewhere)).isPresent();
		assertThat(find(wholeRegion, regional)).isPresent();

		// add to calendar: the chair's own event as a file; another district's is not found for them
		MockHttpServletResponse file = mvc.perform(get("/calendar/events/" + here + ".ics").with(users.as("chair")))
			.andReturn().getResponse();
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(file.getHeader("Content-Disposition")).startsWith("attachment");
		Calendar single = parse(file.getContentAsString(StandardCharsets.UTF_8));
		assertThat(single.<VEvent>getComponents(Component.VEVENT)).hasSize(1);
		assertThat(find(single, here)).isPresent();
		assertThat(mvc.perform(get("/calendar/events/" + elsewhere + ".ics").with(users.as("chair"))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/calendar/events/" + elsewhere + ".ics").with(users.as("methodologist"))).andReturn()
			.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void thePortalAndTheEventPageOfferAddToCalendarAndThePortalTheFeed() throws Exception {
		LocalDateTime at = today.plusDays(7).atTime(10, 0);
		long id = event("Жоспарланған семинар", null, at, VenueKind.COMMITTEE_PREMISES, district.id(), null, null);
		String portal = mvc.perform(get("/organizations/" + own + "/portal").param("year", Integer.toString(at.getYear()))
				.param("lang", "ru").with(users.as("chair")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		FeedAddress address = feeds.address(chair, own);
		assertThat(portal).contains("/calendar/events/" + id + ".ics")
			.contains("id=\"portal-calendar\"")
			.contains(address.url("ru"))
			.contains(address.webcal(java.util.Locale.forLanguageTag("ru")))
			.contains("/calendar/feeds/" + own + "/regenerate?back=portal");
		String page = mvc.perform(get("/events/" + id).with(users.as("methodologist")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"event-add-to-calendar\"").contains("/calendar/events/" + id + ".ics");
		String staff = mvc.perform(get("/calendar/feeds").with(users.as("methodologist")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(staff).contains(feeds.address(methodologist, region).url("kk"))
			.contains(feeds.address(methodologist, district.id()).url("kk"))
			.contains("/calendar/feeds/" + district.id() + "/regenerate");
	}

	@Test
	void aPollThatFindsNothingNewIs304AndAChangeIsSeenAtOnce() throws Exception {
		long id = event("Семинар", null, today.plusDays(3).atTime(9, 0), VenueKind.COMMITTEE_PREMISES, district.id(), null, null);
		String path = feeds.address(chair, own).url("ru").replaceFirst("^https?://[^/]+", "");
		MockHttpServletResponse first = fetch(path);
		String etag = first.getHeader("ETag");
		assertThat(etag).isNotBlank();
		assertThat(first.getHeader("Last-Modified")).isNotBlank();
		assertThat(first.getHeader("Cache-Control")).contains("no-cache").contains("private");
		MockHttpServletResponse again = mvc.perform(get(path).header("If-None-Match", etag)).andReturn().getResponse();
		assertThat(again.getStatus()).isEqualTo(304);
		assertThat(again.getContentAsByteArray()).isEmpty();
		MockHttpServletResponse since = mvc.perform(get(path).header("If-Modified-Since", first.getHeader("Last-Modified")))
			.andReturn().getResponse();
		assertThat(since.getStatus()).isEqualTo(304);

		events.cancel(methodologist, id, events.details(methodologist, id).version());
		MockHttpServletResponse changed = mvc.perform(get(path).header("If-None-Match", etag)).andReturn().getResponse();
		assertThat(changed.getStatus()).isEqualTo(200);
		assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
		assertThat(changed.getContentAsString(StandardCharsets.UTF_8)).contains("STATUS:CANCELLED");
	}

	@Test
	void aFeedFetchedBeyondItsLimitThisMinuteAnswers429() throws Exception {
		FeedAddress address = feeds.address(chair, own);
		long minute = clock.millis() / 60_000;
		jdbc.sql("insert into calendar_fetch_count (unit_id, minute, fetches) values (:u, :m, 100000)"
				+ " on conflict (unit_id) do update set minute = :m, fetches = 100000")
			.param("u", own).param("m", minute).update();
		MockHttpServletResponse response = fetch(address.url("kk"));
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getHeader("Retry-After")).isEqualTo("60");
		// another body's feed is not limited by this one's fetches
		assertThat(fetch(feeds.address(methodologist, district.id()).url("kk")).getStatus()).isEqualTo(200);
	}
}
