package kz.oqytu.plans;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The year-end review and "copy to next year": the kept items with their corrections start the next plan. */
@OqytuIntegrationTest
@Transactional
class PlanReviewAndCopyTests {

	static final int YEAR = 2022;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Plans plans;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	CurrentUser methodologist;

	PlanningFixtures fixtures;

	@BeforeEach
	void setUp() {
		methodologist = users.current("methodologist");
		fixtures = new PlanningFixtures(plans, events, organizations, methodologist);
	}

	@Test
	void copyToNextYearCarriesTheKeptItemsAndTheReviewsCorrections() throws Exception {
		fixtures.plan(YEAR);
		long kept = fixtures.item(YEAR, "Сақталатын тармақ", 40);
		long dropped = fixtures.item(YEAR, "Алынып тасталатын тармақ", 20);
		long corrected = fixtures.item(YEAR, "Түзетілетін тармақ", 30);
		int version = plans.page(methodologist, YEAR).orElseThrow().plan().version();

		// The review as the form sends it: kept items ticked, a note per item.
		mvc.perform(post("/plans/" + YEAR + "/review").with(users.as("methodologist")).with(csrf())
			.param("version", Integer.toString(version))
			.param("shortcomings", "Жаз айларында қатысу төмен болды.")
			.param("corrections", "Семинарларды қыркүйекке ауыстыру.")
			.param("carried", Long.toString(kept), Long.toString(corrected))
			.param("notes[" + corrected + "]", "Практикалық кейстер қосу")
			.param("notes[" + dropped + "]", "Аудандық семинарларға енгізілді"))
			.andExpect(redirectedUrl("/plans/" + YEAR));

		PlanHeader reviewed = plans.page(methodologist, YEAR).orElseThrow().plan();
		assertThat(reviewed.reviewed()).isTrue();
		assertThat(reviewed.reviewShortcomings()).isEqualTo("Жаз айларында қатысу төмен болды.");

		mvc.perform(post("/plans/" + YEAR + "/copy").with(users.as("methodologist")).with(csrf()))
			.andExpect(redirectedUrl("/plans/" + (YEAR + 1)));

		PlanPage next = plans.page(methodologist, YEAR + 1).orElseThrow();
		assertThat(next.plan().approved()).isFalse();
		assertThat(next.plan().copiedFromYear()).isEqualTo(YEAR);
		assertThat(next.plan().carriedCorrections()).isEqualTo("Семинарларды қыркүйекке ауыстыру.");
		assertThat(next.items()).extracting(PlanItemView::titleKk, PlanItemView::position, PlanItemView::correction)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Сақталатын тармақ", 1, null),
					org.assertj.core.groups.Tuple.tuple("Түзетілетін тармақ", 2, "Практикалық кейстер қосу"));
		assertThat(next.items()).allSatisfy(i -> {
			assertThat(i.plannedParticipants()).isNotNull();
			assertThat(i.topicCodes()).containsExactly("LABOUR_LAW");
			assertThat(i.categoryCodes()).containsExactly("CHAIR");
			assertThat(i.execution().status()).isEqualTo(ExecutionStatus.NOT_HELD);
		});
		mvc.perform(get("/plans/" + (YEAR + 1)).with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Семинарларды қыркүйекке ауыстыру.")))
			.andExpect(content().string(containsString("Практикалық кейстер қосу")));
	}

	@Test
	void aPlanIsCopiedOnlyOnceAndAStaleReviewIsRefused() {
		fixtures.plan(YEAR);
		fixtures.item(YEAR, "Тармақ", 10);
		int version = plans.page(methodologist, YEAR).orElseThrow().plan().version();
		plans.review(methodologist, YEAR, version, new PlanReview("—", "—", Map.of()));

		assertThat(plans.copyToNextYear(methodologist, YEAR)).isEqualTo(YEAR + 1);
		assertThatThrownBy(() -> plans.copyToNextYear(methodologist, YEAR)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("plans.error.exists");
		assertThatThrownBy(() -> plans.review(methodologist, YEAR, version, new PlanReview("x", "y", Map.of())))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void theApprovalNeedsBothTheMeetingDateAndTheProtocolNumber() {
		assertThatThrownBy(() -> plans.create(methodologist, YEAR, new PlanApproval(LocalDate.of(YEAR - 1, 12, 25), null)))
			.isInstanceOf(BusinessRuleException.class).hasMessage("plans.error.approvalWhole");
		assertThatThrownBy(() -> plans.create(methodologist, YEAR, new PlanApproval(LocalDate.of(YEAR - 3, 12, 25), "4")))
			.isInstanceOf(BusinessRuleException.class).hasMessage("plans.error.approvalDate");
		plans.create(methodologist, YEAR, PlanApproval.NONE);
		int version = plans.page(methodologist, YEAR).orElseThrow().plan().version();
		plans.approve(methodologist, YEAR, version, new PlanApproval(LocalDate.of(YEAR - 1, 12, 25), "4"));
		assertThat(plans.page(methodologist, YEAR).orElseThrow().plan())
			.extracting(PlanHeader::approvedOn, PlanHeader::protocolNumber)
			.containsExactly(LocalDate.of(YEAR - 1, 12, 25), "4");
		assertThat(plans.plans(methodologist)).extracting(PlanSummary::year).contains(YEAR);
	}
}
