package kz.oqytu.surveys.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.surveys.EventSurveyView;
import kz.oqytu.surveys.FlagReason;
import kz.oqytu.surveys.SubmitResult;
import kz.oqytu.surveys.Submission;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.SettableClock;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision 0062: the "one address" flag adds up the window's whole minutes from
 * {@code survey_address_minute} and counts only the rows of its first, partial minute. It must flag
 * exactly the answers that counting every earlier row of the address within the window would flag:
 * here an answer's flag is compared with that count, read from the stored rows, for answers at random
 * moments of a clock of the test's own (seconds apart, minutes apart, on a minute's boundary, exactly a
 * window after an earlier answer), from two addresses.
 */
@OqytuIntegrationTest
@Transactional
class AddressWindowTests {

	private static final int THRESHOLD = 4;

	private static final Duration WINDOW = Duration.ofMinutes(10);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	Surveys surveys;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	@Autowired
	FormTokens tokens;

	@Autowired
	PublicSurveys publicSurveys;

	@Autowired
	Clock applicationClock;

	private SettableClock clock;

	private final SurveyProperties properties = new SurveyProperties(null, null, null, null, null, null, null, null, null,
			THRESHOLD, WINDOW, null, null, null);

	@Test
	void theFlagIsTheCountOfEveryEarlierRowOfTheAddressWithinTheWindow() {
		CurrentUser methodologist = users.current("methodologist");
		long eventId = events.create(methodologist, new EventCommand("Терезе", "Окно", "THEMATIC_SEMINAR",
				Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 5, 20, 10, 0), LocalDateTime.of(2027, 5, 20, 13, 0),
				java.math.BigDecimal.valueOf(3), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(), null, null,
				EventStatus.PLANNED, Map.of()));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
		EventSurveyView survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
		// 7 s into a minute of the application's day, so that windows start inside minutes and on them
		clock = new SettableClock(Instant.now(applicationClock).truncatedTo(ChronoUnit.MINUTES).plusSeconds(7),
				applicationClock.getZone());
		SubmitLimits limits = new SubmitLimits(jdbc, properties, clock);
		SurveyAnswers answers = new SurveyAnswers(jdbc, jdbc, events, organizations, properties, tokens, limits,
				publicSurveys, new SimpleMeterRegistry(), clock);

		Random random = new Random(62);
		String[] addresses = { "203.0.113.7", "198.51.100.23" };
		int flagged = 0;
		int stored = 0;
		for (int i = 0; i < 90; i++) {
			switch (i % 15) {
				// exactly a window after an earlier answer: that answer is no longer within it
				case 5 -> clock.set(submittedAt(survey.id(), stored - 3).plus(WINDOW));
				// on a minute's boundary, and a microsecond before the next
				case 9 -> clock.set(clock.instant().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60));
				case 10 -> clock.set(clock.instant().plusSeconds(60).minusNanos(1000));
				// a pause: part of the window's answers drop out of it
				case 14 -> clock.set(clock.instant().plusSeconds(240 + random.nextInt(300)));
				default -> clock.set(clock.instant().plusMillis(random.nextInt(50_000)).plusNanos(random.nextInt(1000)));
			}
			String address = addresses[random.nextInt(10) < 7 ? 0 : 1];
			SubmitResult result = answer(answers, survey, address);
			assertThat(result.outcome()).as("answer " + i).isEqualTo(SubmitResult.Outcome.STORED);
			stored++;
			Map<String, Object> row = jdbc.sql("""
					select r.flag_reasons,
					       (select count(*) from survey_response e where e.event_survey_id = r.event_survey_id
					            and e.address_key = r.address_key and e.id < r.id
					            and e.submitted_at > r.submitted_at - interval '10 minutes') as earlier
					from survey_response r where r.event_survey_id = :survey order by r.id desc limit 1
					""").param("survey", survey.id()).query().singleRow();
			boolean byAddress = (((Number) row.get("flag_reasons")).intValue() & FlagReason.ONE_ADDRESS.bit()) != 0;
			long earlier = ((Number) row.get("earlier")).longValue();
			assertThat(byAddress).as("answer %d at %s: %d earlier from its address within the window", i, clock.instant(),
					earlier).isEqualTo(earlier >= THRESHOLD);
			flagged += byAddress ? 1 : 0;
		}
		assertThat(flagged).as("the run crosses the threshold both ways").isBetween(10, 80);

		// every minute's count is its rows' number
		List<Map<String, Object>> disagreeing = jdbc.sql("""
				select m.minute, m.answers, count(r.id) as stored_rows
				from survey_address_minute m
				left join survey_response r on r.event_survey_id = m.event_survey_id and r.address_key = m.address_key
				     and floor(extract(epoch from r.submitted_at) / 60) = m.minute
				where m.event_survey_id = :survey group by 1, 2 having m.answers <> count(r.id)
				""").param("survey", survey.id()).query().listOfRows();
		assertThat(disagreeing).isEmpty();

		// a new minute clears out the minutes no window reaches any more, and only those
		clock.set(clock.instant().plus(WINDOW).plusSeconds(60));
		long minute = clock.instant().toEpochMilli() / 60_000;
		assertThat(limits.allow(survey.id(), UUID.randomUUID())).isTrue();
		assertThat(jdbc.sql("select count(*) from survey_address_minute where minute < :oldest")
			.param("oldest", minute - WINDOW.toMinutes() - 2).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from survey_address_minute where event_survey_id = :survey")
			.param("survey", survey.id()).query(Long.class).single()).as("the last window's minutes stay").isPositive();
	}

	private Instant submittedAt(long surveyId, int nth) {
		return jdbc.sql("select submitted_at from survey_response where event_survey_id = :survey order by id offset :n limit 1")
			.param("survey", surveyId)
			.param("n", nth)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant();
	}

	private SubmitResult answer(SurveyAnswers answers, EventSurveyView survey, String address) {
		UUID device = UUID.randomUUID();
		String form = tokens.formToken(survey.id(), device, clock.instant().minus(Duration.ofMinutes(1)));
		return answers.submit(survey.token(), new Submission(tokens.deviceCookie(device), form, address,
				"Browser " + device, "kk", Map.of("q_usefulness", List.of("5"), "q_applicability", List.of("4"),
						"q_will_apply", List.of("YES"))));
	}
}
