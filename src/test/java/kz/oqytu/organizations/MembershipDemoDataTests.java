package kz.oqytu.organizations;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo registry reproduces the union's figures: 614 organizations, 33 468 and 33 557 members. */
@OqytuIntegrationTest
class MembershipDemoDataTests {

	private static final long REGION = 2;

	private static final LocalDate JAN_2025 = LocalDate.of(2025, 1, 1);

	private static final LocalDate JAN_2026 = LocalDate.of(2026, 1, 1);

	@Autowired
	Organizations organizations;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	@Test
	void regionHas33468MembersOn1January2025And33557On1January2026() {
		assertThat(organizations.totalMembers(REGION, JAN_2025)).isEqualTo(33_468);
		assertThat(organizations.totalMembers(REGION, JAN_2026)).isEqualTo(33_557);
	}

	@Test
	void regionHas614PrimaryOrganizationsWithMembership() {
		CurrentUser methodologist = users.current("methodologist");
		var all = organizations.search(methodologist,
				new OrganizationCriteria(null, null, null, null, null, false, 0, 1));
		assertThat(all.getTotalElements()).isGreaterThanOrEqualTo(614);
		List<DistrictTotals> districts = organizations.districtTotals(methodologist, JAN_2025, JAN_2026);
		assertThat(districts).hasSize(13);
		assertThat(districts.get(0).nameKk()).isEqualTo("Ақтөбе қаласы");
	}

	@Test
	void districtTotalsRollUpToTheRegion() {
		List<DistrictTotals> districts = organizations.districtTotals(users.current("executive"), JAN_2025, JAN_2026);
		assertThat(districts.stream().mapToLong(DistrictTotals::membersPrevious).sum()).isEqualTo(33_468);
		assertThat(districts.stream().mapToLong(DistrictTotals::membersLatest).sum()).isEqualTo(33_557);
		for (DistrictTotals d : districts) {
			assertThat(organizations.totalMembers(d.districtId(), JAN_2026)).isEqualTo(d.membersLatest());
		}
	}

	@Test
	void districtPagePrintsTheTotalsAsTheUnionDoes() throws Exception {
		mvc.perform(get("/organizations/districts").with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("33 468")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("33 557")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Облыс бойынша барлығы")));
	}
}
