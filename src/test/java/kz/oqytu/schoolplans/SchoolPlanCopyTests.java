package kz.oqytu.schoolplans;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A school plan started as a copy of last year's (issue 19, decision 30): topics, months, forms,
 * planned participants and notes come over, whether items were held does not; refused while the
 * year has items; only the organization's own chair (or an administrator) copies; audited.
 * Writes 2022 and 2023, years the demo leaves empty, and everything rolls back.
 */
@OqytuIntegrationTest
@Transactional
class SchoolPlanCopyTests {

	static final int LAST = 2022;

	static final int YEAR = 2023;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	SchoolPlans schools;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	CurrentUser chair;

	long org;

	@BeforeEach
	void lastYearsPlan() {
		chair = users.current("chair");
		org = chair.scopeUnitId();
		assertThat(schools.plan(org, LAST)).isEmpty();
		assertThat(schools.plan(org, YEAR)).isEmpty();
		schools.addItems(chair, org, LAST, List.of(
				new SchoolItemCommand("Еңбек құқығы", "LABOUR_LAW", 3, "ROUND_TABLE", 20, true, LocalDate.of(LAST, 3, 12), 18,
						"Мұғалімдер бөлмесінде"),
				new SchoolItemCommand("Ұжымдық шарт", null, 10, "ROUND_TABLE", 25, false, null, null, null)));
	}

	private String plan(int year) {
		return "/schools/" + org + "/" + year;
	}

	@Test
	void theChairCopiesLastYearsPlanWithoutWhatWasHeld() throws Exception {
		mvc.perform(get(plan(YEAR)).with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(plan(YEAR) + "/copy-previous")));
		mvc.perform(get("/organizations/" + org + "/portal").param("year", "" + YEAR).with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"portal-copy-previous\"")));

		mvc.perform(post(plan(YEAR) + "/copy-previous").param("back", "portal").with(users.as("chair")).with(csrf()))
			.andExpect(redirectedUrl("/organizations/" + org + "/portal?year=" + YEAR))
			.andExpect(flash().attribute("flash", "schools.flash.copied"));

		List<SchoolPlanItemView> copied = schools.plan(org, YEAR).orElseThrow().items();
		assertThat(copied).extracting(SchoolPlanItemView::topic).containsExactly("Еңбек құқығы", "Ұжымдық шарт");
		assertThat(copied).extracting(SchoolPlanItemView::month).containsExactly(3, 10);
		assertThat(copied).extracting(SchoolPlanItemView::topicCode).containsExactly("LABOUR_LAW", null);
		assertThat(copied).extracting(SchoolPlanItemView::plannedParticipants).containsExactly(20, 25);
		assertThat(copied).extracting(SchoolPlanItemView::notes).containsExactly("Мұғалімдер бөлмесінде", null);
		assertThat(copied).allMatch(i -> !i.held() && i.heldOn() == null && i.participants() == null);
		// last year's plan is untouched
		assertThat(schools.plan(org, LAST).orElseThrow().items()).filteredOn(SchoolPlanItemView::held).hasSize(1);

		// audited like any other change of a plan: one insert per copied item
		Long audited = jdbc.sql("""
				select count(*) from audit_log where table_name = 'school_plan_item' and action = 'INSERT'
				and (after ->> 'school_plan_id')::bigint = (select id from school_plan where organization_id = :org and year = :y)
				""").param("org", org).param("y", YEAR).query(Long.class).single();
		assertThat(audited).isEqualTo(2);

		// the offer is gone once the year has items
		mvc.perform(get(plan(YEAR)).with(users.as("chair")))
			.andExpect(content().string(not(containsString("/copy-previous"))));
	}

	@Test
	void aYearWithItemsIsNeverOverwritten() throws Exception {
		schools.addItem(chair, org, YEAR, new SchoolItemCommand("Өз тармағы", null, 5, "ROUND_TABLE", null, false, null,
				null, null));
		assertThat(schools.canCopyPreviousYear(chair, org, YEAR)).isFalse();
		mvc.perform(post(plan(YEAR) + "/copy-previous").with(users.as("chair")).with(csrf()))
			.andExpect(redirectedUrl(plan(YEAR)))
			.andExpect(flash().attribute("flashError", "schools.copy.exists"));
		assertThat(schools.plan(org, YEAR).orElseThrow().items()).extracting(SchoolPlanItemView::topic)
			.containsExactly("Өз тармағы");
		mvc.perform(get(plan(YEAR)).with(users.as("chair")))
			.andExpect(content().string(not(containsString("/copy-previous"))));
	}

	@Test
	void anEmptyLastYearHasNothingToCopy() {
		// 2021 after an empty 2020
		assertThat(schools.canCopyPreviousYear(chair, org, LAST - 1)).isFalse();
		assertThatThrownBy(() -> schools.copyPreviousYear(chair, org, LAST - 1))
			.isInstanceOf(BusinessRuleException.class)
			.extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("schools.copy.nothing");
		assertThat(schools.plan(org, LAST - 1)).isEmpty();
		// 2022 itself has items: refused as such
		assertThatThrownBy(() -> schools.copyPreviousYear(chair, org, LAST))
			.isInstanceOf(BusinessRuleException.class)
			.extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("schools.copy.exists");
	}

	@Test
	void onlyTheOrganizationsOwnChairOrAnAdministratorCopies() throws Exception {
		long other = jdbc.sql("select o.id from org_unit o join org_unit a on a.id = :a"
				+ " where o.level = 'PRIMARY' and o.parent_id <> a.parent_id order by o.id limit 1")
			.param("a", org).query(Long.class).single();
		accounts.create(new AccountCommand("portal.copy.chair", "Chair of another school", null, Role.CHAIR, other,
				"copy-password"));
		mvc.perform(post(plan(YEAR) + "/copy-previous").with(users.as("portal.copy.chair")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post(plan(YEAR) + "/copy-previous").with(users.as("methodologist")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post(plan(YEAR) + "/copy-previous").with(users.as("executive")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(schools.plan(org, YEAR)).isEmpty();
		assertThat(schools.canCopyPreviousYear(users.current("methodologist"), org, YEAR)).isFalse();
		mvc.perform(get(plan(YEAR)).with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/copy-previous"))));

		mvc.perform(post(plan(YEAR) + "/copy-previous").with(users.as("admin")).with(csrf()))
			.andExpect(redirectedUrl(plan(YEAR)));
		assertThat(schools.plan(org, YEAR).orElseThrow().items()).hasSize(2);
	}
}
