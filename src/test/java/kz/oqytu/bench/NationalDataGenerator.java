package kz.oqytu.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills a freshly migrated database with a union of national size: 21 regions, ~205 district and
 * city committees, ~9 500 primary organizations, ten years of membership (~750 000 members), events
 * with head counts and named lists, surveys and answers, budgets, plans, requests and materials.
 * Deterministic from the seed; {@code scale} 1.0 is national size, 0.002 a few hundred events.
 *
 * <p>Rows go in with PostgreSQL's COPY, with triggers off for the session ({@code
 * session_replication_role = replica}: the audit trail and the path trigger stay quiet, paths are
 * written here), so it must run as a superuser, and only into an empty registry.
 */
public final class NationalDataGenerator {

	/** What was generated: the generator's own count of every kind of row. */
	public record Totals(int regions, int committees, int organizations, long membersLatest, int membershipRows,
			int events, int heldEvents, long participations, long namedParticipants, int surveys, long responses,
			long answers, int budgets, int plans, int planItems, int requests, int materials, int deliveries,
			long millis) {
	}

	public static final int NATIONAL_REGIONS = 21;

	public static final int FIRST_YEAR = 2016;

	public static final int LAST_YEAR = 2025;

	static final String[] FORMS = { "THEMATIC_SEMINAR", "SEMINAR_MEETING", "SEMINAR_TRAINING", "SEMINAR_PRACTICUM",
			"ROUND_TABLE", "EXPERIENCE_EXCHANGE", "MOBILE_TRAINING" };

	static final String[] TOPICS = { "LABOUR_LAW", "COLLECTIVE_AGREEMENT", "NEGOTIATIONS", "COMMUNICATION",
			"FINANCIAL_LITERACY", "INFORMATION_LITERACY", "LEGAL_LITERACY", "OTHER" };

	static final String[] CATEGORIES = { "UNION_MEMBER", "AUDIT_COMMISSION", "ACTIVIST", "CHAIR",
			"CONCILIATION_COMMISSION" };

	static final String[] METHODS = { "PRACTICAL_TASKS", "CASE_ANALYSIS", "SITUATIONAL_MODELLING", "DISCUSSION" };

	static final String[] KINDS = { "SCHOOL", "SCHOOL", "SCHOOL", "SCHOOL", "SCHOOL", "SCHOOL", "KINDERGARTEN",
			"KINDERGARTEN", "KINDERGARTEN", "COLLEGE", "UNIVERSITY", "EXTRACURRICULAR", "MANAGEMENT", "OTHER" };

	static final String[] SURNAMES = { "Абдрахманова", "Бекова", "Жұмабаев", "Иванова", "Қасымов", "Мұратова",
			"Нұрланов", "Оспанова", "Петрова", "Сәрсенбаев", "Тұрсынова", "Ысқақов", "Әлиева", "Ержанов", "Серікова",
			"Кенжебаев" };

	static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final long seed;

	private final double scale;

	private final Consumer<String> log;

	private final SplittableRandom random;

	public NationalDataGenerator(long seed, double scale, Consumer<String> log) {
		if (scale <= 0 || scale > 2) {
			throw new IllegalArgumentException("scale must be in (0, 2]: " + scale);
		}
		this.seed = seed;
		this.scale = scale;
		this.log = log;
		this.random = new SplittableRandom(seed);
	}

	// ---- the generated registry, kept in memory to draw events and people from

	private record Unit(long id, long parentId, String path, int region) {
	}

	private final List<Unit> regions = new ArrayList<>();

	private final List<Unit> committees = new ArrayList<>();

	/** Primary organizations per committee (index as in {@link #committees}). */
	private final List<List<Unit>> orgsByCommittee = new ArrayList<>();

	private final List<Unit> organizations = new ArrayList<>();

	public Totals generate(Connection connection) throws SQLException {
		long started = System.currentTimeMillis();
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement s = connection.createStatement()) {
			try (ResultSet rs = s.executeQuery("select count(*) from org_unit where level = 'PRIMARY'")) {
				rs.next();
				if (rs.getLong(1) > 0) {
					throw new IllegalStateException("the registry is not empty: generate into a freshly migrated database");
				}
			}
			s.execute("set local session_replication_role = replica");
			s.execute("set local synchronous_commit = off");
		}
		Copy copy = new Copy(connection);
		registry(copy);
		int membershipRows = membership(copy);
		long membersLatest = this.membersLatest;
		EventTotals ev = events(copy);
		int budgets = budgets(copy);
		int[] plans = plans(copy);
		int requests = requests(copy);
		int[] materials = materials(copy);
		users(connection);
		sequences(connection);
		connection.commit();
		connection.setAutoCommit(autoCommit);
		// the reports' rollups (decision 31): the rows above went past the services that keep them
		log.accept("rebuild rollups");
		try (Statement s = connection.createStatement()) {
			s.execute("select reports_rollup_coverage_rebuild()");
			s.execute("select reports_rollup_monitoring_rebuild()");
			// the survey results' score rows (decision 36): their triggers were off for the session too
			s.execute("select surveys_response_score_rebuild()");
			// the survey results' fold (decision 38), from those score rows
			s.execute("select surveys_results_fold_rebuild()");
			// the materials' receipts per organization (V403), kept by the deliveries' triggers
			s.execute("select materials_org_receipt_rebuild()");
		}
		// as autovacuum would leave a database at rest: statistics, and visibility maps for index-only scans
		log.accept("vacuum analyze");
		try (Statement s = connection.createStatement()) {
			s.execute("vacuum (analyze)");
		}
		return new Totals(regions.size(), committees.size(), organizations.size(), membersLatest, membershipRows,
				ev.events, ev.held, ev.participations, ev.named, ev.surveys, ev.responses, ev.answers, budgets, plans[0],
				plans[1], requests, materials[0], materials[1], System.currentTimeMillis() - started);
	}

	int scaled(double national) {
		return (int) Math.max(1, Math.round(national * scale));
	}

	// ---- registry: 21 regions (Aktobe from V002 with its 13 committees), committees, organizations

	private long nextUnitId = 100_000;

	private void registry(Copy copy) throws SQLException {
		log.accept("registry");
		Unit aktobe = new Unit(2, 1, "/1/2/", 0);
		regions.add(aktobe);
		for (long id = 3; id <= 15; id++) {
			committees.add(new Unit(id, 2, "/1/2/" + id + "/", 0));
		}
		Rows units = copy.rows("org_unit (id, parent_id, level, committee_kind, kind, name_kk, name_ru, path, active)");
		for (int r = 1; r < NATIONAL_REGIONS; r++) {
			long id = nextUnitId++;
			Unit region = new Unit(id, 1, "/1/" + id + "/", r);
			regions.add(region);
			units.row(id, 1, "REGION", null, null, String.format("Бенч облыстық ұйымы %02d", r + 1),
					String.format("Бенч областная организация %02d", r + 1), region.path(), true);
			// 192 committees over the 20 generated regions at national size: 9 or 10 each.
			int count = Math.max(1, (int) Math.round((r % 5 < 3 ? 10 : 9) * scale));
			for (int c = 0; c < count; c++) {
				long cid = nextUnitId++;
				Unit committee = new Unit(cid, id, region.path() + cid + "/", r);
				committees.add(committee);
				boolean city = c == 0;
				units.row(cid, id, "COMMITTEE", city ? "CITY" : "DISTRICT", null,
						String.format(city ? "Бенч қаласы %02d" : "Бенч ауданы %02d-%02d", r + 1, c),
						String.format(city ? "город Бенч %02d" : "Бенч район %02d-%02d", r + 1, c), committee.path(),
						true);
			}
		}
		int target = scaled(9_500);
		for (int i = 0; i < committees.size(); i++) {
			orgsByCommittee.add(new ArrayList<>());
		}
		for (int i = 0; i < target; i++) {
			// Cities are larger: the first committee of each region takes about three shares.
			int ci = i < committees.size() ? i : pickCommittee();
			Unit committee = committees.get(ci);
			long id = nextUnitId++;
			Unit org = new Unit(id, committee.id(), committee.path() + id + "/", committee.region());
			orgsByCommittee.get(ci).add(org);
			organizations.add(org);
			String kind = KINDS[random.nextInt(KINDS.length)];
			units.row(id, committee.id(), "PRIMARY", null, kind, "Бастауыш ұйым №" + id, "Первичная организация №" + id,
					org.path(), random.nextInt(100) < 98);
		}
		units.end();
	}

	private int pickCommittee() {
		int ci = random.nextInt(committees.size());
		if (random.nextInt(4) == 0) {
			// a city committee (the first of its region, or Aktobe city)
			int region = committees.get(ci).region();
			for (int j = 0; j < committees.size(); j++) {
				if (committees.get(j).region() == region) {
					return j;
				}
			}
		}
		return ci;
	}

	// ---- membership: eleven 1 January snapshots, the last one summing to ~750 000

	private long membersLatest;

	private int membership(Copy copy) throws SQLException {
		log.accept("membership");
		long target = Math.round(750_000 * scale);
		double[] weights = new double[organizations.size()];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			weights[i] = 10 + Math.exp(3.6 + random.nextGaussian() * 0.7);
			sum += weights[i];
		}
		Rows rows = copy.rows("membership_snapshot (id, org_unit_id, as_of, members)");
		long id = 1_000_000;
		int count = 0;
		long latest = 0;
		for (int i = 0; i < weights.length; i++) {
			int members = (int) Math.max(3, Math.round(weights[i] / sum * target));
			latest += members;
			for (int y = LAST_YEAR + 1; y >= FIRST_YEAR; y--) {
				rows.row(id++, organizations.get(i).id(), LocalDate.of(y, 1, 1), members);
				count++;
				members = (int) Math.max(1, Math.round(members / (1 + (random.nextDouble() * 0.06 - 0.02))));
			}
		}
		rows.end();
		membersLatest = latest;
		return count;
	}

	// ---- events, topics, methods, attendance, named lists, surveys, responses and answers

	private record EventTotals(int events, int held, long participations, long named, int surveys, long responses,
			long answers) {
	}

	private EventTotals events(Copy copy) throws SQLException {
		log.accept("events");
		int total = scaled(150_000);
		Rows events = copy.rows("training_event (id, organizer_unit_id, title_kk, title_ru, form_code, starts_at, ends_at,"
				+ " academic_hours, venue_kind, district_id, host_organization_id, trainers, status)");
		Rows topics = copy.rows("training_event_topic (event_id, topic_code)");
		Rows methods = copy.rows("training_event_method (event_id, method)");
		Rows counts = copy.rows("attendance_count (event_id, category_code, participants)");
		Rows people = copy.rows("event_participant (id, event_id, full_name, name_key, organization_id, category_code,"
				+ " position)");
		Rows surveys = copy.rows("event_survey (id, event_id, kind, questionnaire_id, token, short_code, opens_at,"
				+ " closes_at)");
		Rows responses = copy.rows("survey_response (id, event_survey_id, version_id, device_id, fingerprint, flagged,"
				+ " flag_reasons, organization_id, category_code, submitted_at)");
		Rows answers = copy.rows("survey_answer (response_id, question_id, rating, option_code, text_value)");
		long eventId = 1_000_000;
		long participantId = 1_000_000;
		long surveyId = 1_000_000;
		long responseId = 20_000_000;
		int held = 0;
		int surveyCount = 0;
		long participations = 0;
		long named = 0;
		long responseCount = 0;
		long answerCount = 0;
		int years = LAST_YEAR - FIRST_YEAR + 1;
		for (int i = 0; i < total; i++) {
			long id = eventId++;
			// later years hold a little more than earlier ones
			int year = FIRST_YEAR + Math.min(years - 1, (int) (years * Math.sqrt(random.nextDouble())));
			LocalDate day = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
			LocalDateTime starts = day.atTime(9 + random.nextInt(7), random.nextBoolean() ? 0 : 30);
			int days = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2);
			LocalDateTime ends = days == 0 ? starts.plusHours(2 + random.nextInt(4)) : starts.plusDays(days).withHour(17);
			int ci = random.nextInt(committees.size());
			Unit committee = committees.get(ci);
			// as the training module places events: the organizer is always the regional organization
			boolean regional = random.nextInt(5) == 0;
			Unit organizer = regions.get(committee.region());
			int venueDraw = random.nextInt(20);
			String venue = venueDraw < 8 ? "COMMITTEE_PREMISES" : venueDraw < 15 ? "ON_SITE"
					: venueDraw < 18 ? "REGIONAL_OFFICE" : "ONLINE";
			List<Unit> local = orgsByCommittee.get(ci);
			if (local.isEmpty()) {
				venue = "COMMITTEE_PREMISES";
			}
			Long district = venue.equals("REGIONAL_OFFICE") || venue.equals("ONLINE") ? null : committee.id();
			Long host = venue.equals("ON_SITE") ? local.get(random.nextInt(local.size())).id() : null;
			int statusDraw = random.nextInt(100);
			String status = statusDraw < 92 ? "HELD" : statusDraw < 95 ? "CANCELLED" : "PLANNED";
			String form = FORMS[random.nextInt(FORMS.length)];
			events.row(id, organizer.id(), "Бенч семинары №" + id, "Бенч-семинар №" + id, form, starts, ends,
					2 + random.nextInt(15), venue, district, host, "Тренер " + (1 + random.nextInt(400)), status);
			String firstTopic = TOPICS[random.nextInt(TOPICS.length)];
			topics.row(id, firstTopic);
			if (random.nextInt(3) == 0) {
				String second = TOPICS[random.nextInt(TOPICS.length)];
				if (!second.equals(firstTopic)) {
					topics.row(id, second);
				}
			}
			int m = random.nextInt(4);
			for (int k = 0; k < m; k++) {
				methods.row(id, METHODS[(k + i) % METHODS.length]);
			}
			// surveys: after the event and the follow-up, as the surveys module creates them
			long postSurvey = surveyId++;
			surveys.row(postSurvey, id, "POST_EVENT", 1, token(postSurvey), shortCode(postSurvey), starts,
					ends.plusDays(7));
			LocalDateTime followOpens = ends.toLocalDate().plusDays(60).atStartOfDay();
			long followSurvey = surveyId++;
			surveys.row(followSurvey, id, "FOLLOW_UP", 2, token(followSurvey), shortCode(followSurvey), followOpens,
					followOpens.plusDays(30));
			surveyCount += 2;
			if (!status.equals("HELD")) {
				continue;
			}
			held++;
			int n = 6 + random.nextInt(20);
			participations += n;
			int[] byCategory = new int[CATEGORIES.length];
			// named people come from the event's committee, or anywhere in its region
			List<Unit> pool = local.isEmpty() || (regional && random.nextBoolean()) ? regionOrgs(committee.region())
					: local;
			boolean namedList = random.nextBoolean() && !pool.isEmpty();
			if (namedList) {
				java.util.Set<String> seen = new java.util.HashSet<>();
				for (int k = 0; k < n; k++) {
					Unit org = pool.get(random.nextInt(pool.size()));
					int person = random.nextInt(40);
					String name = SURNAMES[person % SURNAMES.length] + " " + (char) ('А' + person % 20) + ". " + person;
					String key = name.toLowerCase(java.util.Locale.ROOT) + "|" + org.id();
					if (!seen.add(key)) {
						name = name + " " + k;
						key = name.toLowerCase(java.util.Locale.ROOT) + "|" + org.id();
						seen.add(key);
					}
					int cat = category();
					byCategory[cat]++;
					people.row(participantId++, id, name, name.toLowerCase(java.util.Locale.ROOT), org.id(), CATEGORIES[cat],
							cat == 3 ? "Төраға" : "Мұғалім");
				}
				named += n;
			}
			else {
				for (int k = 0; k < n; k++) {
					byCategory[category()]++;
				}
			}
			for (int c = 0; c < CATEGORIES.length; c++) {
				if (byCategory[c] > 0 || c == 0) {
					counts.row(id, CATEGORIES[c], byCategory[c]);
				}
			}
			// about half of those present answer the survey on their phones
			int answered = n / 2 + (random.nextBoolean() ? 1 : 0);
			for (int k = 0; k < answered; k++) {
				long rid = responseId++;
				int cat = random.nextInt(10) < 6 ? category() : -1;
				Long org = random.nextInt(10) < 3 && !local.isEmpty() ? local.get(random.nextInt(local.size())).id() : null;
				java.util.UUID device = new java.util.UUID(random.nextLong(), random.nextLong());
				String fingerprint = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
				// about one in a hundred flagged, for one browser answering many times (surveys.FlagReason.SAME_BROWSER)
				boolean flagged = random.nextInt(100) == 0;
				responses.row(rid, postSurvey, 1, device, fingerprint, flagged,
						flagged ? kz.oqytu.surveys.FlagReason.SAME_BROWSER.bit() : 0,
						org, cat < 0 ? null : CATEGORIES[cat], ends.plusMinutes(5 + random.nextInt(600)));
				responseCount++;
				answers.row(rid, 1, 3 + random.nextInt(3), null, null);
				answers.row(rid, 2, 2 + random.nextInt(4), null, null);
				answers.row(rid, 5, null, random.nextInt(10) < 7 ? "YES" : random.nextBoolean() ? "PARTLY" : "NO", null);
				answerCount += 3;
				if (random.nextInt(10) < 7) {
					answers.row(rid, 3, 3 + random.nextInt(3), null, null);
					answerCount++;
				}
				if (cat >= 0) {
					answers.row(rid, 7, null, CATEGORIES[cat], null);
					answerCount++;
				}
				if (random.nextInt(10) < 3) {
					answers.row(rid, 6, null, TOPICS[random.nextInt(TOPICS.length)], null);
					answerCount++;
				}
			}
			if (i % 20_000 == 0 && i > 0) {
				log.accept("events: " + i + " of " + total);
			}
		}
		long big = bigEvent(eventId, participantId, events, topics, counts, people);
		events.end();
		topics.end();
		methods.end();
		counts.end();
		people.end();
		surveys.end();
		responses.end();
		answers.end();
		return new EventTotals(total + 1, held + 1, participations + big, named + big, surveyCount, responseCount,
				answerCount);
	}

	/** Named participants of {@link #bigEvent}: the event page's size goal (issue #17) is for 10 000. */
	public static final int BIG_EVENT_PARTICIPANTS = 10_000;

	/**
	 * One held Aktobe event of the latest year with {@link #BIG_EVENT_PARTICIPANTS} named participants
	 * at every scale (the bench measures its page), titled "Бенч: үлкен іс-шара"; drawn from a random
	 * stream of its own, so the rest of the data is what it was without it. Returns its participants.
	 */
	private long bigEvent(long id, long firstParticipantId, Rows events, Rows topics, Rows counts, Rows people)
			throws SQLException {
		SplittableRandom r = new SplittableRandom(seed ^ 0x5EED_B16E_0000L);
		Unit aktobe = regions.get(0);
		List<Unit> pool = regionOrgs(0).isEmpty() ? organizations : regionOrgs(0);
		LocalDateTime starts = LocalDate.of(LAST_YEAR, 10, 15).atTime(10, 0);
		events.row(id, aktobe.id(), "Бенч: үлкен іс-шара", "Бенч: большое мероприятие", FORMS[0], starts,
				starts.plusHours(6), 8, "REGIONAL_OFFICE", null, null, "Тренер 1", "HELD");
		topics.row(id, TOPICS[0]);
		int[] byCategory = new int[CATEGORIES.length];
		for (int k = 0; k < BIG_EVENT_PARTICIPANTS; k++) {
			Unit org = pool.get(r.nextInt(pool.size()));
			// unique by its number: no two rows of the list are the same person
			String name = SURNAMES[k % SURNAMES.length] + " " + (char) ('А' + k % 20) + ". " + k;
			int d = r.nextInt(100);
			int cat = d < 62 ? 0 : d < 70 ? 1 : d < 85 ? 2 : d < 95 ? 3 : 4;
			byCategory[cat]++;
			people.row(firstParticipantId + k, id, name, name.toLowerCase(java.util.Locale.ROOT), org.id(),
					CATEGORIES[cat], cat == 3 ? "Төраға" : "Мұғалім");
		}
		for (int c = 0; c < CATEGORIES.length; c++) {
			if (byCategory[c] > 0 || c == 0) {
				counts.row(id, CATEGORIES[c], byCategory[c]);
			}
		}
		return BIG_EVENT_PARTICIPANTS;
	}

	private final java.util.Map<Integer, List<Unit>> regionOrgs = new java.util.HashMap<>();

	private List<Unit> regionOrgs(int region) {
		return regionOrgs.computeIfAbsent(region,
				r -> organizations.stream().filter(o -> o.region() == r).toList());
	}

	/** Mostly members, then activists, chairs, commission members. */
	private int category() {
		int d = random.nextInt(100);
		return d < 62 ? 0 : d < 70 ? 1 : d < 85 ? 2 : d < 95 ? 3 : 4;
	}

	/** A unique URL-safe token of 22 characters: the id in its first bytes, random ones after it. */
	private String token(long id) {
		byte[] bytes = new byte[16];
		for (int b = 0; b < 8; b++) {
			bytes[b] = (byte) (id >>> (8 * b));
		}
		long r = random.nextLong();
		for (int b = 0; b < 8; b++) {
			bytes[8 + b] = (byte) (r >>> (8 * b));
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A unique 8-character code: the id spread over the code space by a multiplier prime to it. */
	static String shortCode(long id) {
		long space = 852_891_037_441L; // 31^8
		long v = Math.floorMod(id * 387_420_489L + 12_345, space);
		char[] code = new char[8];
		for (int i = 7; i >= 0; i--) {
			code[i] = CODE_ALPHABET.charAt((int) (v % 31));
			v /= 31;
		}
		return new String(code);
	}

	// ---- budgets of regions and committees, plans, requests, materials

	private int budgets(Copy copy) throws SQLException {
		log.accept("budgets");
		Rows rows = copy.rows("budget (id, org_unit_id, year, total_planned, total_actual, training_planned,"
				+ " training_actual, updated_by)");
		long id = 1_000_000;
		List<Unit> bodies = new ArrayList<>(regions);
		bodies.addAll(committees);
		for (Unit body : bodies) {
			for (int y = FIRST_YEAR; y <= LAST_YEAR + 1; y++) {
				long total = 5_000_000L + random.nextInt(60_000_000);
				long actual = total - random.nextInt(1_000_000);
				double share = 0.05 + random.nextDouble() * 0.08;
				rows.row(id++, body.id(), y, total + ".00", actual + ".00", Math.round(total * share) + ".00",
						Math.round(actual * share * (0.8 + random.nextDouble() * 0.3)) + ".00", "bench");
			}
		}
		rows.end();
		return (int) (id - 1_000_000);
	}

	private int[] plans(Copy copy) throws SQLException {
		log.accept("plans");
		Rows plans = copy.rows("training_plan (id, org_unit_id, year, approved_on, protocol_number, updated_by)");
		Rows items = copy.rows("plan_item (id, plan_id, position, title_kk, title_ru, form_code, month,"
				+ " planned_participants, responsible)");
		Rows topics = copy.rows("plan_item_topic (item_id, topic_code)");
		long planId = 1_000_000;
		long itemId = 1_000_000;
		int itemCount = 0;
		for (Unit region : regions) {
			if (region.id() == 2 && scale < 1) {
				// tests keep Aktobe's plans for their own assertions
			}
			for (int y = FIRST_YEAR; y <= LAST_YEAR + 1; y++) {
				long id = planId++;
				plans.row(id, region.id(), y, LocalDate.of(y - 1, 12, 20), "№" + (1 + random.nextInt(30)), "bench");
				int n = Math.max(2, (int) Math.round(25 * Math.min(1, scale * 10)));
				for (int k = 1; k <= n; k++) {
					long item = itemId++;
					items.row(item, id, k, "Жоспар тармағы " + k, "Пункт плана " + k, FORMS[random.nextInt(FORMS.length)],
							1 + random.nextInt(12), 20 + random.nextInt(200), "Әдіскер");
					topics.row(item, TOPICS[random.nextInt(TOPICS.length)]);
					itemCount++;
				}
			}
		}
		plans.end();
		items.end();
		topics.end();
		return new int[] { (int) (planId - 1_000_000), itemCount };
	}

	private int requests(Copy copy) throws SQLException {
		log.accept("requests");
		Rows rows = copy.rows("topic_request (id, organization_id, year, preferred_form_code, preferred_month,"
				+ " expected_participants, status, submitted_by)");
		Rows topics = copy.rows("topic_request_topic (request_id, topic_code)");
		long id = 1_000_000;
		for (Unit org : organizations) {
			for (int y = LAST_YEAR; y <= LAST_YEAR + 1; y++) {
				if (random.nextInt(10) < 7) {
					long rid = id++;
					rows.row(rid, org.id(), y, FORMS[random.nextInt(FORMS.length)], 1 + random.nextInt(12),
							5 + random.nextInt(40), "SUBMITTED", "bench");
					topics.row(rid, TOPICS[random.nextInt(TOPICS.length)]);
				}
			}
		}
		rows.end();
		topics.end();
		return (int) (id - 1_000_000);
	}

	private int[] materials(Copy copy) throws SQLException {
		log.accept("materials");
		int count = scaled(2_000);
		Rows materials = copy.rows("material (id, owner_unit_id, title_kk, title_ru, type, language, latest_version_id,"
				+ " created_by, updated_by)");
		Rows topics = copy.rows("material_topic (material_id, topic_code)");
		Rows versions = copy.rows("material_version (id, material_id, number, file_type, file_size, sha256,"
				+ " original_name, chunk_size, created_by)");
		Rows chunks = copy.rows("material_file_chunk (version_id, seq, data)");
		Rows distributions = copy.rows("material_distribution (id, material_id, version_id, sent_on, target,"
				+ " recipients, created_by)");
		Rows deliveries = copy.rows("material_delivery (version_id, org_unit_id, material_id, distribution_id,"
				+ " acknowledged_at, acknowledged_by)");
		String[] types = { "CASE", "RECOMMENDATION", "COLLECTION", "GUIDE", "PRESENTATION", "OTHER" };
		byte[] pdf = "%PDF-1.4\n% oqytu bench placeholder\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		String sha = "0".repeat(64);
		long versionId = 1_000_000;
		long distributionId = 1_000_000;
		int deliveryCount = 0;
		for (int i = 0; i < count; i++) {
			long id = 1_000_000 + i;
			Unit region = regions.get(random.nextInt(regions.size()));
			int n = 1 + random.nextInt(2);
			long latest = versionId + n - 1;
			materials.row(id, region.id(), "Бенч материалы " + id, "Бенч-материал " + id, types[random.nextInt(types.length)],
					"KK_RU", latest, "bench", "bench");
			topics.row(id, TOPICS[random.nextInt(TOPICS.length)]);
			for (int v = 1; v <= n; v++) {
				long vid = versionId++;
				versions.row(vid, id, v, "PDF", pdf.length, sha, "material-" + id + "-" + v + ".pdf", 262_144, "bench");
				chunks.row(vid, 0, pdf);
			}
			// one in ten materials is sent to every organization of its region
			if (random.nextInt(10) == 0) {
				List<Unit> recipients = regionOrgs(region.region());
				long did = distributionId++;
				distributions.row(did, id, latest, LocalDate.of(LAST_YEAR, 1 + random.nextInt(12), 1), "ALL",
						recipients.size(), "bench");
				for (Unit org : recipients) {
					boolean acknowledged = random.nextBoolean();
					deliveries.row(latest, org.id(), id, did, acknowledged ? LocalDateTime.of(LAST_YEAR, 12, 1, 10, 0) : null,
							acknowledged ? "bench" : null);
					deliveryCount++;
				}
			}
		}
		materials.end();
		topics.end();
		versions.end();
		chunks.end();
		distributions.end();
		deliveries.end();
		return new int[] { count, deliveryCount };
	}

	// ---- accounts (password "demo") and sequences past the generated ids

	private void users(Connection connection) throws SQLException {
		String hash = org.springframework.security.crypto.factory.PasswordEncoderFactories
			.createDelegatingPasswordEncoder()
			.encode("demo");
		try (var ps = connection.prepareStatement("insert into app_user (id, username, password_hash, full_name, role,"
				+ " scope_unit_id) values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
			Object[][] users = { { 1_000_000L, "admin", "Бенч әкімшісі", "ADMIN", 1L },
					{ 1_000_001L, "methodologist", "Бенч әдіскері", "METHODOLOGIST", 2L },
					{ 1_000_002L, "executive", "Бенч атқару комитеті", "EXECUTIVE", 2L } };
			for (Object[] u : users) {
				ps.setLong(1, (Long) u[0]);
				ps.setString(2, (String) u[1]);
				ps.setString(3, hash);
				ps.setString(4, (String) u[2]);
				ps.setString(5, (String) u[3]);
				ps.setLong(6, (Long) u[4]);
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

	private static void sequences(Connection connection) throws SQLException {
		String[][] pairs = { { "org_unit_seq", "org_unit" }, { "membership_snapshot_seq", "membership_snapshot" },
				{ "training_event_seq", "training_event" }, { "event_participant_seq", "event_participant" },
				{ "survey_seq", "survey_response" }, { "app_user_seq", "app_user" }, { "budget_seq", "budget" },
				{ "training_plan_seq", "training_plan" }, { "plan_item_seq", "plan_item" },
				{ "topic_request_seq", "topic_request" }, { "material_seq", "material" },
				{ "material_version_seq", "material_version" },
				{ "material_distribution_seq", "material_distribution" } };
		try (Statement s = connection.createStatement()) {
			for (String[] p : pairs) {
				s.execute("select setval('" + p[0] + "', greatest((select coalesce(max(id), 0) from " + p[1]
						+ "), (select last_value from " + p[0] + ")) + 1000)");
			}
		}
	}

	// ---- COPY in text format, buffered

	static final class Copy {

		private final Connection connection;

		Copy(Connection connection) {
			this.connection = connection;
		}

		Rows rows(String target) throws SQLException {
			return new Rows(connection.unwrap(PGConnection.class).getCopyAPI(), target);
		}
	}

	/** One table's rows: written to a buffer and sent in COPY batches of about 1 MB. */
	static final class Rows {

		private final org.postgresql.copy.CopyManager api;

		private final String target;

		private final StringBuilder buffer = new StringBuilder(1 << 20);

		private CopyIn copy;

		Rows(org.postgresql.copy.CopyManager api, String target) {
			this.api = api;
			this.target = target;
		}

		void row(Object... values) throws SQLException {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					buffer.append('\t');
				}
				append(values[i]);
			}
			buffer.append('\n');
			if (buffer.length() > (1 << 20)) {
				flush();
			}
		}

		private void append(Object v) {
			if (v == null) {
				buffer.append("\\N");
			}
			else if (v instanceof LocalDateTime t) {
				buffer.append(TS.format(t));
			}
			else if (v instanceof byte[] bytes) {
				buffer.append("\\\\x").append(java.util.HexFormat.of().formatHex(bytes));
			}
			else if (v instanceof String s) {
				for (int i = 0; i < s.length(); i++) {
					char c = s.charAt(i);
					switch (c) {
						case '\\' -> buffer.append("\\\\");
						case '\t' -> buffer.append("\\t");
						case '\n' -> buffer.append("\\n");
						case '\r' -> buffer.append("\\r");
						default -> buffer.append(c);
					}
				}
			}
			else {
				buffer.append(v);
			}
		}

		private void flush() throws SQLException {
			if (buffer.length() == 0) {
				return;
			}
			if (copy == null) {
				// Several tables are filled in one pass, but a connection holds one COPY at a time:
				// each flush is a COPY of its own.
				copy = api.copyIn("copy " + target + " from stdin");
			}
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			copy.writeToCopy(bytes, 0, bytes.length);
			copy.endCopy();
			copy = null;
			buffer.setLength(0);
		}

		void end() throws SQLException {
			flush();
		}
	}

	long seed() {
		return seed;
	}
}
