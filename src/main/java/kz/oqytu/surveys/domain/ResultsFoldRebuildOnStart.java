package kz.oqytu.surveys.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The operators' rebuild command (docs/operations.md) covers the survey results fold too: started with
 * {@code --oqytu.rollups.rebuild=true}, the application makes the fold again from the score rows
 * before it serves (decision 38).
 */
@Component
@ConditionalOnProperty(name = "oqytu.rollups.rebuild", havingValue = "true")
class ResultsFoldRebuildOnStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ResultsFoldRebuildOnStart.class);

	private final ResultsFold fold;

	ResultsFoldRebuildOnStart(ResultsFold fold) {
		this.fold = fold;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		long cells = fold.rebuild();
		log.info("survey results fold rebuilt ({} cells) in {} ms", cells, (System.nanoTime() - started) / 1_000_000);
	}
}
