package kz.oqytu.yearplan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.plans.PlanApproval;
import kz.oqytu.plans.PlanItemCommand;
import kz.oqytu.plans.PlanItemView;
import kz.oqytu.plans.Plans;
import kz.oqytu.schoolplans.SchoolPlanItemView;
import kz.oqytu.schoolplans.SchoolPlans;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #22, part 3 (decision 0050): the 2027 plan drafted from the demo data at a 25% target. The
 * drafted items' planned participants add up to the gap, each says why it is there, every district
 * and quarter is covered; a bad target writes nothing; drafting again replaces the drafted items;
 * an approved plan is not redrafted; a chair sees none of it but starts their school plan from their
 * requests and the regional plan. Everything is rolled back.
 */
@OqytuIntegrationTest
@Transactional
class PlanDraftTests {

	static final int YEAR = 2027;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	PlanDrafts drafts;

	@Autowired
	Plans plans;

	@Autowired
	SchoolPlans schools;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	kz.oqytu.surveys.SurveyResults surveys;

	CurrentUser methodologist;

	@BeforeEach
	void setUp() {
		methodologist = users.current("methodologist");
		assertThat(plans.page(methodologist, YEAR)).as("the demo has no 2027 plan").isEmpty();
	}

	private long plansOf2027() {
		return jdbc.sql("select count(*) from training_plan where year = 2027").query(Long.class).single();
	}

	private static boolean bothScored(kz.oqytu.surveys.ResultsOverview o) {
		return o.shortFormats() != null && o.longerFormats() != null && o.shortFormats().applicability() != null
				&& o.longerFormats().applicability() != null;
	}

	/**
	 * Decision 52: the formats are compared in the latest of the last two years whose answers score both
	 * (2026's seminars have no answers in the demo: 2025's, short 3,8 against longer 4,3); where short
	 * formats scored lower, each district's turn takes the forms scored at least as well as the longer
	 * formats, filled up with the forms most held; only those items say "longer format".
	 */
	@Test
	void whereShortFormatsScoredLowerEveryDistrictTakesTheFormsScoredAsWellAsTheLongerOnes() {
		kz.oqytu.surveys.ResultsOverview last = surveys.overview(methodologist, 2026, null, null, null);
		kz.oqytu.surveys.ResultsOverview before = surveys.overview(methodologist, 2025, null, null, null);
		assertThat(bothScored(before)).as("the demo's 2025 answers score both").isTrue();
		kz.oqytu.surveys.ResultsOverview used = bothScored(last) ? last : before;
		BigDecimal longScore = used.longerFormats().applicability();
		assertThat(used.shortFormats().applicability()).as("short formats scored lower in " + used.year()).isLessThan(longScore);
		Set<String> scoredLonger = used.byForm().stream()
			.filter(l -> l.responses() > 0 && l.applicability() != null && l.applicability().compareTo(longScore) >= 0)
			.map(kz.oqytu.surveys.ScoreLine::key).collect(Collectors.toSet());
		assertThat(scoredLonger).isNotEmpty();

		PlanDraft draft = drafts.preview(methodologist, YEAR, new BigDecimal("25"));
		assertThat(draft.longFormats()).isTrue();
		assertThat(draft.byForm().stream().map(PlanDraft.FormNeed::formCode)).containsAll(scoredLonger).hasSizeBetween(2, 3);
		String longReason = "Продолжительный формат: в " + used.year() + " году краткосрочные форматы получили";
		assertThat(draft.items()).isNotEmpty().allSatisfy(i -> {
			if (scoredLonger.contains(i.formCode())) {
				assertThat(i.reasonRu()).contains(longReason);
			}
			else {
				assertThat(i.reasonRu()).doesNotContain("Продолжительный формат");
			}
		});
		// every district's year has items of a form scored as well as the longer formats
		draft.items().stream().collect(Collectors.groupingBy(PlanDraft.Item::districtId)).values()
			.forEach(items -> assertThat(items).anyMatch(i -> scoredLonger.contains(i.formCode())));
	}

	@Test
	void theDraftOf2027At25PercentAddsUpToTheGapWithAReasonOnEveryItem() throws Exception {
		PlanDraft draft = drafts.preview(methodologist, YEAR, new BigDecimal("25"));
		// the latest snapshot is the seed's 01.01.2026: 33 557 members, a quarter of them rounded up
		assertThat(draft.members()).isEqualTo(33_557);
		assertThat(draft.needed()).isEqualTo(BigDecimal.valueOf(33_557).multiply(new BigDecimal("0.25"))
			.setScale(0, RoundingMode.CEILING).longValueExact()).isEqualTo(8_390);
		assertThat(draft.gap()).isEqualTo(draft.needed() - draft.trainedSoFar()).isPositive();
		assertThat(draft.byDistrict().stream().mapToLong(PlanDraft.Share::people).sum()).isEqualTo(draft.gap());
		assertThat(draft.byCategory().stream().mapToLong(PlanDraft.Share::people).sum()).isEqualTo(draft.gap());
		assertThat(draft.byForm()).isNotEmpty().allSatisfy(f -> assertThat(f.events()).isPositive());
		// a district's quarters take the forms in turn, not one form for the whole year
		assertThat(draft.byForm()).hasSizeBetween(2, 3);
		assertThat(draft.byForm().stream().mapToLong(PlanDraft.FormNeed::people).sum()).isEqualTo(draft.gap());
		assertThat(draft.items().stream().collect(java.util.stream.Collectors.groupingBy(PlanDraft.Item::districtId,
				java.util.stream.Collectors.mapping(PlanDraft.Item::formCode, java.util.stream.Collectors.toSet()))).values())
			.allSatisfy(forms -> assertThat(forms).hasSizeGreaterThan(1));
		// no budget for 2027 in the demo: said so, the estimate still given from 2025's actual spending
		assertThat(draft.budget().recorded()).isFalse();
		assertThat(draft.budget().costYear()).isEqualTo(2025);

		mvc.perform(post("/plan-drafts").with(users.as("methodologist")).with(csrf())
			.param("year", "2027").param("target", "25"))
			.andExpect(redirectedUrl("/plans/2027"));

		List<PlanItemView> items = plans.page(methodologist, YEAR).orElseThrow().items();
		assertThat(plans.page(methodologist, YEAR).orElseThrow().plan().approved()).isFalse();
		assertThat(items).hasSize(draft.items().size()).allSatisfy(i -> {
			assertThat(i.drafted()).isTrue();
			assertThat(i.reasonKk()).isNotBlank();
			assertThat(i.reasonRu()).isNotBlank();
			assertThat(i.plannedParticipants()).isPositive();
		});
		assertThat(items.stream().mapToLong(PlanItemView::plannedParticipants).sum()).isEqualTo(draft.gap());
		// every district with members gets items, in all four quarters
		Set<Long> districts = draft.byDistrict().stream().map(s -> Long.valueOf(s.key())).collect(Collectors.toSet());
		assertThat(districts).hasSizeGreaterThanOrEqualTo(13);
		assertThat(draft.items().stream().map(PlanDraft.Item::districtId).collect(Collectors.toSet())).isEqualTo(districts);
		assertThat(items.stream().map(PlanItemView::quarter).collect(Collectors.toSet())).containsExactlyInAnyOrder(1, 2, 3, 4);
		// the resolution's literacy topics, for the activists and audit-commission members
		assertThat(items.stream().flatMap(i -> i.topicCodes().stream())).contains("LEGAL_LITERACY", "FINANCIAL_LITERACY");
		assertThat(items).anyMatch(i -> i.categoryCodes().containsAll(List.of("ACTIVIST", "AUDIT_COMMISSION")));

		PlanItemView first = items.get(0);
		mvc.perform(get("/plans/2027/items/" + first.id()).param("lang", "ru").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Почему пункт в плане")))
			.andExpect(content().string(containsString(first.reasonRu().substring(0, 40))));
	}

	/** The union's administrator works above the regions: the draft is still the first region's, as its plan is. */
	@Test
	void theAdministratorDraftsTheRegionsPlanWithTheRegionsFigures() {
		PlanDraft mine = drafts.preview(methodologist, YEAR, new BigDecimal("25"));
		PlanDraft admin = drafts.preview(users.current("admin"), YEAR, new BigDecimal("25"));
		assertThat(admin.members()).isEqualTo(33_557);
		assertThat(admin.gap()).isEqualTo(mine.gap());
		assertThat(admin.items()).isEqualTo(mine.items());
		assertThat(admin.budget().costYear()).isEqualTo(2025);
		assertThat(admin.budget().costPerPerson()).isEqualByComparingTo(mine.budget().costPerPerson());
	}

	@Test
	void draftingAgainReplacesTheDraftedItemsAndKeepsThoseWrittenByHand() {
		int drafted = drafts.draft(methodologist, YEAR, new BigDecimal("25"));
		long hand = plans.addItem(methodologist, YEAR, new PlanItemCommand(null, "Қолмен енгізілген тармақ", null,
				Set.of("LABOUR_LAW"), "ROUND_TABLE", null, 2, Set.of(), Set.of(), 300, null, null));
		PlanDraft again = drafts.preview(methodologist, YEAR, new BigDecimal("25"));
		assertThat(again.draftedBefore()).isEqualTo(drafted);
		assertThat(again.plannedByHand()).isEqualTo(300);
		assertThat(again.toDraft()).isEqualTo(again.gap() - 300);

		int redrafted = drafts.draft(methodologist, YEAR, new BigDecimal("25"));
		List<PlanItemView> items = plans.page(methodologist, YEAR).orElseThrow().items();
		assertThat(items.stream().filter(PlanItemView::drafted)).hasSize(redrafted);
		assertThat(items).filteredOn(i -> i.id() == hand).singleElement().satisfies(i -> assertThat(i.drafted()).isFalse());
		// the whole plan still adds up to the gap: the drafted items make up what the hand-written one leaves
		assertThat(items.stream().mapToLong(PlanItemView::plannedParticipants).sum()).isEqualTo(again.gap());
		assertThat(jdbc.sql("select count(*) from plan_item i join training_plan p on p.id = i.plan_id"
				+ " where p.year = 2027 and i.drafted").query(Long.class).single()).isEqualTo(redrafted);
	}

	@Test
	void anApprovedPlanIsNotDraftedAgain() throws Exception {
		drafts.draft(methodologist, YEAR, new BigDecimal("20"));
		int version = plans.page(methodologist, YEAR).orElseThrow().plan().version();
		LocalDate day = LocalDate.of(2026, 12, 1);
		plans.approve(methodologist, YEAR, version, new PlanApproval(day, "12"));
		List<PlanItemView> before = plans.page(methodologist, YEAR).orElseThrow().items();

		mvc.perform(post("/plan-drafts").with(users.as("methodologist")).with(csrf())
			.param("year", "2027").param("target", "25").param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("План на 2027 год утверждён")));
		assertThat(plans.page(methodologist, YEAR).orElseThrow().items()).isEqualTo(before);
		assertThatThrownBy(() -> drafts.draft(methodologist, YEAR, new BigDecimal("25")))
			.isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void aBadTargetIsRefusedInTheUsersLanguageAndNothingIsWritten() throws Exception {
		for (String bad : List.of("0", "-5", "100,5", "abc", "25,55", "")) {
			mvc.perform(post("/plan-drafts").with(users.as("methodologist")).with(csrf())
				.param("year", "2027").param("target", bad).param("lang", "ru"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Введите целевой охват больше 0 и не больше 100")));
		}
		mvc.perform(get("/plan-drafts").param("year", "2027").param("target", "200").param("lang", "kk")
			.with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Мақсатты қамтуды 0-ден көп және 100-ден аспайтын")))
			.andExpect(content().string(not(containsString("id=\"draft-form\""))));
		mvc.perform(get("/plan-drafts").param("year", "2027").param("target", "25").param("lang", "ru")
			.with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("8 390")));
		assertThat(plansOf2027()).isZero();
		// a year outside this and next is no page
		mvc.perform(get("/plan-drafts").param("year", "2020").with(users.as("methodologist")))
			.andExpect(status().isNotFound());
		assertThatThrownBy(() -> drafts.draft(methodologist, 2020, new BigDecimal("25")))
			.isInstanceOf(BusinessRuleException.class);
		assertThat(PlanDrafts.parseTarget("25,5")).isEqualByComparingTo("25.5");
		assertThat(PlanDrafts.parseTarget("100")).isEqualByComparingTo("100");
	}

	@Test
	void aChairAndTheExecutiveCommitteeAreRefusedTheDraft() throws Exception {
		for (String who : List.of("chair", "executive")) {
			mvc.perform(get("/plan-drafts").param("year", "2027").with(users.as(who))).andExpect(status().isForbidden());
			mvc.perform(post("/plan-drafts").with(users.as(who)).with(csrf()).param("year", "2027").param("target", "25"))
				.andExpect(status().isForbidden());
		}
		assertThatThrownBy(() -> drafts.preview(users.current("chair"), YEAR, new BigDecimal("25")))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThat(plansOf2027()).isZero();
	}

	@Test
	void aChairStartsTheSchoolPlanFromTheirRequestsAndTheRegionalPlansItemsForTheirSchool() throws Exception {
		drafts.draft(methodologist, YEAR, new BigDecimal("25"));
		CurrentUser chair = users.current("chair");
		long org = chair.scopeUnitId();
		assertThat(schools.plan(org, YEAR)).isEmpty();
		assertThat(schools.canStartFromRequests(chair, org, YEAR)).isTrue();
		int concerning = plans.itemsConcerning(org, YEAR).size();
		assertThat(concerning).isPositive();

		mvc.perform(get("/schools/" + org + "/2027").param("lang", "ru").with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Начать план на 2027 год с заявок")));
		mvc.perform(post("/schools/" + org + "/2027/from-requests").param("lang", "ru").with(users.as("chair")).with(csrf()))
			.andExpect(redirectedUrl("/schools/" + org + "/2027"));

		List<SchoolPlanItemView> items = schools.plan(org, YEAR).orElseThrow().items();
		assertThat(items.stream().filter(i -> i.notes() != null && i.notes().startsWith("Областной план"))).hasSize(concerning);
		assertThat(items).anyMatch(i -> i.notes() != null && i.notes().startsWith("Заявка организации"));
		// once started, it is not started again
		assertThat(schools.canStartFromRequests(chair, org, YEAR)).isFalse();
		assertThatThrownBy(() -> schools.startFromRequests(chair, org, YEAR, java.util.Locale.forLanguageTag("ru")))
			.isInstanceOf(BusinessRuleException.class);
		// the methodologist does not keep a school's plan
		mvc.perform(post("/schools/" + org + "/2027/from-requests").with(users.as("methodologist")).with(csrf()))
			.andExpect(status().isForbidden());
	}
}
