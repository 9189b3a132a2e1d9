package kz.oqytu.plans;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan rules on their own: an item's execution status. */
class PlanRulesTests {

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
}
