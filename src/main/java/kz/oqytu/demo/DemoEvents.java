package kz.oqytu.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.stereotype.Component;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.training.ActiveMethod;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.OrganizationAttendance;
import kz.oqytu.training.OrganizationCountCommand;
import kz.oqytu.training.ParticipantCommand;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

/**
 * The training events of the union's report: 29 events in 2024 with 5 673 participants and 64 in
 * 2025 with 6 101, with the report's category counts exactly; a few named participant lists; two
 * events of 2025 partly recorded by organization; a few planned events for December 2026.
 * Deterministic from a seed.
 */
@Component
class DemoEvents {

	static final String UNION_MEMBER = "UNION_MEMBER";

	static final String AUDIT = "AUDIT_COMMISSION";

	static final String ACTIVIST = "ACTIVIST";

	static final String CHAIR = "CHAIR";

	static final String CONCILIATION = "CONCILIATION_COMMISSION";

	static final List<String> CATEGORIES = List.of(UNION_MEMBER, AUDIT, ACTIVIST, CHAIR, CONCILIATION);

	/** Rows 3–7 of the report, in category order. */
	static final Map<Integer, int[]> CATEGORY_TOTALS = Map.of(
			2024, new int[] { 1_494, 545, 238, 583, 2_813 },
			2025, new int[] { 1_597, 593, 1_131, 522, 2_258 });

	static final Map<Integer, Integer> EVENT_COUNTS = Map.of(2024, 29, 2025, 64);

	private static final int[] MONTHS = { 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12 };

	/** What an event looks like and which categories it gathers (weights per category). */
	private record Profile(String form, VenueKind venue, int days, int hours, String[] topics, int[] weights) {
	}

	private static final Profile[] PROFILES = {
			// monthly seminar-meetings for primary-organization chairs at the district committees
			new Profile("SEMINAR_MEETING", VenueKind.COMMITTEE_PREMISES, 1, 4,
					new String[] { "LABOUR_LAW", "COLLECTIVE_AGREEMENT" }, new int[] { 0, 2, 3, 10, 1 }),
			// on-site training in work collectives (schools, kindergartens)
			new Profile("MOBILE_TRAINING", VenueKind.ON_SITE, 1, 2,
					new String[] { "LEGAL_LITERACY", "FINANCIAL_LITERACY" }, new int[] { 10, 1, 2, 0, 1 }),
			// thematic seminars for conciliation-commission members
			new Profile("THEMATIC_SEMINAR", VenueKind.COMMITTEE_PREMISES, 1, 4,
					new String[] { "COLLECTIVE_AGREEMENT", "NEGOTIATIONS" }, new int[] { 1, 0, 1, 1, 10 }),
			// practicums for audit commissions
			new Profile("SEMINAR_PRACTICUM", VenueKind.REGIONAL_OFFICE, 1, 6,
					new String[] { "FINANCIAL_LITERACY", "LEGAL_LITERACY" }, new int[] { 0, 10, 2, 1, 1 }),
			// longer seminar-trainings for activists
			new Profile("SEMINAR_TRAINING", VenueKind.REGIONAL_OFFICE, 2, 12,
					new String[] { "COMMUNICATION", "INFORMATION_LITERACY" }, new int[] { 2, 1, 10, 1, 1 }),
			new Profile("ROUND_TABLE", VenueKind.COMMITTEE_PREMISES, 1, 3,
					new String[] { "NEGOTIATIONS", "OTHER" }, new int[] { 3, 1, 3, 2, 4 }),
			new Profile("EXPERIENCE_EXCHANGE", VenueKind.ON_SITE, 1, 4,
					new String[] { "COLLECTIVE_AGREEMENT", "COMMUNICATION" }, new int[] { 4, 2, 3, 3, 3 }) };

	private static final String[] TRAINERS = { "Сейтқалиева Г. Т., облыстық ұйымның әдіскері",
			"Нұрмағамбетов Е. С., құқықтық инспектор", "Жақсыбаева Р. М., еңбекті қорғау жөніндегі техникалық инспектор",
			"Омарова А. К., облыстық ұйым төрағасының орынбасары", "Бекмұхамбетов Д. Ж., қаржы маманы" };

	private static final String[] SURNAMES = { "Абдрахманова", "Байжанова", "Ғабдуллина", "Досмағанбетова",
			"Ержанова", "Жексенбаева", "Ихсанова", "Кенжебаева", "Лұқпанова", "Мусина", "Нұрпейісова", "Оразова",
			"Сағындықова", "Тәжібаева", "Утепова", "Хамитова", "Шалабаева", "Есенов", "Жұмағалиев", "Қуанышев" };

	private static final String[] NAMES = { "Айжан", "Алма", "Ардақ", "Бақыт", "Гүлмира", "Дана", "Жанаргүл",
			"Зәуре", "Индира", "Қарлығаш", "Мәдина", "Нұргүл", "Сандуғаш", "Талшын", "Ұлжан", "Асқар", "Берік", "Ерлан" };

	/** Events of 2025 in the chair's district whose attendance is recorded by organization (decision 19). */
	static final int EVENTS_BY_ORGANIZATION = 2;

	private final TrainingEvents events;

	private final TrainingCatalog catalog;

	private final Organizations organizations;

	private final OrganizationAttendance attendance;

	DemoEvents(TrainingEvents events, TrainingCatalog catalog, Organizations organizations,
			OrganizationAttendance attendance) {
		this.attendance = attendance;
		this.events = events;
		this.catalog = catalog;
		this.organizations = organizations;
	}

	void load(CurrentUser loader) {
		Random random = new Random(2025);
		Map<Long, List<OrganizationRow>> byDistrict = new LinkedHashMap<>();
		for (DemoRegistry.District d : DemoRegistry.DISTRICTS) {
			byDistrict.put(d.id(), organizations
				.search(loader, new OrganizationCriteria(null, d.id(), null, null, null, false, 0, OrganizationCriteria.MAX_SIZE))
				.getContent());
		}
		for (int year : new int[] { 2024, 2025 }) {
			loadYear(loader, year, random, byDistrict);
		}
		loadPlanned(loader);
	}

	private void loadYear(CurrentUser loader, int year, Random random, Map<Long, List<OrganizationRow>> byDistrict) {
		int count = EVENT_COUNTS.get(year);
		List<Profile> profiles = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			// Chairs' seminar-meetings every month and on-site sessions dominate: short formats.
			int pick = i % 9;
			profiles.add(PROFILES[switch (pick) {
				case 0, 3, 6 -> 0;
				case 1, 5 -> 1;
				case 2, 7 -> 2;
				case 4 -> 3;
				default -> (i / 9) % 2 == 0 ? 4 : (i % 2 == 0 ? 5 : 6);
			}]);
		}
		int[][] counts = new int[count][CATEGORIES.size()];
		int[] totals = CATEGORY_TOTALS.get(year);
		for (int c = 0; c < CATEGORIES.size(); c++) {
			int[] weights = new int[count];
			for (int i = 0; i < count; i++) {
				weights[i] = profiles.get(i).weights()[c] * (8 + random.nextInt(5));
			}
			int[] split = DemoRegistry.scale(weights, totals[c]);
			for (int i = 0; i < count; i++) {
				counts[i][c] = split[i];
			}
		}
		List<CatalogItem> topics = catalog.topics();
		int namedLists = 0;
		int byOrganization = 0;
		for (int i = 0; i < count; i++) {
			Profile p = profiles.get(i);
			int month = MONTHS[(i * MONTHS.length) / count];
			int day = 3 + (i * 7 + year) % 22;
			LocalDate date = LocalDate.of(year, month, day);
			DemoRegistry.District district = DemoRegistry.DISTRICTS.get((i * 5 + year) % DemoRegistry.DISTRICTS.size());
			Long districtId = p.venue() == VenueKind.REGIONAL_OFFICE ? null : district.id();
			Long hostId = null;
			if (p.venue() == VenueKind.ON_SITE) {
				List<OrganizationRow> candidates = byDistrict.get(district.id());
				hostId = candidates.get((i * 13 + year) % candidates.size()).id();
			}
			Set<String> topicCodes = new LinkedHashSet<>(List.of(p.topics()));
			if (year == 2025 && i % 4 == 0) {
				// The resolution asks for legal, financial and information literacy: 2025 leans that way.
				topicCodes.add(List.of("LEGAL_LITERACY", "FINANCIAL_LITERACY", "INFORMATION_LITERACY").get(i % 3));
			}
			String topicKk = topics.stream().filter(t -> t.code().equals(p.topics()[0])).findFirst().orElseThrow().nameKk();
			String topicRu = topics.stream().filter(t -> t.code().equals(p.topics()[0])).findFirst().orElseThrow().nameRu();
			CatalogItem form = catalog.form(p.form()).orElseThrow();
			String where = districtId == null ? "" : " (" + district.kk() + ")";
			String whereRu = districtId == null ? "" : " (" + district.ru() + ")";
			LocalDateTime starts = date.atTime(LocalTime.of(10, 0));
			LocalDateTime ends = date.plusDays(p.days() - 1L).atTime(LocalTime.of(p.days() > 1 ? 17 : 10 + Math.min(p.hours(), 7), 0));
			Map<String, Integer> headCounts = new LinkedHashMap<>();
			for (int c = 0; c < CATEGORIES.size(); c++) {
				headCounts.put(CATEGORIES.get(c), counts[i][c]);
			}
			int total = headCounts.values().stream().mapToInt(Integer::intValue).sum();
			boolean named = year == 2025 && namedLists < 3 && total >= 10 && total <= 60 && districtId != null;
			Set<ActiveMethod> methods = EnumSet.of(ActiveMethod.values()[i % 4], ActiveMethod.values()[(i + 1) % 4]);
			long id = events.create(loader, new EventCommand(form.nameKk() + ": " + topicKk.toLowerCase() + where,
					form.nameRu() + ": " + topicRu.toLowerCase() + whereRu, p.form(), topicCodes, starts, ends,
					BigDecimal.valueOf(p.hours()), p.venue(), districtId, hostId,
					p.venue() == VenueKind.REGIONAL_OFFICE ? "Ақтөбе қ., облыстық ұйымның мәжіліс залы" : null,
					TRAINERS[i % TRAINERS.length], methods,
					"https://www.facebook.com/aktobe.obl.profsoyuz/posts/" + year + String.format("%03d", i + 1), null,
					EventStatus.HELD, named ? null : headCounts));
			if (named) {
				namedLists++;
				events.addParticipants(loader, id, participants(headCounts, byDistrict.get(district.id()), random));
			}
			else if (year == 2025 && p.venue() == VenueKind.COMMITTEE_PREMISES && byOrganization < EVENTS_BY_ORGANIZATION
					&& recordByOrganization(loader, id, headCounts, byDistrict.get(district.id()))) {
				byOrganization++;
			}
		}
	}

	/**
	 * Records about half of an event of the chair's district by organization: the chair's school and
	 * three neighbours an eighth of each category each, the rest left "not recorded by organization".
	 * Head counts stay as they are, so every figure of the union's table does too.
	 */
	private boolean recordByOrganization(CurrentUser loader, long id, Map<String, Integer> headCounts,
			List<OrganizationRow> district) {
		int chair = -1;
		for (int k = 0; k < district.size(); k++) {
			if (district.get(k).nameKk().equals(DemoRegistry.CHAIR_ORGANIZATION_KK)) {
				chair = k;
			}
		}
		if (chair < 0) {
			return false;
		}
		List<OrganizationCountCommand> rows = new ArrayList<>();
		for (int k = 0; k < 4; k++) {
			OrganizationRow org = district.get((chair + k * 7) % district.size());
			Map<String, Integer> counts = new LinkedHashMap<>();
			headCounts.forEach((category, n) -> counts.put(category, n / 8));
			rows.add(new OrganizationCountCommand(org.id(), counts));
		}
		attendance.recordOrganizationCounts(loader, id, events.details(loader, id).version(), rows);
		return true;
	}

	private List<ParticipantCommand> participants(Map<String, Integer> headCounts, List<OrganizationRow> organizations,
			Random random) {
		List<ParticipantCommand> list = new ArrayList<>();
		int n = 0;
		for (Map.Entry<String, Integer> entry : headCounts.entrySet()) {
			for (int k = 0; k < entry.getValue(); k++, n++) {
				// Surname, name and a patronymic-like suffix make every demo person distinct.
				String name = SURNAMES[n % SURNAMES.length] + " " + NAMES[(n / SURNAMES.length + n) % NAMES.length]
						+ " " + (char) ('А' + (n % 28)) + ".";
				OrganizationRow org = organizations.get(random.nextInt(organizations.size()));
				String position = switch (entry.getKey()) {
					case CHAIR -> "БКҰ төрағасы";
					case AUDIT -> "тексеру комиссиясының мүшесі";
					case CONCILIATION -> "келісу комиссиясының мүшесі";
					case ACTIVIST -> "кәсіподақ белсендісі";
					default -> "мұғалім";
				};
				list.add(new ParticipantCommand(name, org.id(), entry.getKey(), position));
			}
		}
		return list;
	}

	private void loadPlanned(CurrentUser loader) {
		String[][] planned = {
				{ "SEMINAR_TRAINING", "Құқықтық сауаттылық: кәсіподақ белсенділеріне арналған мамандандырылған бағдарлама",
						"Правовая грамотность: специализированная программа для профсоюзного актива", "LEGAL_LITERACY" },
				{ "SEMINAR_PRACTICUM", "Тексеру комиссияларына арналған қаржылық сауаттылық практикумы",
						"Практикум по финансовой грамотности для ревизионных комиссий", "FINANCIAL_LITERACY" },
				{ "THEMATIC_SEMINAR", "Ақпараттық сауаттылық және кәсіподақтың цифрлық арналары",
						"Информационная грамотность и цифровые каналы профсоюза", "INFORMATION_LITERACY" },
				{ "SEMINAR_MEETING", "БКҰ төрағаларымен семинар-кеңес: 2027 жылғы оқыту жоспары",
						"Семинар-совещание с председателями ППО: план обучения на 2027 год", "OTHER" } };
		for (int i = 0; i < planned.length; i++) {
			LocalDateTime starts = LocalDate.of(2026, 12, 3 + i * 4).atTime(10, 0);
			boolean longer = "SEMINAR_TRAINING".equals(planned[i][0]);
			events.create(loader, new EventCommand(planned[i][1], planned[i][2], planned[i][0], Set.of(planned[i][3]),
					starts, longer ? starts.plusDays(1).withHour(17) : starts.plusHours(4),
					BigDecimal.valueOf(longer ? 12 : 4), i == 3 ? VenueKind.COMMITTEE_PREMISES : VenueKind.REGIONAL_OFFICE,
					i == 3 ? 3L : null, null, null, TRAINERS[i], EnumSet.of(ActiveMethod.CASE_ANALYSIS), null, null,
					EventStatus.PLANNED, Map.of()));
		}
	}
}
