package kz.oqytu.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import kz.oqytu.organizations.PrimaryKind;

/**
 * The 614 demo primary organizations of the Aktobe region and their members on 01.01.2025 and
 * 01.01.2026, summing exactly to the union's 33 468 and 33 557. Deterministic from a seed.
 */
final class DemoRegistry {

	static final int ORGANIZATIONS = 614;

	static final LocalDate PREVIOUS_DATE = LocalDate.of(2025, 1, 1);

	static final LocalDate LATEST_DATE = LocalDate.of(2026, 1, 1);

	static final int MEMBERS_2025 = 33_468;

	static final int MEMBERS_2026 = 33_557;

	/** The chair demo account's organization. */
	static final String CHAIR_ORGANIZATION_KK = "Ақтөбе қаласы, №1 мектеп-гимназия";

	/**
	 * The demo chair: the {@code chair} account's person and, in the registry, the chair of
	 * {@link #CHAIR_ORGANIZATION_KK} (issue 19: both said the same person). Set after the registry's
	 * random names are drawn, so no other organization's name or figure moves.
	 */
	static final String CHAIR_NAME = "Аманова Айгүл";

	/** Committee ids (migration V002), name stems for organization names, organization counts. */
	record District(long id, String kk, String ru, boolean city, int organizations) {
	}

	static final List<District> DISTRICTS = List.of(
			new District(3, "Ақтөбе қаласы", "город Актобе", true, 170),
			new District(4, "Алға ауданы", "Алгинский район", false, 40),
			new District(5, "Әйтеке би ауданы", "Айтекебийский район", false, 38),
			new District(6, "Байғанин ауданы", "Байганинский район", false, 30),
			new District(7, "Ырғыз ауданы", "Иргизский район", false, 22),
			new District(8, "Қарғалы ауданы", "Каргалинский район", false, 28),
			new District(9, "Қобда ауданы", "Хобдинский район", false, 34),
			new District(10, "Мәртөк ауданы", "Мартукский район", false, 36),
			new District(11, "Мұғалжар ауданы", "Мугалжарский район", false, 62),
			new District(12, "Ойыл ауданы", "Уилский район", false, 24),
			new District(13, "Темір ауданы", "Темирский район", false, 40),
			new District(14, "Хромтау ауданы", "Хромтауский район", false, 44),
			new District(15, "Шалқар ауданы", "Шалкарский район", false, 46));

	record Organization(long districtId, String nameKk, String nameRu, PrimaryKind kind, String address,
			String chairName, String chairPhone, int members2025, int members2026) {
	}

	private static final String[][] KINDERGARTENS = { { "Балапан", "Балапан" }, { "Айгөлек", "Айголек" },
			{ "Күншуақ", "Куншуак" }, { "Ботақан", "Ботакан" }, { "Еркетай", "Еркетай" }, { "Қызғалдақ", "Кызгалдак" },
			{ "Жұлдыз", "Жулдыз" }, { "Бөбек", "Бобек" }, { "Ақбота", "Акбота" }, { "Болашақ", "Болашак" } };

	private static final String[][] COLLEGES = { { "педагогикалық колледжі", "Педагогический колледж" },
			{ "медициналық колледжі", "Медицинский колледж" }, { "политехникалық колледжі", "Политехнический колледж" },
			{ "көлік колледжі", "Транспортный колледж" }, { "гуманитарлық колледжі", "Гуманитарный колледж" },
			{ "музыкалық колледжі", "Музыкальный колледж" }, { "құрылыс-техникалық колледжі", "Строительно-технический колледж" },
			{ "аграрлық-техникалық колледжі", "Аграрно-технический колледж" } };

	private static final String[][] EXTRACURRICULAR = { { "Оқушылар шығармашылығы үйі", "Дом школьников" },
			{ "Балалар музыка мектебі", "Детская музыкальная школа" },
			{ "Балалар-жасөспірімдер спорт мектебі", "Детско-юношеская спортивная школа" },
			{ "Жас техниктер станциясы", "Станция юных техников" } };

	private static final String[] SURNAMES = { "Аманова", "Бекова", "Жұмабаева", "Қасымова", "Нұрланова", "Серікова",
			"Тоқтарова", "Есенова", "Мұратова", "Омарова", "Әбілова", "Сәрсенова" };

	private static final String[] GIVEN = { "Айгүл", "Гүлнар", "Жанар", "Сәуле", "Динара", "Ләззат", "Меруерт",
			"Назгүл", "Роза", "Салтанат", "Бағдат", "Ерлан" };

	private DemoRegistry() {
	}

	static List<Organization> organizations() {
		Random random = new Random(2026);
		List<Organization> result = new ArrayList<>(ORGANIZATIONS);
		List<Integer> weights = new ArrayList<>(ORGANIZATIONS);
		for (District d : DISTRICTS) {
			int schools = 0;
			int kindergartens = 0;
			int colleges = 0;
			int extra = 0;
			for (int i = 0; i < d.organizations(); i++) {
				PrimaryKind kind = kindFor(d, i);
				String kk;
				String ru;
				int weight;
				switch (kind) {
					case MANAGEMENT -> {
						kk = d.city() ? "Ақтөбе қаласының білім бөлімі" : d.kk() + "ның білім бөлімі";
						ru = "Отдел образования, " + d.ru();
						weight = 10 + random.nextInt(15);
					}
					case UNIVERSITY -> {
						kk = i == 1 ? "Ақтөбе өңірлік университеті" : "Ақтөбе медицина университеті";
						ru = i == 1 ? "Актюбинский региональный университет" : "Актюбинский медицинский университет";
						weight = 350 + random.nextInt(300);
					}
					case COLLEGE -> {
						String[] c = COLLEGES[(colleges++) % COLLEGES.length];
						kk = (d.city() ? "Ақтөбе " : d.kk().replace(" ауданы", "") + " ") + c[0];
						ru = c[1] + ", " + d.ru();
						weight = 50 + random.nextInt(100);
					}
					case KINDERGARTEN -> {
						kindergartens++;
						String[] k = KINDERGARTENS[(kindergartens - 1) % KINDERGARTENS.length];
						kk = d.kk() + ", №" + kindergartens + " «" + k[0] + "» балабақшасы";
						ru = "Детский сад №" + kindergartens + " «" + k[1] + "», " + d.ru();
						weight = 15 + random.nextInt(30);
					}
					case EXTRACURRICULAR -> {
						String[] e = EXTRACURRICULAR[(extra++) % EXTRACURRICULAR.length];
						kk = d.kk() + ", " + e[0] + (extra > EXTRACURRICULAR.length ? " №" + extra : "");
						ru = e[1] + (extra > EXTRACURRICULAR.length ? " №" + extra : "") + ", " + d.ru();
						weight = 10 + random.nextInt(30);
					}
					case OTHER -> {
						kk = d.kk() + ", әдістемелік кабинет";
						ru = "Методический кабинет, " + d.ru();
						weight = 5 + random.nextInt(10);
					}
					default -> {
						schools++;
						boolean gymnasium = d.city() && schools <= 12;
						kk = d.kk() + ", №" + schools + (gymnasium ? " мектеп-гимназия" : " орта мектеп");
						ru = (gymnasium ? "Школа-гимназия №" : "Средняя школа №") + schools + ", " + d.ru();
						weight = (d.city() ? 60 : 30) + random.nextInt(d.city() ? 90 : 70);
					}
				}
				String chair = SURNAMES[random.nextInt(SURNAMES.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
				String phone = String.format("+7 70%d %03d %02d %02d", random.nextInt(8), random.nextInt(1000),
						random.nextInt(100), random.nextInt(100));
				String address = (d.city() ? "Ақтөбе қ." : d.kk()) + ", " + (1 + random.nextInt(120)) + " үй";
				result.add(new Organization(d.id(), kk, ru, kind, address, chair, phone, 0, 0));
				weights.add(weight);
			}
		}
		int[] members2025 = scale(weights.stream().mapToInt(Integer::intValue).toArray(), MEMBERS_2025);
		int[] drifted = new int[members2025.length];
		for (int i = 0; i < drifted.length; i++) {
			drifted[i] = Math.max(1, (int) Math.round(members2025[i] * (0.96 + random.nextDouble() * 0.08)));
		}
		int[] members2026 = scale(drifted, MEMBERS_2026);
		List<Organization> withMembers = new ArrayList<>(result.size());
		for (int i = 0; i < result.size(); i++) {
			Organization o = result.get(i);
			withMembers.add(new Organization(o.districtId(), o.nameKk(), o.nameRu(), o.kind(), o.address(),
					o.chairName(), o.chairPhone(), members2025[i], members2026[i]));
		}
		return withMembers;
	}

	private static PrimaryKind kindFor(District d, int i) {
		if (i == 0) {
			return PrimaryKind.MANAGEMENT;
		}
		if (d.city()) {
			if (i <= 2) {
				return PrimaryKind.UNIVERSITY;
			}
			if (i <= 10) {
				return PrimaryKind.COLLEGE;
			}
			if (i <= 14) {
				return PrimaryKind.EXTRACURRICULAR;
			}
			if (i == 15) {
				return PrimaryKind.OTHER;
			}
			// The chair's school (№1 мектеп-гимназия) is the first school of the city.
			return i % 3 == 0 ? PrimaryKind.KINDERGARTEN : PrimaryKind.SCHOOL;
		}
		if (i == 1) {
			return PrimaryKind.COLLEGE;
		}
		if (i == 2) {
			return PrimaryKind.EXTRACURRICULAR;
		}
		return i % 4 == 0 ? PrimaryKind.KINDERGARTEN : PrimaryKind.SCHOOL;
	}

	/** Scales weights to integers that sum exactly to the total (largest remainders get the rest). */
	static int[] scale(int[] weights, int total) {
		long sum = 0;
		for (int w : weights) {
			sum += w;
		}
		int[] result = new int[weights.length];
		double[] remainders = new double[weights.length];
		int assigned = 0;
		for (int i = 0; i < weights.length; i++) {
			double exact = (double) weights[i] * total / sum;
			result[i] = (int) Math.floor(exact);
			remainders[i] = exact - result[i];
			assigned += result[i];
		}
		Integer[] order = new Integer[weights.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
		for (int k = 0; assigned < total; k++, assigned++) {
			result[order[k % order.length]]++;
		}
		return result;
	}
}
