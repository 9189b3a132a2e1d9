package kz.oqytu.reminders.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import kz.oqytu.accounts.AccountView;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.Role;
import kz.oqytu.materials.UnacknowledgedMaterials;
import kz.oqytu.notifications.MailAttachment;
import kz.oqytu.notifications.Notification;
import kz.oqytu.notifications.OnceOnlyNotifications;
import kz.oqytu.reminders.ReminderKind;
import kz.oqytu.requests.CampaignDueDates;
import kz.oqytu.schoolplans.SchoolPlanDueDates;
import kz.oqytu.shared.NumberFormats;
import kz.oqytu.surveys.FollowUpOpenings;
import kz.oqytu.surveys.QrCodes;

/**
 * The daily reminders (decision 0025). Each message carries a key naming the reminder and its
 * recipient, so a reminder is written once however often the job runs; a kind switched off by an
 * administrator, and a person who opted out of a kind, get nothing. Runs once across instances.
 */
@Component
public class ReminderJob {

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

	private final Accounts accounts;

	private final CampaignDueDates campaigns;

	private final SchoolPlanDueDates schoolPlans;

	private final FollowUpOpenings followUps;

	private final UnacknowledgedMaterials materials;

	private final QrCodes qrCodes;

	private final OnceOnlyNotifications mail;

	private final ReminderSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int campaignDaysBefore;

	private final int materialDaysAfter;

	ReminderJob(Accounts accounts, CampaignDueDates campaigns, SchoolPlanDueDates schoolPlans, FollowUpOpenings followUps,
			UnacknowledgedMaterials materials, QrCodes qrCodes, OnceOnlyNotifications mail, ReminderSettings settings,
			PlatformTransactionManager transactionManager, Clock clock,
			@Value("${oqytu.reminders.campaign-days-before:7}") int campaignDaysBefore,
			@Value("${oqytu.reminders.material-days-after:7}") int materialDaysAfter) {
		this.accounts = accounts;
		this.campaigns = campaigns;
		this.schoolPlans = schoolPlans;
		this.followUps = followUps;
		this.materials = materials;
		this.qrCodes = qrCodes;
		this.mail = mail;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.campaignDaysBefore = campaignDaysBefore;
		this.materialDaysAfter = materialDaysAfter;
	}

	@Scheduled(cron = "${oqytu.reminders.cron:0 0 8 * * *}", zone = "${oqytu.time-zone:Asia/Aqtobe}")
	@SchedulerLock(name = "reminders", lockAtLeastFor = "PT1M")
	public void daily() {
		Map<ReminderKind, Integer> written = runFor(LocalDate.now(clock));
		log.info("Reminders written: {}", written);
	}

	/** Writes the reminders due on the date; answers how many of each kind were written (new ones only). */
	public Map<ReminderKind, Integer> runFor(LocalDate today) {
		Map<ReminderKind, Boolean> switches = settings.switches();
		Map<ReminderKind, Integer> written = new EnumMap<>(ReminderKind.class);
		Recipients recipients = new Recipients(accounts.list(), settings.languages());
		for (ReminderKind kind : ReminderKind.values()) {
			if (!switches.getOrDefault(kind, true)) {
				written.put(kind, 0);
				continue;
			}
			Set<Long> optedOut = settings.optedOut(kind);
			try {
				Integer n = transactions.execute(s -> switch (kind) {
					case CAMPAIGN_DEADLINE -> campaignDeadlines(today, recipients, optedOut);
					case FOLLOW_UP_SURVEY -> followUpSurveys(today, recipients, optedOut);
					case SCHOOL_PLAN_DUE -> schoolPlans(today, recipients, optedOut);
					case MATERIAL_UNACKNOWLEDGED -> unacknowledgedMaterials(today, recipients, optedOut);
				});
				written.put(kind, n == null ? 0 : n);
			}
			catch (RuntimeException ex) {
				// One kind's failure (a template, a query) must not keep the others from going out.
				log.error("Reminders of kind {} failed", kind, ex);
				written.put(kind, 0);
			}
		}
		return written;
	}

	private int campaignDeadlines(LocalDate today, Recipients recipients, Set<Long> optedOut) {
		int n = 0;
		for (CampaignDueDates.CampaignDue campaign : campaigns.campaignsDue(today, today.plusDays(campaignDaysBefore))) {
			for (long organization : campaign.unansweredOrganizationIds()) {
				for (AccountView chair : recipients.of(organization, r -> r == Role.CHAIR, optedOut)) {
					Locale locale = recipients.locale(chair);
					Map<String, Object> vars = new HashMap<>();
					vars.put("name", chair.fullName());
					vars.put("title", campaign.title(locale));
					vars.put("year", String.valueOf(campaign.year()));
					vars.put("deadline", NumberFormats.date(campaign.deadline()));
					vars.put("path", "/requests");
					n += write("reminder:campaign-deadline:" + campaign.campaignId() + ":user:" + chair.id(),
							ReminderKind.CAMPAIGN_DEADLINE, chair, locale, "reminder-campaign-deadline", vars, List.of());
				}
			}
		}
		return n;
	}

	private int followUpSurveys(LocalDate today, Recipients recipients, Set<Long> optedOut) {
		int n = 0;
		// From three days back, so a day the job did not run is made up for (the key stops repeats).
		for (FollowUpOpenings.FollowUpOpening survey : followUps.opening(today.minusDays(3).atStartOfDay(),
				today.plusDays(1).atStartOfDay())) {
			List<AccountView> organizers = recipients.of(survey.organizerUnitId(),
					r -> r == Role.METHODOLOGIST || r == Role.CHAIR, optedOut);
			if (organizers.isEmpty()) {
				continue;
			}
			byte[] qr = qrCodes.png(survey.url(), QrCodes.DEFAULT_SIZE);
			for (AccountView organizer : organizers) {
				Locale locale = recipients.locale(organizer);
				Map<String, Object> vars = new HashMap<>();
				vars.put("name", organizer.fullName());
				vars.put("title", survey.eventTitle(locale));
				vars.put("opensAt", NumberFormats.dateTime(survey.opensAt()));
				vars.put("closesAt", NumberFormats.dateTime(survey.closesAt()));
				vars.put("url", survey.url());
				vars.put("shortCode", survey.shortCode());
				vars.put("path", "/events/" + survey.eventId());
				n += write("reminder:follow-up-survey:" + survey.surveyId() + ":user:" + organizer.id(),
						ReminderKind.FOLLOW_UP_SURVEY, organizer, locale, "reminder-follow-up-survey", vars,
						List.of(new MailAttachment("survey-qr.png", "image/png", "qr", qr),
								new MailAttachment("survey-" + survey.shortCode() + "-qr.png", "image/png", null, qr)));
			}
		}
		return n;
	}

	private int schoolPlans(LocalDate today, Recipients recipients, Set<Long> optedOut) {
		int n = 0;
		for (SchoolPlanDueDates.SchoolItemsDue due : schoolPlans.schoolItemsDue(today.getYear(), today.getMonthValue())) {
			for (AccountView chair : recipients.of(due.organizationId(), r -> r == Role.CHAIR, optedOut)) {
				Locale locale = recipients.locale(chair);
				Map<String, Object> vars = new HashMap<>();
				vars.put("name", chair.fullName());
				vars.put("month", String.format("%02d.%d", due.month(), due.year()));
				vars.put("topics", due.topics());
				vars.put("path", "/schools/" + due.organizationId() + "/" + due.year());
				n += write("reminder:school-plan:" + due.organizationId() + ":" + due.year() + "-" + due.month()
						+ ":user:" + chair.id(), ReminderKind.SCHOOL_PLAN_DUE, chair, locale, "reminder-school-plan", vars,
						List.of());
			}
		}
		return n;
	}

	private int unacknowledgedMaterials(LocalDate today, Recipients recipients, Set<Long> optedOut) {
		int n = 0;
		for (UnacknowledgedMaterials.Unacknowledged delivery : materials.sentOnOrBefore(today.minusDays(materialDaysAfter))) {
			for (AccountView chair : recipients.of(delivery.organizationId(), r -> r == Role.CHAIR, optedOut)) {
				Locale locale = recipients.locale(chair);
				Map<String, Object> vars = new HashMap<>();
				vars.put("name", chair.fullName());
				vars.put("title", delivery.title(locale));
				vars.put("sentOn", NumberFormats.date(delivery.sentOn()));
				vars.put("path", "/materials/sent");
				n += write("reminder:material:" + delivery.versionId() + ":" + delivery.organizationId() + ":user:"
						+ chair.id(), ReminderKind.MATERIAL_UNACKNOWLEDGED, chair, locale, "reminder-material", vars,
						List.of());
			}
		}
		return n;
	}

	private int write(String key, ReminderKind kind, AccountView to, Locale locale, String template,
			Map<String, Object> variables, List<MailAttachment> attachments) {
		if (mail.alreadySent(key)) {
			return 0;
		}
		String kindName = "reminder-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
		return mail.sendOnce(key, new Notification(kindName, to.email(), locale, template, variables, to.id()),
				attachments) ? 1 : 0;
	}

	/** The enabled accounts with an address, by the organization they are scoped to, and their languages. */
	private static final class Recipients {

		private final Map<Long, List<AccountView>> byUnit = new HashMap<>();

		private final Map<Long, Locale> languages;

		Recipients(List<AccountView> accounts, Map<Long, Locale> languages) {
			this.languages = languages;
			for (AccountView a : accounts) {
				if (a.enabled() && StringUtils.hasText(a.email())) {
					byUnit.computeIfAbsent(a.scopeUnitId(), k -> new ArrayList<>()).add(a);
				}
			}
		}

		List<AccountView> of(long unit, Predicate<Role> roles, Set<Long> optedOut) {
			return byUnit.getOrDefault(unit, List.of()).stream()
				.filter(a -> roles.test(a.role()) && !optedOut.contains(a.id()))
				.toList();
		}

		Locale locale(AccountView account) {
			return languages.getOrDefault(account.id(), Locale.forLanguageTag("kk"));
		}
	}
}
