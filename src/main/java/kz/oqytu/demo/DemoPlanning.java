package kz.oqytu.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.time.Clock;

import org.springframework.stereotype.Component;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.plans.PlanApproval;
import kz.oqytu.plans.PlanItemCommand;
import kz.oqytu.plans.PlanItemView;
import kz.oqytu.plans.PlanReview;
import kz.oqytu.plans.Plans;
import kz.oqytu.requests.CampaignCommand;
import kz.oqytu.requests.RequestCommand;
import kz.oqytu.requests.RequestDecision;
import kz.oqytu.requests.RequestStatus;
import kz.oqytu.requests.TopicRequests;
import kz.oqytu.resolutions.ResolutionCommand;
import kz.oqytu.resolutions.Resolutions;
import kz.oqytu.resolutions.TaskCommand;
import kz.oqytu.resolutions.TaskStatus;
import kz.oqytu.schoolplans.SchoolItemCommand;
import kz.oqytu.schoolplans.SchoolPlans;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.EventRow;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;

/**
 * The planning side of the union's report, written through the services of the plans, schoolplans,
 * requests and resolutions modules: the 2025 plan approved on 25.12.2024 carried out by the demo events of 2025 (a few items partly or
 * not held, a few events outside the plan) with its year-end review, the 2026 plan approved on
 * 25.12.2025 started from it with the review's corrections and the specialised literacy
 * programmes of December 2026; school plans of about half the primary organizations; requests from
 * about a third, some planned, held or declined; the open campaign for the 2027 plan; and the
 * executive committee's resolution No. 9 item 2 of 20.02.2026 with its three tasks. Deterministic
 * from a seed; call it after the events are loaded.
 */
@Component
class DemoPlanning {

	static final LocalDate APPROVED_2025 = LocalDate.of(2024, 12, 25);

	static final LocalDate APPROVED_2026 = LocalDate.of(2025, 12, 25);

	private static final String METHODOLOGIST = "Сейтқалиева Г. Т., облыстық ұйымның әдіскері";

	private static final String SPECIALIST = "Серімбетов А. Ж., оқытуды ұйымдастыруға жауапты маман";

	private static final String DEPUTY_CHAIR = "Беженаров В. Ф., Кәсіподақ төрағасының орынбасары";

	/** A 2025 plan item and which held events of 2025 carry it out. */
	private record Item(String titleKk, String titleRu, String form, Integer month, Integer quarter, List<String> topics,
			List<String> categories, List<Long> targets, Predicate<EventRow> carriedBy, double plannedFactor,
			Integer plannedFixed, String responsible) {
	}

	/** School-plan sessions: topic (kk), catalogue topic, form. */
	private static final String[][] SCHOOL_TOPICS = {
			{ "Еңбек шартын жасасу және өзгерту", "LABOUR_LAW", "THEMATIC_SEMINAR" },
			{ "Ұжымдық шарттың орындалуын бақылау", "COLLECTIVE_AGREEMENT", "ROUND_TABLE" },
			{ "Жұмыс уақыты, демалыс және педагогтің жүктемесі", "LABOUR_LAW", "THEMATIC_SEMINAR" },
			{ "Кәсіподақ жарналары және бастауыш ұйымның сметасы", "FINANCIAL_LITERACY", "SEMINAR_PRACTICUM" },
			{ "Педагогтердің құқықтары мен кепілдіктері", "LEGAL_LITERACY", "THEMATIC_SEMINAR" },
			{ "Кәсіподақ ақпаратын әлеуметтік желілерде тарату", "INFORMATION_LITERACY", "SEMINAR_PRACTICUM" },
			{ "Еңбек дауларын келісу комиссиясында қарау", "NEGOTIATIONS", "ROUND_TABLE" },
			{ "Ұжымдағы тиімді коммуникация", "COMMUNICATION", "EXPERIENCE_EXCHANGE" },
			{ "Жеке қаржыны жоспарлау: педагогке кеңестер", "FINANCIAL_LITERACY", "THEMATIC_SEMINAR" },
			{ "Еңбекті қорғау және қауіпсіздік", "LABOUR_LAW", "ROUND_TABLE" } };

	private static final String[] COMMENTS = { "Жас мұғалімдер үшін практикалық сабақ қажет.",
			"Желательно провести занятие на месте, в школе, после уроков.",
			"Келісу комиссиясының жаңа мүшелерін оқыту керек.", "Нужны разборы реальных трудовых споров.",
			"Тексеру комиссиясы сметаны тексеруді үйренгісі келеді.", null, null };

	private static final String[] DECLINE_REASONS = {
			"Тақырып аудандық комитеттегі БКҰ төрағаларымен ай сайынғы семинар-кеңестерде қаралады; соған қатысуды ұсынамыз.",
			"20 адамнан аз топқа көшпелі оқыту жоспарланбайды: көршілес ұйымдармен бірлесіп өтінім беріңіз.",
			"Запрошенный месяц приходится на отпуска педагогов; обучение перенесено в план на 2027 год." };

	private final Plans plans;

	private final SchoolPlans schools;

	private final TopicRequests requests;

	private final Resolutions resolutions;

	private final TrainingEvents events;

	private final Organizations organizations;

	private final Clock clock;

	DemoPlanning(Plans plans, SchoolPlans schools, TopicRequests requests, Resolutions resolutions,
			TrainingEvents events, Organizations organizations, Clock clock) {
		this.clock = clock;
		this.plans = plans;
		this.schools = schools;
		this.requests = requests;
		this.resolutions = resolutions;
		this.events = events;
		this.organizations = organizations;
	}

	void load(CurrentUser loader, long chairOrganizationId) {
		Random random = new Random(2027);
		List<EventRow> held2025 = events(loader, 2025, EventStatus.HELD);
		List<EventRow> planned2026 = events(loader, 2026, EventStatus.PLANNED);
		loadPlan2025(loader, held2025);
		Map<String, Long> items2026 = loadPlan2026(loader, planned2026);
		List<OrganizationRow> all = new ArrayList<>();
		for (DemoRegistry.District d : DemoRegistry.DISTRICTS) {
			all.addAll(organizations.search(loader,
					new OrganizationCriteria(null, d.id(), null, null, null, false, 0, OrganizationCriteria.MAX_SIZE))
				.getContent());
		}
		all.sort(Comparator.comparingLong(OrganizationRow::id));
		loadSchools(loader, chairOrganizationId, all, random);
		loadRequests(loader, chairOrganizationId, all, held2025, random);
		loadResolution(loader, items2026, planned2026);
	}

	private List<EventRow> events(CurrentUser loader, int year, EventStatus status) {
		return events.search(loader, new EventCriteria(year, null, null, null, null, status, null, null,
				EventCriteria.Sort.DATE, false, 0, EventCriteria.MAX_SIZE)).getContent();
	}

	// ---- the 2025 plan and its review

	private static Predicate<EventRow> form(String form, int fromMonth, int toMonth) {
		return e -> e.formCode().equals(form) && e.startsAt().getMonthValue() >= fromMonth
				&& e.startsAt().getMonthValue() <= toMonth;
	}

	private void loadPlan2025(CurrentUser loader, List<EventRow> held) {
		plans.create(loader, 2025, new PlanApproval(APPROVED_2025, "4"));
		// The last thematic seminar of the year and the experience exchanges were held without a plan item.
		long lastThematic = held.stream().filter(e -> e.formCode().equals("THEMATIC_SEMINAR"))
			.max(Comparator.comparing(EventRow::startsAt)).map(EventRow::id).orElse(-1L);
		List<Item> items = List.of(
				new Item("БКҰ төрағаларымен семинар-кеңес: еңбек шарты және еңбекақы",
						"Семинар-совещание с председателями ППО: трудовой договор и оплата труда", "SEMINAR_MEETING", null, 1,
						List.of("LABOUR_LAW"), List.of("CHAIR"), List.of(), form("SEMINAR_MEETING", 1, 3), 0.9, null, METHODOLOGIST),
				new Item("БКҰ төрағаларымен семинар-кеңес: ұжымдық шарт жобасын дайындау",
						"Семинар-совещание с председателями ППО: подготовка проекта коллективного договора", "SEMINAR_MEETING",
						null, 2, List.of("COLLECTIVE_AGREEMENT"), List.of("CHAIR"), List.of(), form("SEMINAR_MEETING", 4, 6), 0.9,
						null, METHODOLOGIST),
				new Item("БКҰ төрағаларымен семинар-кеңес: жаңа оқу жылына дайындық, жүктеме және тарификация",
						"Семинар-совещание с председателями ППО: подготовка к учебному году, нагрузка и тарификация",
						"SEMINAR_MEETING", null, 3, List.of("LABOUR_LAW", "COLLECTIVE_AGREEMENT"), List.of("CHAIR"), List.of(),
						form("SEMINAR_MEETING", 7, 9), 1.35, null, METHODOLOGIST),
				new Item("БКҰ төрағаларымен семинар-кеңес: ұжымдық шарттың орындалуын қорытындылау",
						"Семинар-совещание с председателями ППО: итоги выполнения коллективного договора", "SEMINAR_MEETING",
						null, 4, List.of("COLLECTIVE_AGREEMENT"), List.of("CHAIR"), List.of(), form("SEMINAR_MEETING", 10, 12),
						0.9, null, METHODOLOGIST),
				new Item("Еңбек ұжымдарындағы көшпелі оқыту: құқықтық және қаржылық сауаттылық",
						"Выездное обучение в трудовых коллективах: правовая и финансовая грамотность", "MOBILE_TRAINING", null,
						null, List.of("LEGAL_LITERACY", "FINANCIAL_LITERACY"), List.of("UNION_MEMBER"), List.of(),
						form("MOBILE_TRAINING", 1, 12), 0.95, null, "Нұрмағамбетов Е. С., құқықтық инспектор"),
				new Item("Келісу комиссияларының мүшелеріне тақырыптық семинарлар: ұжымдық келіссөздер",
						"Тематические семинары для членов согласительных комиссий: коллективные переговоры",
						"THEMATIC_SEMINAR", null, null, List.of("COLLECTIVE_AGREEMENT", "NEGOTIATIONS"),
						List.of("CONCILIATION_COMMISSION"), List.of(),
						form("THEMATIC_SEMINAR", 1, 12).and(e -> e.id() != lastThematic), 1.2, null, METHODOLOGIST),
				new Item("Тексеру комиссияларына арналған семинар-практикум: смета және қаржылық есептілік",
						"Семинар-практикум для ревизионных комиссий: смета и финансовая отчётность", "SEMINAR_PRACTICUM", null,
						null, List.of("FINANCIAL_LITERACY"), List.of("AUDIT_COMMISSION"), List.of(),
						form("SEMINAR_PRACTICUM", 1, 12), 0.9, null, "Бекмұхамбетов Д. Ж., қаржы маманы"),
				new Item("Кәсіподақ активіне арналған семинар-тренинг: коммуникация және ақпараттық сауаттылық",
						"Семинар-тренинг для профсоюзного актива: коммуникация и информационная грамотность",
						"SEMINAR_TRAINING", null, null, List.of("COMMUNICATION", "INFORMATION_LITERACY"), List.of("ACTIVIST"),
						List.of(), form("SEMINAR_TRAINING", 1, 12), 0.9, null, METHODOLOGIST),
				new Item("Жас педагогтармен дөңгелек үстел: жас маманның еңбек құқықтары",
						"Круглый стол с молодыми педагогами: трудовые права молодого специалиста", "ROUND_TABLE", 5, null,
						List.of("LABOUR_LAW"), List.of("UNION_MEMBER"), List.of(3L), e -> false, 0, 60,
						"Ақтөбе қалалық комитеті"),
				new Item("Ақпараттық сауаттылық: кәсіподақтың әлеуметтік желілердегі парақтары",
						"Информационная грамотность: страницы профсоюза в социальных сетях", "THEMATIC_SEMINAR", 11, null,
						List.of("INFORMATION_LITERACY"), List.of("ACTIVIST", "CHAIR"), List.of(4L, 5L, 11L), e -> false, 0, 80,
						METHODOLOGIST));
		Map<Integer, Long> ids = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			List<EventRow> carrying = held.stream().filter(item.carriedBy()).toList();
			long actual = carrying.stream().mapToLong(EventRow::participants).sum();
			long all = item.form().equals("THEMATIC_SEMINAR") && item.month() == null
					? held.stream().filter(form("THEMATIC_SEMINAR", 1, 12)).mapToLong(EventRow::participants).sum() : actual;
			// Held items planned a little below what came, partly held ones above it; rounded to tens.
			int planned = item.plannedFixed() != null ? item.plannedFixed()
					: (int) (Math.round(all * item.plannedFactor() / 10.0) * 10);
			if (item.plannedFixed() == null && item.plannedFactor() < 1 && planned > actual) {
				planned = (int) (actual / 10 * 10);
			}
			long id = plans.addItem(loader, 2025, new PlanItemCommand(null, item.titleKk(), item.titleRu(),
					new LinkedHashSet<>(item.topics()), item.form(), item.month(), item.quarter(),
					new LinkedHashSet<>(item.categories()), new LinkedHashSet<>(item.targets()), planned,
					item.responsible(), null));
			ids.put(i + 1, id);
			for (EventRow event : carrying) {
				plans.linkEvent(loader, id, event.id());
			}
		}
		int version = plans.page(loader, 2025).orElseThrow().plan().version();
		Map<Long, PlanReview.ItemReview> reviews = new LinkedHashMap<>();
		ids.values().forEach(id -> reviews.put(id, new PlanReview.ItemReview(true, null)));
		reviews.put(ids.get(3), new PlanReview.ItemReview(true,
				"Тамызда емес, қыркүйектің басында өткізу: тамызда төрағалардың көбі демалыста."));
		reviews.put(ids.get(6), new PlanReview.ItemReview(true,
				"Келісу комиссиялары үшін нақты еңбек дауларының кейстерін қосу."));
		reviews.put(ids.get(9), new PlanReview.ItemReview(false,
				"Жас педагогтардың тақырыбы аудандық семинар-кеңестерге енгізілді."));
		reviews.put(ids.get(10), new PlanReview.ItemReview(true,
				"Облыстық ұйымда семинар-тренинг ретінде өткізу, онлайн форматтан бас тарту."));
		plans.review(loader, 2025, version, new PlanReview("""
				1. III тоқсандағы семинар-кеңестерге жоспарланғаннан аз төраға қатысты (жазғы демалыс кезеңі).
				2. Келісу комиссияларының мүшелерін оқыту жоспардағы қамтуға жетпеді.
				3. Жас педагогтармен дөңгелек үстел және ақпараттық сауаттылық бойынша семинар өткізілмеді.
				4. Тәжірибе алмасу іс-шаралары жоспарға енгізілмей өткізілді.
				5. Қысқа мерзімді форматтар басым: практикалық нәтижелілігі төмендеу қаупі бар.""", """
				1. Оқыту тақырыптарын бастауыш ұйымдардың өтінімдері бойынша қалыптастыру («төменнен»).
				2. Кәсіподақ активі мен тексеру комиссияларына құқықтық, қаржылық және ақпараттық сауаттылық бойынша мамандандырылған бағдарламалар енгізу.
				3. Тәжірибе алмасуды жоспарға енгізу.
				4. Іс-шаралардан кейін QR-код арқылы цифрлық сауалнама және кейінгі сауалнама жүргізу.""", reviews));
	}

	// ---- the 2026 plan, started from 2025's

	/** Returns the ids of the 2026 items the resolution's tasks refer to, by a short name. */
	private Map<String, Long> loadPlan2026(CurrentUser loader, List<EventRow> planned2026) {
		plans.copyToNextYear(loader, 2025);
		int version = plans.page(loader, 2026).orElseThrow().plan().version();
		plans.approve(loader, 2026, version, new PlanApproval(APPROVED_2026, "8"));
		Map<String, Long> ids = new HashMap<>();
		ids.put("legal", plans.addItem(loader, 2026, new PlanItemCommand(null,
				"Кәсіподақ активіне арналған құқықтық сауаттылық бойынша мамандандырылған бағдарлама",
				"Специализированная программа по правовой грамотности для профсоюзного актива", Set.of("LEGAL_LITERACY"),
				"SEMINAR_TRAINING", 12, null, Set.of("ACTIVIST"), Set.of(), 60, METHODOLOGIST,
				"Атқару комитетінің 20.02.2026 № 9 қаулысының 2-тармағы бойынша.")));
		ids.put("financial", plans.addItem(loader, 2026, new PlanItemCommand(null,
				"Тексеру комиссияларына арналған қаржылық сауаттылық практикумы",
				"Практикум по финансовой грамотности для ревизионных комиссий", Set.of("FINANCIAL_LITERACY"),
				"SEMINAR_PRACTICUM", 12, null, Set.of("AUDIT_COMMISSION"), Set.of(), 45, "Бекмұхамбетов Д. Ж., қаржы маманы",
				"Атқару комитетінің 20.02.2026 № 9 қаулысының 2-тармағы бойынша.")));
		ids.put("exchange", plans.addItem(loader, 2026, new PlanItemCommand(null,
				"Тәжірибе алмасу: үздік бастауыш ұйымдардың ұжымдық шарттары",
				"Обмен опытом: коллективные договоры лучших первичных организаций", Set.of("COLLECTIVE_AGREEMENT"),
				"EXPERIENCE_EXCHANGE", null, 3, Set.of("CHAIR", "ACTIVIST"), Set.of(), 90, METHODOLOGIST, null)));
		List<PlanItemView> items = plans.page(loader, 2026).orElseThrow().items();
		ids.put("information", items.stream().filter(i -> i.topicCodes().equals(List.of("INFORMATION_LITERACY")))
			.findFirst().orElseThrow().id());
		ids.put("meetingQ4", items.stream().filter(i -> "SEMINAR_MEETING".equals(i.formCode()) && Integer.valueOf(4).equals(i.quarter()))
			.findFirst().orElseThrow().id());
		// The December 2026 events carry the literacy programmes and the chairs' meeting on the 2027 plan.
		for (EventRow event : planned2026) {
			String key = event.topicCodes().contains("LEGAL_LITERACY") ? "legal"
					: event.topicCodes().contains("FINANCIAL_LITERACY") ? "financial"
					: event.topicCodes().contains("INFORMATION_LITERACY") ? "information" : "meetingQ4";
			plans.linkEvent(loader, ids.get(key), event.id());
		}
		return ids;
	}

	// ---- school plans

	private void loadSchools(CurrentUser loader, long chairOrganizationId, List<OrganizationRow> all, Random random) {
		LocalDate today = LocalDate.now(clock);
		for (OrganizationRow org : all) {
			boolean chair = org.id() == chairOrganizationId;
			int draw = random.nextInt(100);
			// About half the schools have a 2026 plan; a quarter kept their 2025 one in the system too.
			if (chair || draw < 50) {
				boolean heldNothing = !chair && draw < 6;
				schoolYear(loader, org.id(), 2026, chair ? 5 : 3 + random.nextInt(3), heldNothing, today, random);
			}
			if (chair || draw < 25) {
				schoolYear(loader, org.id(), 2025, 4, false, today, random);
			}
		}
	}

	private void schoolYear(CurrentUser loader, long organizationId, int year, int sessions, boolean heldNothing,
			LocalDate today, Random random) {
		int[] months = { 2, 3, 4, 10, 11, 12 };
		int first = random.nextInt(SCHOOL_TOPICS.length);
		List<SchoolItemCommand> plan = new ArrayList<>(sessions);
		for (int s = 0; s < sessions; s++) {
			String[] topic = SCHOOL_TOPICS[(first + s * 3) % SCHOOL_TOPICS.length];
			int month = months[(s + (sessions == 5 ? 0 : random.nextInt(2))) % months.length];
			int planned = 12 + random.nextInt(25);
			LocalDate day = LocalDate.of(year, month, 5 + random.nextInt(20));
			// Every draw is made whatever the date, so the same seed gives the same plans on any day.
			boolean likely = random.nextInt(100) < 85;
			int absent = random.nextInt(8);
			boolean held = !heldNothing && day.isBefore(today) && likely;
			plan.add(new SchoolItemCommand(topic[0], topic[1], month, topic[2], planned, held, held ? day : null,
					held ? Math.max(5, planned - absent) : null, null));
		}
		schools.addItems(loader, organizationId, year, plan);
	}

	// ---- requests and the 2027 campaign

	private void loadRequests(CurrentUser loader, long chairOrganizationId, List<OrganizationRow> all,
			List<EventRow> held2025, Random random) {
		List<PlanItemView> items2026 = plans.page(loader, 2026).orElseThrow().items();
		String[] topics = { "LEGAL_LITERACY", "FINANCIAL_LITERACY", "INFORMATION_LITERACY", "LABOUR_LAW",
				"COLLECTIVE_AGREEMENT", "NEGOTIATIONS", "COMMUNICATION" };
		String[] categories = { "UNION_MEMBER", "AUDIT_COMMISSION", "ACTIVIST", "CHAIR", "CONCILIATION_COMMISSION" };
		String[] forms = { "MOBILE_TRAINING", "SEMINAR_PRACTICUM", "THEMATIC_SEMINAR", "SEMINAR_TRAINING" };
		int n = 0;
		for (OrganizationRow org : all) {
			boolean chair = org.id() == chairOrganizationId;
			if (!chair && random.nextInt(100) >= 33) {
				continue;
			}
			// The chair's school asked for 2025, 2026 and 2027; the others for one year each.
			int[] years = chair ? new int[] { 2025, 2026, 2027 } : new int[] { n % 5 == 0 ? 2025 : n % 5 < 3 ? 2026 : 2027 };
			for (int year : years) {
				Set<String> wanted = new LinkedHashSet<>();
				wanted.add(topics[random.nextInt(4) == 0 ? 3 + random.nextInt(4) : random.nextInt(3)]);
				if (random.nextInt(3) == 0) {
					wanted.add(topics[random.nextInt(topics.length)]);
				}
				if (chair && year == 2025) {
					// The chair's school asked for what a 2025 seminar in its city then gave.
					wanted = held2025.stream().filter(e -> e.districtId() != null && e.districtId() == org.districtId())
						.findFirst().map(e -> (Set<String>) new LinkedHashSet<>(e.topicCodes().subList(0, 1))).orElse(wanted);
				}
				Set<String> who = new LinkedHashSet<>();
				who.add(categories[random.nextInt(categories.length)]);
				if (random.nextInt(2) == 0) {
					who.add(categories[random.nextInt(categories.length)]);
				}
				long id = requests.submit(loader, org.id(), new RequestCommand(year, wanted, who,
						random.nextInt(3) == 0 ? null : forms[random.nextInt(forms.length)],
						random.nextInt(2) == 0 ? null : 1 + random.nextInt(12), 10 + random.nextInt(50),
						COMMENTS[random.nextInt(COMMENTS.length)]));
				decide(loader, id, year, org, wanted, chair, n, held2025, items2026);
				n++;
			}
		}
		requests.openCampaign(loader, new CampaignCommand(2027, "2027 жылғы оқыту жоспарына өтінімдер",
				"Заявки в план обучения на 2027 год", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 15),
				"Бастауыш ұйымдар қажетті тақырыптарды, санаттарды және қалаған айды көрсетеді; жоспар атқару комитетіне 2026 жылғы желтоқсанда ұсынылады."));
	}

	private void decide(CurrentUser loader, long id, int year, OrganizationRow org, Set<String> wanted, boolean chair,
			int n, List<EventRow> held2025, List<PlanItemView> items2026) {
		RequestDecision decision = null;
		if (year == 2025) {
			// Held at a 2025 event in the organization's district on a wanted topic, else declined.
			EventRow event = held2025.stream()
				.filter(e -> e.districtId() != null && e.districtId() == org.districtId())
				.filter(e -> e.topicCodes().stream().anyMatch(wanted::contains))
				.findFirst()
				.orElse(null);
			decision = event != null ? new RequestDecision(RequestStatus.HELD, null, event.id(), null)
					: new RequestDecision(RequestStatus.DECLINED, null, null, DECLINE_REASONS[n % 2]);
		}
		else if (year == 2026) {
			PlanItemView item = items2026.stream()
				.filter(i -> i.topicCodes().stream().anyMatch(wanted::contains))
				.findFirst()
				.orElse(null);
			if (chair || n % 7 == 0) {
				decision = new RequestDecision(RequestStatus.DECLINED, null, null, DECLINE_REASONS[chair ? 0 : n % 3]);
			}
			else if (item != null && n % 5 != 1) {
				decision = new RequestDecision(RequestStatus.PLANNED, item.id(), null, null);
			}
		}
		if (decision != null) {
			requests.decide(loader, id, requests.request(loader, id).version(), decision);
		}
	}

	// ---- the resolution of 20.02.2026

	private void loadResolution(CurrentUser loader, Map<String, Long> items2026, List<EventRow> planned2026) {
		long id = resolutions.create(loader, new ResolutionCommand(LocalDate.of(2026, 2, 20), "9", "2",
				"«Қазақстандық салалық білім және ғылым қызметкерлері кәсіптік одағының Ақтөбе облыстық ұйымы» ҚБ-дағы "
						+ "қолданыстағы кәсіподақтық оқыту жүйесінің тиімділігін бағалау туралы",
				"Об оценке эффективности действующей системы профсоюзного обучения в ОО «Актюбинская областная "
						+ "организация Казахстанского отраслевого профессионального союза работников образования и науки»",
				"""
				Изучив и обсудив справку об оценке эффективности действующей системы профсоюзного обучения в ОО «Актюбинская областная организация Казахстанского отраслевого профессионального союза работников образования и науки», Исполком отмечает, что работа по обучению профсоюзных кадров и актива ведется в соответствии с утвержденными планами и Концепцией обучения.

				В Областной организации функционирует методический кабинет, эффективно работают школы профсоюзного обучения первичных профсоюзных организациях. За 2025 год охват обучением составил 6 101 человек, в 2024 году – 5 673 человек. Финансирование обучения в 2026 году приведено в соответствие с нормативом и составило 10 % от расходной части сметы профоргана.

				Вместе с тем, требуют внимания вопросы адаптации программ обучения под запросы первичных организаций и усиление практической результативности при использовании краткосрочных форматов.

				Исполком ПОСТАНОВЛЯЕТ:
				1. Принять справку об оценке эффективности системы профсоюзного обучения к сведению.
				2. Уполномоченному органу Актюбинской областной организации Профсоюза:
				- активизировать работу по повышению правовой, финансовой и информационной грамотности профсоюзного актива и членов ревизионных комиссий через специализированные программы обучения;
				- обеспечить регулярное обновление и системное распространение методических материалов (кейсы, рекомендации) в первичных профсоюзных организациях;
				- организовать системный мониторинг обучения в первичных организациях, включая оценку практической применимости полученных знаний.
				3. Контроль за исполнением настоящего постановления возложить на заместителя председателя Профсоюза Беженарова В.Ф.""",
				DEPUTY_CHAIR));
		Set<Long> literacyEvents = new LinkedHashSet<>();
		planned2026.stream().filter(e -> e.topicCodes().stream().anyMatch(t -> t.endsWith("_LITERACY")))
			.forEach(e -> literacyEvents.add(e.id()));
		resolutions.addTask(loader, id, new TaskCommand(
				"Активизировать работу по повышению правовой, финансовой и информационной грамотности профсоюзного актива "
						+ "и членов ревизионных комиссий через специализированные программы обучения.",
				SPECIALIST, LocalDate.of(2026, 12, 31), TaskStatus.IN_PROGRESS, null,
				"Специализированные программы включены в план обучения на 2026 год; на декабрь 2026 года назначены "
						+ "семинар-тренинг по правовой грамотности для актива, практикум по финансовой грамотности для "
						+ "ревизионных комиссий и семинар по информационной грамотности.",
				new LinkedHashSet<>(List.of(items2026.get("legal"), items2026.get("financial"), items2026.get("information"))),
				literacyEvents, Set.of()));
		resolutions.addTask(loader, id, new TaskCommand(
				"Обеспечить регулярное обновление и системное распространение методических материалов (кейсы, "
						+ "рекомендации) в первичных профсоюзных организациях.",
				METHODOLOGIST, LocalDate.of(2026, 9, 1), TaskStatus.IN_PROGRESS, null,
				"Подготовлен сборник кейсов по трудовым спорам; рассылка в первичные организации к началу учебного года "
						+ "не завершена.",
				Set.of(), Set.of(), Set.of()));
		resolutions.addTask(loader, id, new TaskCommand(
				"Организовать системный мониторинг обучения в первичных организациях, включая оценку практической "
						+ "применимости полученных знаний.",
				METHODOLOGIST, LocalDate.of(2026, 6, 30), TaskStatus.DONE, LocalDate.of(2026, 6, 26),
				"С 2026 года участники мероприятий отвечают на анкету по QR-коду, через месяц — на повторный опрос о "
						+ "применении знаний; планы школ профсоюзного обучения и заявки первичных организаций ведутся в системе.",
				Set.of(), Set.of(), Set.of()));
	}
}
