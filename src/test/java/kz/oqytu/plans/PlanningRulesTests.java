package kz.oqytu.plans;

import kz.oqytu.resolutions.LinkKind;
import kz.oqytu.resolutions.TaskStatus;
import kz.oqytu.schoolplans.SchoolPlanState;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The planning rules on their own: execution status, school plan state, overdue tasks. */
class PlanningRulesTests {

	@Test
	void anItemIsHeldWhenItsHeldEventsReachThePlannedParticipants() {
		assertThat(ExecutionStatus.judge(2, 50, 50)).isEqualTo(ExecutionStatus.HELD);
		assertThat(ExecutionStatus.judge(1, 60, 50)).isEqualTo(ExecutionStatus.HELD);
		assertThat(ExecutionStatus.judge(1, 49, 50)).isEqualTo(ExecutionStatus.PARTLY);
		assertThat(ExecutionStatus.judge(1, 0, 50)).isEqualTo(ExecutionStatus.PARTLY);
		assertThat(ExecutionStatus.judge(0, 0, 50)).isEqualTo(ExecutionStatus.NOT_HELD);
		assertThat(ExecutionStatus.judge(1, 3, null)).isEqualTo(ExecutionStatus.HELD);
		assertThat(ExecutionStatus.judge(0, 0, null)).isEqualTo(ExecutionStatus.NOT_HELD);
	}

	@Test
	void aSchoolPlanWithoutItemsIsNoPlan() {
		assertThat(SchoolPlanState.of(0, 0)).isEqualTo(SchoolPlanState.NO_PLAN);
		assertThat(SchoolPlanState.of(4, 0)).isEqualTo(SchoolPlanState.NOTHING_HELD);
		assertThat(SchoolPlanState.of(4, 1)).isEqualTo(SchoolPlanState.IN_PROGRESS);
		assertThat(SchoolPlanState.of(4, 4)).isEqualTo(SchoolPlanState.ALL_HELD);
	}

	@Test
	void aTaskIsOverdueOnlyWhenItsDeadlinePassedAndItIsNotDone() {
		LocalDate today = LocalDate.of(2026, 11, 22);
		assertThat(TaskStatus.overdue(LocalDate.of(2026, 9, 1), TaskStatus.IN_PROGRESS, today)).isTrue();
		assertThat(TaskStatus.overdue(LocalDate.of(2026, 9, 1), TaskStatus.NOT_STARTED, today)).isTrue();
		assertThat(TaskStatus.overdue(LocalDate.of(2026, 9, 1), TaskStatus.DONE, today)).isFalse();
		assertThat(TaskStatus.overdue(today, TaskStatus.IN_PROGRESS, today)).isFalse();
		assertThat(TaskStatus.overdue(null, TaskStatus.NOT_STARTED, today)).isFalse();
	}

	@Test
	void linkedThingsHaveTheirPages() {
		assertThat(LinkKind.MATERIAL.href(42, null)).isEqualTo("/materials/42");
		assertThat(LinkKind.EVENT.href(7, null)).isEqualTo("/events/7");
		assertThat(LinkKind.PLAN_ITEM.href(3, 2026)).isEqualTo("/plans/2026/items/3");
	}
}
