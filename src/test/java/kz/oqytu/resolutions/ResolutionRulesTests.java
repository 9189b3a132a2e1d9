package kz.oqytu.resolutions;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The resolution rules on their own: overdue tasks, the pages of what carries a task out. */
class ResolutionRulesTests {

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
