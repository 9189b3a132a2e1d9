package kz.oqytu.reports.domain;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The operators' rebuild command (docs/operations.md): start the application once with
 * {@code --oqytu.rollups.rebuild=true} and every rollup is made again from the events before it
 * serves (after a restore, or after data was written past the services).
 */
@Component
@ConditionalOnProperty(name = "oqytu.rollups.rebuild", havingValue = "true")
class RollupRebuildOnStart implements ApplicationRunner {

	private final RollupRefresher refresher;

	RollupRebuildOnStart(RollupRefresher refresher) {
		this.refresher = refresher;
	}

	@Override
	public void run(ApplicationArguments args) {
		refresher.rebuild();
	}
}
