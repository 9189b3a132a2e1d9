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

/**
 * Nightly housekeeping: uploads left between preview and commit (shared's own table), then each
 * module's {@link Housekeeping} (accounts: old login-throttle rows), each on its own tables.
 */
@Component
public class MaintenanceJobs {

	private static final Logger log = LoggerFactory.getLogger(MaintenanceJobs.class);

	static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final java.util.List<Housekeeping> modules;

	MaintenanceJobs(JdbcClient jdbc, Clock clock, java.util.List<Housekeeping> modules) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.modules = modules;
	}

	@Scheduled(cron = "${oqytu.jobs.housekeeping-cron:0 17 3 * * *}", zone = "${oqytu.time-zone:Asia/Aqtobe}")
	@SchedulerLock(name = "housekeeping", lockAtLeastFor = "PT1M")
	@Transactional
	public void housekeeping() {
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
		int uploads = jdbc.sql("delete from upload_staging where created_at < :now - interval '1 day'")
			.param("now", now)
			.update();
		StringBuilder detail = new StringBuilder("uploads=" + uploads);
		for (Housekeeping module : modules) {
			detail.append(' ').append(module.name()).append('=').append(module.purge(now));
		}
		jdbc.sql("insert into job_run (job, instance, detail) values ('housekeeping', :instance, :detail)")
			.param("instance", INSTANCE)
			.param("detail", detail.toString())
			.update();
		log.info("Housekeeping: {}", detail);
	}
}
