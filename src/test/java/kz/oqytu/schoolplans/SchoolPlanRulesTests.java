package kz.oqytu.schoolplans;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The school plan rules on their own: a plan's state. */
class SchoolPlanRulesTests {

	@Test
	void aSchoolPlanWithoutItemsIsNoPlan() {
		assertThat(SchoolPlanState.of(0, 0)).isEqualTo(SchoolPlanState.NO_PLAN);
		assertThat(SchoolPlanState.of(4, 0)).isEqualTo(SchoolPlanState.NOTHING_HELD);
		assertThat(SchoolPlanState.of(4, 1)).isEqualTo(SchoolPlanState.IN_PROGRESS);
		assertThat(SchoolPlanState.of(4, 4)).isEqualTo(SchoolPlanState.ALL_HELD);
	}
}
