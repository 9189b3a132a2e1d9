package kz.oqytu.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.surveys.ResponseSource;
import kz.oqytu.surveys.SurveyKind;
import kz.oqytu.surveys.Surveys;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.EventRow;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;

/**
 * Survey responses on most 2025 events (40–80% of participants answering), follow-ups on a third
 * of them, written through the surveys module as paper questionnaires would be. Short formats
 * score a little lower on practical use, as the union's report fears. Deterministic from a seed.
 */
@Component
class DemoSurveys {

	private static final String[] COMMENTS_KK = { "Өте пайдалы семинар, рахмет!", "Практикалық мысалдар көбірек болса екен.",
			"Келісу комиссиясының жұмысы туралы толығырақ айтсаңыздар.", "Уақыт аз болды, екі күндік семинар керек.",
			"Кейстер бойынша жұмыс ұнады." };

	private static final String[] COMMENTS_RU = { "Очень полезно, спасибо организаторам.",
			"Хотелось бы больше разбора реальных ситуаций.", "Нужны раздаточные материалы на русском языке.",
			"Мало времени на вопросы.", "Полезна информация по трудовым спорам." };

	private static final String[] APPLIED_HOW = { "Ұжымдық шарттың жобасын талқылауда қолдандым.",
			"Провели собрание коллектива по разъяснению трудовых прав.", "Тексеру комиссиясының актісін жаңа үлгімен толтырдық.",
			"Помогла коллеге составить заявление об отпуске без нарушений.", "Мұғалімдерге қаржылық сауаттылық бойынша кеңес бердім." };

	/** Topics respondents write under "other", spelled as people type them, in Kazakh and Russian. */
	private static final String[] OTHER_TOPICS = { "Психологиялық қолдау", "психологиялық қолдау!",
			"Психологиялық  ҚОЛДАУ", "Профилактика эмоционального выгорания", "профилактика эмоционального выгорания.",
			"Цифровой документооборот", "Цифрлық құжат айналымы", "Еңбекті қорғау", "Охрана труда",
			"Аттестация педагогов" };

	private static final String[] WISHED = { "LEGAL_LITERACY", "FINANCIAL_LITERACY", "INFORMATION_LITERACY", "LABOUR_LAW",
			"COLLECTIVE_AGREEMENT", "NEGOTIATIONS", "COMMUNICATION" };

	private final Surveys surveys;

	private final TrainingEvents events;

	private final Organizations organizations;

	DemoSurveys(Surveys surveys, TrainingEvents events, Organizations organizations) {
		this.surveys = surveys;
		this.events = events;
		this.organizations = organizations;
	}

	private final Random others = new Random(16);

	void load(CurrentUser loader, long chairOrganization) {
		Random random = new Random(2026);
		List<EventRow> held = events.search(loader, new EventCriteria(2025, null, null, null, null, EventStatus.HELD, null,
				null, EventCriteria.Sort.DATE, false, 0, EventCriteria.MAX_SIZE)).getContent();
		Map<Long, List<OrganizationRow>> byDistrict = new HashMap<>();
		String chairName = organizations.details(loader, chairOrganization).nameKk();
		for (int i = 0; i < held.size(); i++) {
			EventRow row = held.get(i);
			if (i % 10 >= 7) {
				continue;
			}
			EventDetails event = events.details(loader, row.id());
			List<OrganizationRow> local = event.districtId() == null ? List.of()
					: byDistrict.computeIfAbsent(event.districtId(), d -> organizations.search(loader,
							new OrganizationCriteria(null, d, null, null, null, false, 0, OrganizationCriteria.MAX_SIZE))
						.getContent());
			int answering = (int) Math.round(event.totalParticipants() * (0.4 + random.nextDouble() * 0.4));
			List<Map<String, List<String>>> post = new ArrayList<>(answering);
			for (int n = 0; n < answering; n++) {
				post.add(postEvent(event, local, event.districtId() != null && event.districtId() == 3 ? chairName : null,
						random));
			}
			surveys.recordResponses(loader, row.id(), SurveyKind.POST_EVENT, post, ResponseSource.QR);
			if (i % 3 == 0) {
				int following = Math.max(1, answering / 3);
				List<Map<String, List<String>>> follow = new ArrayList<>(following);
				for (int n = 0; n < following; n++) {
					follow.add(followUp(event, random));
				}
				surveys.recordResponses(loader, row.id(), SurveyKind.FOLLOW_UP, follow, ResponseSource.QR);
			}
		}
	}

	private Map<String, List<String>> postEvent(EventDetails event, List<OrganizationRow> local, String chairName,
			Random random) {
		Map<String, List<String>> a = new HashMap<>();
		boolean shortFormat = event.shortFormat();
		a.put("q_usefulness", List.of(Integer.toString(pick(random, 0, 2, 8, 35, 55))));
		a.put("q_applicability", List.of(Integer.toString(shortFormat ? pick(random, 2, 8, 25, 38, 27)
				: pick(random, 0, 3, 12, 40, 45))));
		if (random.nextInt(10) < 8) {
			a.put("q_trainer", List.of(Integer.toString(pick(random, 0, 1, 9, 35, 55))));
		}
		if (random.nextInt(10) < 7) {
			a.put("q_format_fit", List.of(Integer.toString(shortFormat ? pick(random, 3, 10, 27, 35, 25)
					: pick(random, 1, 4, 15, 40, 40))));
		}
		int will = random.nextInt(100);
		a.put("q_will_apply", List.of(will < (shortFormat ? 52 : 66) ? "YES" : will < 92 ? "PARTLY" : "NO"));
		List<String> wishes = new ArrayList<>();
		for (String topic : WISHED) {
			if (random.nextInt(100) < (topic.endsWith("LITERACY") ? 38 : 15)) {
				wishes.add(topic);
			}
		}
		a.put("q_next_topics", wishes);
		// drawn from a generator of its own, so that the other answers stay as they were
		if (!wishes.isEmpty() && others.nextInt(100) < 12) {
			a.put("q_next_topics_other", List.of(OTHER_TOPICS[others.nextInt(OTHER_TOPICS.length)]));
		}
		a.put("q_category", List.of(category(event, random)));
		if (random.nextInt(100) < 45) {
			String organization = null;
			if (chairName != null && random.nextInt(100) < 12) {
				organization = chairName;
			}
			else if (event.hostOrganizationId() != null) {
				organization = event.hostKk();
			}
			else if (!local.isEmpty()) {
				organization = local.get(random.nextInt(local.size())).nameKk();
			}
			if (organization != null) {
				a.put("q_organization", List.of(organization));
			}
		}
		if (random.nextInt(100) < 15) {
			a.put("q_comments", List.of(random.nextBoolean() ? COMMENTS_KK[random.nextInt(COMMENTS_KK.length)]
					: COMMENTS_RU[random.nextInt(COMMENTS_RU.length)]));
		}
		return a;
	}

	private Map<String, List<String>> followUp(EventDetails event, Random random) {
		Map<String, List<String>> a = new HashMap<>();
		int applied = random.nextInt(100);
		String answer = applied < (event.shortFormat() ? 38 : 52) ? "YES" : applied < 82 ? "PARTLY" : "NO";
		a.put("q_applied", List.of(answer));
		if (!"NO".equals(answer) && random.nextInt(100) < 40) {
			a.put("q_how_applied", List.of(APPLIED_HOW[random.nextInt(APPLIED_HOW.length)]));
		}
		List<String> obstacles = new ArrayList<>();
		if ("YES".equals(answer)) {
			obstacles.add("NOTHING");
		}
		else {
			for (String o : new String[] { "NO_TIME", "NO_SUPPORT", "NOT_RELEVANT", "NEED_MORE" }) {
				if (random.nextInt(100) < 35) {
					obstacles.add(o);
				}
			}
		}
		a.put("q_obstacles", obstacles);
		List<String> support = new ArrayList<>();
		for (String s : new String[] { "CONSULTATION", "MATERIALS", "TRAINING", "LEGAL_HELP" }) {
			if (random.nextInt(100) < 35) {
				support.add(s);
			}
		}
		a.put("q_support_needed", support);
		a.put("q_applicability", List.of(Integer.toString(pick(random, 2, 6, 22, 40, 30))));
		a.put("q_category", List.of(category(event, random)));
		return a;
	}

	/** A category drawn in proportion to the event's head counts. */
	private static String category(EventDetails event, Random random) {
		int total = Math.max(1, event.totalParticipants());
		int n = random.nextInt(total);
		for (Map.Entry<String, Integer> entry : event.headCounts().entrySet()) {
			n -= entry.getValue();
			if (n < 0) {
				return entry.getKey();
			}
		}
		return "UNION_MEMBER";
	}

	/** A rating 1–5 drawn with the given weights. */
	private static int pick(Random random, int... weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int n = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			n -= weights[i];
			if (n < 0) {
				return i + 1;
			}
		}
		return weights.length;
	}
}
