package kz.oqytu.reminders;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.Role;
import kz.oqytu.reminders.domain.ReminderJob;
import kz.oqytu.reminders.domain.ReminderSettings;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each reminder goes once to the right people in their language, never to a person who opted out,
 * and not at all while an administrator has its kind switched off. The job is run by hand for a
 * chosen day; what it wrote is read from the outbox by the recipients this test creates.
 */
@OqytuIntegrationTest
class ReminderTests {

	@Autowired
	ReminderJob job;

	@Autowired
	ReminderSettings settings;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@BeforeEach
	@AfterEach
	void everyKindOn() {
		settings.setSwitches(EnumSet.allOf(ReminderKind.class), "test");
	}

	private long one(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private long user(String username, Role role, long unit, boolean withEmail) {
		return accounts.list().stream().filter(a -> a.username().equals(username)).findFirst()
			.map(a -> a.id())
			.orElseGet(() -> accounts.create(new AccountCommand(username, "Reminder " + username,
					withEmail ? username + "@oqytu.test" : null, role, unit, "reminder-tester-passphrase-1")));
	}

	private List<Map<String, Object>> mail(long userId, String kind) {
		return jdbc.sql("select id, subject, body_text, body_html, locale from mail_outbox where user_id = :u and kind = :k order by id")
			.param("u", userId).param("k", kind).query().listOfRows();
	}

	private long primaryUnder(long region, int skip) {
		return jdbc.sql("select o.id from org_unit o join org_unit r on r.id = :r where o.level = 'PRIMARY' and o.active"
				+ " and o.path like r.path || '%' order by o.id offset :skip limit 1")
			.param("r", region).param("skip", skip).query(Long.class).single();
	}

	@Test
	void aCampaignDeadlineRemindsChairsWhoseOrganizationHasNotAnsweredOnce() {
		long region = one("select min(id) from org_unit where level = 'REGION'");
		long silent = primaryUnder(region, 3);
		long answered = primaryUnder(region, 4);
		long chair = user("rem.campaign.chair", Role.CHAIR, silent, true);
		long optedOut = user("rem.campaign.out", Role.CHAIR, silent, true);
		long answeredChair = user("rem.campaign.answered", Role.CHAIR, answered, true);
		settings.savePreferences(chair, "ru", Set.of());
		settings.savePreferences(optedOut, "kk", Set.of(ReminderKind.CAMPAIGN_DEADLINE));
		jdbc.sql("""
				insert into request_campaign (id, org_unit_id, year, title_kk, title_ru, opens_on, deadline)
				select nextval('request_campaign_seq'), :r, 2035, 'Өтінімдер 2035', 'Заявки 2035', date '2035-01-10', date '2035-02-10'
				where not exists (select 1 from request_campaign where org_unit_id = :r and year = 2035)""")
			.param("r", region).update();
		jdbc.sql("""
				insert into topic_request (id, organization_id, year, expected_participants)
				select nextval('topic_request_seq'), :o, 2035, 10
				where not exists (select 1 from topic_request where organization_id = :o and year = 2035)""")
			.param("o", answered).update();

		job.runFor(LocalDate.of(2035, 1, 20));
		assertThat(mail(chair, "reminder-campaign-deadline")).as("too early").isEmpty();

		job.runFor(LocalDate.of(2035, 2, 5));
		job.runFor(LocalDate.of(2035, 2, 6));
		List<Map<String, Object>> sent = mail(chair, "reminder-campaign-deadline");
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).get("locale")).isEqualTo("ru");
		assertThat((String) sent.get(0).get("subject")).contains("2035").contains("10.02.2035");
		assertThat((String) sent.get(0).get("body_text")).contains("Заявки 2035").contains("/requests");
		assertThat(mail(optedOut, "reminder-campaign-deadline")).isEmpty();
		assertThat(mail(answeredChair, "reminder-campaign-deadline")).isEmpty();
	}

	@Test
	void aFollowUpSurveyOpeningRemindsTheOrganizerWithTheLinkAndQr() {
		long survey = one("select min(s.id) from event_survey s join training_event e on e.id = s.event_id"
				+ " where s.kind = 'FOLLOW_UP' and e.status <> 'CANCELLED'");
		Map<String, Object> row = jdbc.sql("select s.opens_at, s.token, e.organizer_unit_id from event_survey s"
				+ " join training_event e on e.id = s.event_id where s.id = :id").param("id", survey).query().singleRow();
		LocalDate opens = ((java.sql.Timestamp) row.get("opens_at")).toLocalDateTime().toLocalDate();
		long unit = ((Number) row.get("organizer_unit_id")).longValue();
		long organizer = user("rem.survey.organizer", Role.METHODOLOGIST, unit, true);
		long noEmail = user("rem.survey.noemail", Role.METHODOLOGIST, unit, false);
		settings.savePreferences(organizer, "kk", Set.of());

		job.runFor(opens);
		job.runFor(opens.plusDays(1));
		List<Map<String, Object>> sent = mail(organizer, "reminder-follow-up-survey");
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).get("locale")).isEqualTo("kk");
		assertThat((String) sent.get(0).get("body_text")).contains("/s/" + row.get("token"));
		assertThat((String) sent.get(0).get("body_html")).contains("src=\"cid:qr\"");
		long id = ((Number) sent.get(0).get("id")).longValue();
		assertThat(jdbc.sql("select count(*) from mail_outbox_attachment where outbox_id = :id and content_type = 'image/png'"
				+ " and length(bytes) > 100").param("id", id).query(Long.class).single()).isEqualTo(2);
		assertThat(mail(noEmail, "reminder-follow-up-survey")).isEmpty();
	}

	@Test
	void aSchoolPlanMonthRemindsTheChairOfItemsNotHeldOnceAMonth() {
		long region = one("select min(id) from org_unit where level = 'REGION'");
		long org = primaryUnder(region, 5);
		long chair = user("rem.school.chair", Role.CHAIR, org, true);
		settings.savePreferences(chair, "en", Set.of());
		long plan = jdbc.sql("""
				insert into school_plan (id, organization_id, year) values (nextval('school_plan_seq'), :o, 2035)
				on conflict (organization_id, year) do update set year = excluded.year returning id""")
			.param("o", org).query(Long.class).single();
		jdbc.sql("delete from school_plan_item where school_plan_id = :p").param("p", plan).update();
		String form = jdbc.sql("select min(code) from training_form").query(String.class).single();
		jdbc.sql("""
				insert into school_plan_item (id, school_plan_id, topic, month, form_code, held, held_on) values
				(nextval('school_plan_item_seq'), :p, 'Collective agreement basics', 3, :f, false, null),
				(nextval('school_plan_item_seq'), :p, 'Already held session', 3, :f, true, date '2035-03-01')""")
			.param("p", plan).param("f", form).update();

		job.runFor(LocalDate.of(2035, 3, 2));
		job.runFor(LocalDate.of(2035, 3, 20));
		List<Map<String, Object>> sent = mail(chair, "reminder-school-plan-due");
		assertThat(sent).hasSize(1);
		assertThat((String) sent.get(0).get("subject")).isEqualTo("Oqytu: your school plan for 03.2035");
		assertThat((String) sent.get(0).get("body_text")).contains("Collective agreement basics").doesNotContain("Already held");

		settings.setSwitches(EnumSet.complementOf(EnumSet.of(ReminderKind.SCHOOL_PLAN_DUE)), "test");
		job.runFor(LocalDate.of(2035, 4, 2));
		assertThat(mail(chair, "reminder-school-plan-due")).hasSize(1);
	}

	@Test
	void anUnacknowledgedMaterialRemindsTheChairAWeekAfterSendingUnlessSwitchedOff() {
		Map<String, Object> delivery = jdbc.sql("""
				select d.org_unit_id, min(t.sent_on) as sent_on
				from material_delivery d join material_distribution t on t.id = d.distribution_id
				join org_unit o on o.id = d.org_unit_id and o.active
				where d.acknowledged_at is null group by d.org_unit_id order by 2 desc, 1 limit 1""").query().singleRow();
		long org = ((Number) delivery.get("org_unit_id")).longValue();
		LocalDate sentOn = ((java.sql.Date) delivery.get("sent_on")).toLocalDate();
		long chair = user("rem.material.chair", Role.CHAIR, org, true);
		long optedOut = user("rem.material.out", Role.CHAIR, org, true);
		settings.savePreferences(optedOut, "ru", Set.of(ReminderKind.MATERIAL_UNACKNOWLEDGED));

		settings.setSwitches(EnumSet.complementOf(EnumSet.of(ReminderKind.MATERIAL_UNACKNOWLEDGED)), "test");
		job.runFor(sentOn.plusDays(8));
		assertThat(mail(chair, "reminder-material-unacknowledged")).as("switched off").isEmpty();

		settings.setSwitches(EnumSet.allOf(ReminderKind.class), "test");
		job.runFor(sentOn.plusDays(3));
		assertThat(mail(chair, "reminder-material-unacknowledged")).as("too early").isEmpty();
		job.runFor(sentOn.plusDays(8));
		job.runFor(sentOn.plusDays(9));
		List<Map<String, Object>> sent = mail(chair, "reminder-material-unacknowledged");
		assertThat(sent).isNotEmpty();
		assertThat(sent.stream().map(m -> m.get("subject")).distinct().count()).isEqualTo(sent.size());
		int first = sent.size();
		job.runFor(sentOn.plusDays(10));
		assertThat(mail(chair, "reminder-material-unacknowledged")).hasSize(first);
		assertThat(mail(optedOut, "reminder-material-unacknowledged")).isEmpty();
	}

	@Test
	void aPersonChoosesTheirMailLanguageAndOptsOutOnTheirOwnPage() throws Exception {
		mvc.perform(get("/account/notifications").with(users.as("executive"))).andExpect(status().isOk());
		mvc.perform(post("/account/notifications").with(users.as("executive")).with(csrf())
				.param("language", "ru").param("wanted", "SCHOOL_PLAN_DUE").param("wanted", "NOT_A_KIND"))
			.andExpect(status().is3xxRedirection());
		long id = one("select id from app_user where username = 'executive'");
		ReminderSettings.Preferences saved = settings.preferences(id);
		assertThat(saved.language()).isEqualTo("ru");
		assertThat(saved.optedOut()).containsExactlyInAnyOrder(ReminderKind.CAMPAIGN_DEADLINE,
				ReminderKind.FOLLOW_UP_SURVEY, ReminderKind.MATERIAL_UNACKNOWLEDGED);
		mvc.perform(post("/account/notifications").with(users.as("executive")).with(csrf()).param("language", "xx"))
			.andExpect(status().is3xxRedirection());
		assertThat(settings.preferences(id).language()).isEqualTo("kk");
	}

	@Test
	void onlyAnAdministratorSwitchesKindsOff() throws Exception {
		mvc.perform(post("/admin/reminders").with(users.as("methodologist")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(settings.switches()).doesNotContainValue(false);
		mvc.perform(post("/admin/reminders").with(users.as("admin")).with(csrf()).param("enabled", "FOLLOW_UP_SURVEY"))
			.andExpect(status().is3xxRedirection());
		assertThat(settings.switches()).containsEntry(ReminderKind.FOLLOW_UP_SURVEY, true)
			.containsEntry(ReminderKind.CAMPAIGN_DEADLINE, false);
		mvc.perform(get("/admin/reminders").with(users.as("admin"))).andExpect(status().isOk());
	}

}
