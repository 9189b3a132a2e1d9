package kz.oqytu.shared.jobs;

import java.lang.management.ManagementFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import java.time.Clock;

/** Nightly housekeeping: uploads left between preview and commit, and old login-throttle rows. */
@Component
public class MaintenanceJobs {

	private static final Logger log = LoggerFactory.getLogger(MaintenanceJobs.class);

	static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

	private final JdbcClient jdbc;

	private final Clock clock;

	MaintenanceJobs(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Scheduled(cron = "${oqytu.jobs.housekeeping-cron:0 17 3 * * *}", zone = "${oqytu.time-zone:Asia/Aqtobe}")
	@SchedulerLock(name = "housekeeping", lockAtLeastFor = "PT1M")
	@Transactional
	public void housekeeping() {
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
		int uploads = jdbc.sql("delete from upload_staging where created_at < :now - interval '1 day'")
			.param("now", now)
			.update();
		int throttles = jdbc.sql("delete from login_throttle where first_failure_at < :now - interval '1 day'"
				+ " and (locked_until is null or locked_until < :now)")
			.param("now", now)
			.update();
		jdbc.sql("insert into job_run (job, instance, detail) values ('housekeeping', :instance, :detail)")
			.param("instance", INSTANCE)
			.param("detail", "uploads=" + uploads + " throttles=" + throttles)
			.update();
		log.info("Housekeeping: {} stale uploads and {} old login-throttle rows removed", uploads, throttles);
	}
}
