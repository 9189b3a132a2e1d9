package kz.oqytu.checkin;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.ParticipantCommand;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue #20, part 1: the methodologist opens check-in, participants check themselves in without an
 * account (kk and ru), the entries are confirmed into the named list through training, merged with
 * people already on it or rejected; the closing time and the limits hold, and bad input changes nothing.
 * Events are in 2027 (the test clock's year), in a district of the demo region.
 */
@OqytuIntegrationTest
class CheckinTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TrainingEvents events;

	@Autowired
	Checkins checkins;

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private CurrentUser methodologist() {
		return users.current("methodologist");
	}

	/** A district of the demo region and two of its primary organizations. */
	private record District(long id, long org1, String org1Kk, long org2) {
	}

	private District district() {
		long id = jdbc.sql("select u.parent_id from org_unit u where u.level = 'PRIMARY' and u.active"
				+ " group by u.parent_id having count(*) > 5 order by u.parent_id limit 1").query(Long.class).single();
		List<Long> orgs = jdbc.sql("select id from org_unit where parent_id = :d and level = 'PRIMARY' and active order by id limit 2")
			.param("d", id).query(Long.class).list();
		String name = jdbc.sql("select name_kk from org_unit where id = :id").param("id", orgs.get(0)).query(String.class).single();
		return new District(id, orgs.get(0), name, orgs.get(1));
	}

	private long event(String title, Long districtId) {
		return events.create(methodologist(), new EventCommand(title, null, "THEMATIC_SEMINAR", Set.of("LABOUR_LAW"),
				LocalDateTime.of(2027, 3, 12, 10, 0), LocalDateTime.of(2027, 3, 12, 13, 0), BigDecimal.valueOf(4),
				districtId == null ? VenueKind.REGIONAL_OFFICE : VenueKind.COMMITTEE_PREMISES, districtId, null, null, null,
				Set.of(), null, null, EventStatus.PLANNED, Map.of()));
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock).withNano(0);
	}

	private String open(long event) {
		return checkins.open(methodologist(), event, now().plusHours(3)).code();
	}

	private long entries(String code) {
		return jdbc.sql("select count(*) from checkin_entry e join checkin c on c.id = e.checkin_id where c.code = :code")
			.param("code", code).query(Long.class).single();
	}

	private long participants(long event) {
		return jdbc.sql("select count(*) from event_participant where event_id = :e").param("e", event).query(Long.class).single();
	}

	private MockHttpServletRequestBuilder checkIn(String code, String device, String name, String organization,
			String category, String phone) {
		MockHttpServletRequestBuilder request = post("/c/" + code).with(csrf())
			.cookie(new Cookie("OQYTU_CHECKIN_DEVICE", device))
			.param("fullName", name).param("organization", organization).param("categoryCode", category);
		if (phone != null) {
			request.param("phone", phone);
		}
		return request;
	}

	private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn();
	}

	@Test
	void theMethodologistOpensCheckInFromTheEventPageAndGetsAQrCodeAndAShortCode() throws Exception {
		long event = event("Тіркеу семинары", district().id());
		String page = perform(get("/events/" + event).with(users.as("methodologist"))).getResponse().getContentAsString();
		assertThat(page).contains("/events/" + event + "/checkin");

		MvcResult opened = perform(post("/events/" + event + "/checkin").with(users.as("methodologist")).with(csrf())
			.param("closesAt", now().plusHours(2).withSecond(0).toString()));
		assertThat(opened.getResponse().getStatus()).isEqualTo(302);
		String code = jdbc.sql("select code from checkin where event_id = :e").param("e", event).query(String.class).single();
		assertThat(code).matches("[2-9A-HJKMNP-Z]{8}");

		MvcResult checkinPage = perform(get("/events/" + event + "/checkin").param("lang", "ru").with(users.as("methodologist")));
		assertThat(checkinPage.getResponse().getContentAsString()).contains(code).contains("/c/" + code)
			.contains("/events/" + event + "/checkin/qr.png").contains("Регистрация открыта до").contains("hx-trigger=\"every 5s\"");
		MvcResult qr = perform(get("/events/" + event + "/checkin/qr.png").with(users.as("methodologist")));
		assertThat(qr.getResponse().getContentType()).isEqualTo("image/png");
		assertThat(qr.getResponse().getContentAsByteArray()).startsWith(0x89, 'P', 'N', 'G');
		assertThat(perform(get("/events/" + event + "/checkin/poster").with(users.as("executive"))).getResponse()
			.getContentAsString()).contains(code);

		// a closing time in the past is refused with words and changes nothing
		MvcResult past = perform(post("/events/" + event + "/checkin").with(users.as("methodologist")).with(csrf())
			.param("closesAt", now().minusHours(1).toString()));
		assertThat(past.getFlashMap().get("flashError")).isEqualTo("checkin.error.closesAt");
		assertThat(jdbc.sql("select closes_at from checkin where event_id = :e").param("e", event)
			.query(LocalDateTime.class).single()).isAfter(now());
		// the executive reads but does not open
		assertThat(perform(post("/events/" + event + "/checkin").with(users.as("executive")).with(csrf())
			.param("closesAt", now().plusHours(5).toString())).getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aParticipantChecksInByAnAliasAndTheMethodologistConfirmsIntoTheNamedList() throws Exception {
		District d = district();
		organizations.addAliases(methodologist(), Map.of("Біздің мектеп-лицей тест", d.org2()));
		long event = event("Ұжымдық шарт: тіркеу", d.id());
		String code = open(event);

		MvcResult form = perform(get("/c/" + code.toLowerCase()).param("lang", "kk"));
		assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/c/" + code);
		form = perform(get("/c/" + code).param("lang", "kk"));
		String html = form.getResponse().getContentAsString();
		assertThat(form.getResponse().getStatus()).isEqualTo(200);
		assertThat(html).contains("Ұжымдық шарт: тіркеу").contains("<datalist").contains(d.org1Kk()).contains("_csrf")
			.contains("name=\"_device\"");
		assertThat(form.getRequest().getSession(false)).as("no server session for a participant").isNull();
		assertThat(form.getResponse().getCookie("OQYTU_CHECKIN_DEVICE")).isNotNull();

		MvcResult sent = perform(checkIn(code, UUID.randomUUID().toString(), "  Ахметова   Гүлнар Серікқызы ",
				"біздің мектеп-лицей ТЕСТ", "UNION_MEMBER", "+7 701 123 45 67"));
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/c/" + code + "/done");
		assertThat(perform(get("/c/" + code + "/done").param("lang", "ru")).getResponse().getContentAsString())
			.contains("Вы зарегистрированы");

		List<EntryView> list = checkins.entries(methodologist(), event);
		assertThat(list).hasSize(1);
		EntryView entry = list.get(0);
		assertThat(entry.fullName()).isEqualTo("Ахметова Гүлнар Серікқызы");
		assertThat(entry.organizationId()).as("matched by the alias, as the import does").isEqualTo(d.org2());
		assertThat(entry.phone()).isEqualTo("+7 701 123 45 67");

		// the methodologist's list fills in (the polled fragment), and is not swapped while nothing changed
		MvcResult polled = perform(get("/events/" + event + "/checkin/entries").with(users.as("methodologist")));
		assertThat(polled.getResponse().getContentAsString()).contains("Ахметова Гүлнар Серікқызы");
		String seen = polled.getResponse().getContentAsString().replaceAll("(?s).*seen=([0-9-]+).*", "$1");
		assertThat(perform(get("/events/" + event + "/checkin/entries").param("seen", seen).with(users.as("methodologist")))
			.getResponse().getStatus()).isEqualTo(204);

		MvcResult confirmed = perform(post("/events/" + event + "/checkin/entries/" + entry.id() + "/confirm")
			.with(users.as("methodologist")).with(csrf()));
		assertThat(confirmed.getFlashMap().get("flash")).isEqualTo("checkin.flash.confirmed");
		assertThat(participants(event)).isEqualTo(1);
		assertThat(events.details(methodologist(), event).headCounts().get("UNION_MEMBER"))
			.as("the counts derived from the named list, as for any added participant").isEqualTo(1);
		assertThat(perform(get("/events/" + event + "/participants").with(users.as("methodologist"))).getResponse()
			.getContentAsString()).contains("Ахметова Гүлнар Серікқызы");
		assertThat(checkins.entries(methodologist(), event).get(0).status()).isEqualTo(EntryStatus.CONFIRMED);

		// deciding twice changes nothing
		MvcResult again = perform(post("/events/" + event + "/checkin/entries/" + entry.id() + "/confirm")
			.with(users.as("methodologist")).with(csrf()));
		assertThat(again.getFlashMap().get("flashError")).isEqualTo("checkin.error.decided");
		assertThat(participants(event)).isEqualTo(1);
	}

	@Test
	void anUnknownSpellingWaitsForTheMethodologistsChoiceWhichIsKeptAsAnAlias() throws Exception {
		District d = district();
		long event = event("Белгісіз ұйым", d.id());
		String code = open(event);
		String spelling = "Мектеп жоқ " + UUID.randomUUID().toString().substring(0, 6);
		perform(checkIn(code, UUID.randomUUID().toString(), "Иванов Пётр", spelling, "CHAIR", null));
		EntryView entry = checkins.entries(methodologist(), event).get(0);
		assertThat(entry.organizationId()).isNull();

		MvcResult without = perform(post("/events/" + event + "/checkin/entries/" + entry.id() + "/confirm")
			.with(users.as("methodologist")).with(csrf()));
		assertThat(without.getFlashMap().get("flashError")).isEqualTo("checkin.error.organizationMissing");
		assertThat(participants(event)).isZero();

		perform(post("/events/" + event + "/checkin/entries/" + entry.id() + "/confirm").param("organizationId", "" + d.org1())
			.with(users.as("methodologist")).with(csrf()));
		assertThat(participants(event)).isEqualTo(1);
		assertThat(jdbc.sql("select organization_id from event_participant where event_id = :e").param("e", event)
			.query(Long.class).single()).isEqualTo(d.org1());
		assertThat(organizations.nameMatcher(methodologist()).resolve(spelling, d.id()).id())
			.as("the next entry with that spelling resolves by itself").isEqualTo(d.org1());
	}

	@Test
	void anEntryOfAPersonAlreadyOnTheListIsMergedAndJunkIsRejected() throws Exception {
		District d = district();
		long event = event("Біріктіру", d.id());
		events.addParticipants(methodologist(), event,
				List.of(new ParticipantCommand("Серікова Әйгерім", d.org1(), "UNION_MEMBER", null)));
		String code = open(event);
		perform(checkIn(code, UUID.randomUUID().toString(), "серікова  әйгерім", d.org1Kk(), "UNION_MEMBER", null));
		perform(checkIn(code, UUID.randomUUID().toString(), "asdf qwerty", "zzz", "UNION_MEMBER", null));
		List<EntryView> list = checkins.entries(methodologist(), event);
		EntryView known = list.stream().filter(e -> e.fullName().startsWith("серікова")).findFirst().orElseThrow();
		EntryView junk = list.stream().filter(e -> e.fullName().startsWith("asdf")).findFirst().orElseThrow();
		assertThat(known.duplicates()).hasSize(1);
		assertThat(known.duplicates().get(0).sameOrganization()).isTrue();
		long participant = known.duplicates().get(0).participantId();

		// confirming it would add the same person twice: training refuses, nothing changes
		MvcResult twice = perform(post("/events/" + event + "/checkin/entries/" + known.id() + "/confirm")
			.with(users.as("methodologist")).with(csrf()));
		assertThat(twice.getFlashMap().get("flashError")).isEqualTo("training.error.duplicatePerson");
		assertThat(participants(event)).isEqualTo(1);

		perform(post("/events/" + event + "/checkin/entries/" + known.id() + "/merge").param("participantId", "" + participant)
			.with(users.as("methodologist")).with(csrf()));
		perform(post("/events/" + event + "/checkin/entries/" + junk.id() + "/reject").with(users.as("methodologist")).with(csrf()));
		assertThat(participants(event)).isEqualTo(1);
		assertThat(jdbc.sql("select status || ':' || coalesce(participant_id, 0) from checkin_entry e join checkin c"
				+ " on c.id = e.checkin_id where c.event_id = :e order by e.id").param("e", event).query(String.class).list())
			.containsExactly("MERGED:" + participant, "REJECTED:0");

		// a participant of another event is not a merge target
		long other = event("Басқа", d.id());
		events.addParticipants(methodologist(), other,
				List.of(new ParticipantCommand("Басқа Адам", d.org1(), "UNION_MEMBER", null)));
		perform(checkIn(code, UUID.randomUUID().toString(), "Басқа Адам", d.org1Kk(), "UNION_MEMBER", null));
		long third = checkins.entries(methodologist(), event).get(0).id();
		long foreign = jdbc.sql("select id from event_participant where event_id = :e").param("e", other).query(Long.class).single();
		MvcResult wrong = perform(post("/events/" + event + "/checkin/entries/" + third + "/merge").param("participantId", "" + foreign)
			.with(users.as("methodologist")).with(csrf()));
		assertThat(wrong.getFlashMap().get("flashError")).isEqualTo("checkin.error.participantUnknown");
	}

	@Test
	void confirmingAllAddsTheRecognizedNewPeopleOnceAndLeavesTheRestWaiting() throws Exception {
		District d = district();
		long event = event("Барлығын растау", d.id());
		events.addParticipants(methodologist(), event,
				List.of(new ParticipantCommand("Тізімдегі Адам", d.org1(), "UNION_MEMBER", null)));
		String code = open(event);
		perform(checkIn(code, UUID.randomUUID().toString(), "Жаңа Адам", d.org1Kk(), "CHAIR", null));
		perform(checkIn(code, UUID.randomUUID().toString(), "жаңа адам", d.org1Kk(), "CHAIR", null));
		perform(checkIn(code, UUID.randomUUID().toString(), "Тізімдегі Адам", d.org1Kk(), "UNION_MEMBER", null));
		perform(checkIn(code, UUID.randomUUID().toString(), "Белгісіз Ұйымнан", "Ешқандай мектеп " + UUID.randomUUID(),
				"UNION_MEMBER", null));
		String page = perform(get("/events/" + event + "/checkin").param("lang", "ru").with(users.as("methodologist")))
			.getResponse().getContentAsString();
		assertThat(page).contains("Подтвердить все распознанные (1)");

		MvcResult all = perform(post("/events/" + event + "/checkin/confirm-all").with(users.as("methodologist")).with(csrf()));
		assertThat(all.getFlashMap().get("flash")).isEqualTo("checkin.flash.confirmedAll");
		assertThat((Object[]) all.getFlashMap().get("flashArgs")).containsExactly(1);
		assertThat(participants(event)).isEqualTo(2);
		assertThat(events.details(methodologist(), event).headCounts().get("CHAIR")).isEqualTo(1);
		assertThat(jdbc.sql("select full_name || ':' || status from checkin_entry e join checkin c on c.id = e.checkin_id"
				+ " where c.event_id = :e order by e.id").param("e", event).query(String.class).list())
			.containsExactly("Жаңа Адам:CONFIRMED", "жаңа адам:NEW", "Тізімдегі Адам:NEW", "Белгісіз Ұйымнан:NEW");
		// nothing left to add: a second press adds nothing
		perform(post("/events/" + event + "/checkin/confirm-all").with(users.as("methodologist")).with(csrf()));
		assertThat(participants(event)).isEqualTo(2);
	}

	@Test
	void invalidInputIsNamedInKazakhAndRussianAndLeavesTheDatabaseUnchanged() throws Exception {
		long event = event("Қате енгізу", district().id());
		String code = open(event);
		String device = UUID.randomUUID().toString();
		MvcResult kk = perform(checkIn(code, device, " ", "", "NO_SUCH", "12ab").param("lang", "kk"));
		assertThat(kk.getResponse().getStatus()).isEqualTo(422);
		assertThat(kk.getResponse().getContentAsString()).contains("Аты-жөніңізді жазыңыз")
			.contains("Ұйымыңызды жазыңыз").contains("Санатыңызды таңдаңыз").contains("Телефон нөмірін толық жазыңыз")
			.contains("value=\"12ab\"");
		MvcResult ru = perform(checkIn(code, device, "12345", "Школа №1", "UNION_MEMBER", "+7 701").param("lang", "ru"));
		assertThat(ru.getResponse().getStatus()).isEqualTo(422);
		assertThat(ru.getResponse().getContentAsString()).contains("Напишите фамилию и имя")
			.contains("Напишите номер телефона полностью").doesNotContain("Выберите свою категорию")
			.contains("value=\"Школа №1\"");
		String longName = "Ә".repeat(301);
		assertThat(perform(checkIn(code, device, longName, "Школа №1", "UNION_MEMBER", null)).getResponse().getStatus())
			.isEqualTo(422);
		// no device id at all (no cookie, no field): asked to reload
		MvcResult noDevice = perform(post("/c/" + code).with(csrf()).param("lang", "ru").param("fullName", "Без Устройства")
			.param("organization", "Школа").param("categoryCode", "UNION_MEMBER"));
		assertThat(noDevice.getResponse().getContentAsString()).contains("Обновите страницу");
		// without the CSRF token: refused
		assertThat(perform(post("/c/" + code).param("fullName", "Без Токена").param("organization", "Школа")
			.param("categoryCode", "UNION_MEMBER").param("_device", device)).getResponse().getStatus()).isEqualTo(403);
		assertThat(entries(code)).isZero();
		// an unknown code is the check-in's own not-found page
		MvcResult unknown = perform(get("/c/ZZZZZZZZ").param("lang", "ru"));
		assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
		assertThat(unknown.getResponse().getContentAsString()).contains("Регистрация не найдена");
		assertThat(perform(get("/c").param("code", code.toLowerCase())).getResponse().getRedirectedUrl()).isEqualTo("/c/" + code);
	}

	@Test
	void afterTheClosingTimeEntriesAreRefusedAndNothingIsStored() throws Exception {
		long event = event("Жабылу", district().id());
		String code = open(event);
		String device = UUID.randomUUID().toString();
		assertThat(perform(checkIn(code, device, "Ерте Келген", "Мектеп", "UNION_MEMBER", null)).getResponse()
			.getRedirectedUrl()).endsWith("/done");
		// the clock passes the closing time: set it a second behind the application's clock
		jdbc.sql("update checkin set closes_at = :t where code = :code").param("t", now().minusSeconds(1)).param("code", code)
			.update();
		MvcResult late = perform(checkIn(code, device, "Кеш Қалған", "Мектеп", "UNION_MEMBER", null).param("lang", "ru"));
		assertThat(late.getResponse().getContentAsString()).contains("Регистрация закрыта").doesNotContain("checkin-form");
		assertThat(perform(get("/c/" + code).param("lang", "kk")).getResponse().getContentAsString())
			.contains("Тіркеу").contains("жабылды").doesNotContain("checkin-form");
		assertThat(entries(code)).isEqualTo(1);
		// closing now, from the page
		long event2 = event("Жабу батырмасы", district().id());
		String code2 = open(event2);
		perform(post("/events/" + event2 + "/checkin/close").with(users.as("methodologist")).with(csrf()));
		perform(checkIn(code2, device, "Кеш Қалған", "Мектеп", "UNION_MEMBER", null));
		assertThat(entries(code2)).isZero();
	}

	@Test
	void oneDeviceIsLimitedPerMinuteAndASecondSendOfTheSameFormIsStoredOnce() throws Exception {
		long event = event("Шектеу", district().id());
		String code = open(event);
		String device = UUID.randomUUID().toString();
		assertThat(perform(checkIn(code, device, "Қайталанған Адам", "Мектеп", "UNION_MEMBER", null)).getResponse()
			.getRedirectedUrl()).endsWith("/done");
		assertThat(perform(checkIn(code, device, "Қайталанған Адам", "Мектеп", "UNION_MEMBER", null)).getResponse()
			.getRedirectedUrl()).as("a double tap").endsWith("/done");
		assertThat(entries(code)).isEqualTo(1);
		for (int i = 3; i <= 10; i++) {
			perform(checkIn(code, device, "Адам " + "абвгдежзий".charAt(i - 1), "Мектеп", "UNION_MEMBER", null));
		}
		long before = entries(code);
		assertThat(before).isEqualTo(9);
		MvcResult limited = perform(checkIn(code, device, "Артық Адам", "Мектеп", "UNION_MEMBER", null).param("lang", "ru"));
		// unless the minute turned meanwhile, the eleventh post of a minute is refused
		if (limited.getResponse().getStatus() == 429) {
			assertThat(limited.getResponse().getHeader("Retry-After")).isEqualTo("60");
			assertThat(limited.getResponse().getContentAsString()).contains("слишком много записей").contains("value=\"Артық Адам\"");
			assertThat(entries(code)).isEqualTo(before);
		}
		else {
			assertThat(clock.millis() % 60_000).as("only a new minute lets the eleventh in").isLessThan(20_000);
		}
	}

	@Test
	void aRoomOfThreeHundredBehindOneAddressAllGetIn() throws Exception {
		District d = district();
		long event = event("Үлкен зал", d.id());
		String code = open(event);
		int refused = 0;
		for (int i = 0; i < 300; i++) {
			MvcResult sent = perform(checkIn(code, UUID.randomUUID().toString(), "Қатысушы № " + i, i % 10 == 0 ? "Мектеп" : d.org1Kk(), "UNION_MEMBER", null)
				.with(request -> {
					request.setRemoteAddr("10.20.30.40");
					return request;
				}));
			if (sent.getResponse().getStatus() != 302) {
				refused++;
			}
		}
		assertThat(refused).as("entries refused from one shared address").isZero();
		assertThat(entries(code)).isEqualTo(300);
		assertThat(checkins.entries(methodologist(), event)).hasSize(300);
	}

	@Test
	void chairsAndOtherStaffStayOutside() throws Exception {
		long event = event("Рұқсат", district().id());
		open(event);
		assertThat(perform(get("/events/" + event + "/checkin").with(users.as("chair"))).getResponse().getStatus()).isEqualTo(403);
		assertThat(perform(get("/events/" + event + "/checkin").with(users.as("executive"))).getResponse().getStatus())
			.isEqualTo(200);
		assertThat(perform(post("/events/" + event + "/checkin/close").with(users.as("executive")).with(csrf())).getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(perform(get("/events/" + event + "/checkin")).getResponse().getRedirectedUrl()).endsWith("/login");
	}
}
