package kz.oqytu.surveys.domain;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-survey and per-device limits on answers, counted per minute, never per address (a seminar room
 * shares one). Sized so that a real hall never meets them: the survey's limit is twice the largest
 * hall answering within one minute.
 *
 * <p>The counts are rows of {@code survey_submit_count} in PostgreSQL, so that every instance behind
 * the load balancer counts the same posts (decision 0037): with counters in each instance's memory,
 * two instances would take twice the limit. One statement counts the device and, when the device is
 * within its limit, the survey; it runs outside the answer's transaction (see
 * {@link EventSurveyService#submit}), so a hall's answers hold the survey's counter row for that
 * statement only. The table is unlogged: a crash loses at most a minute's counts.
 */
@Component
class SubmitLimits {

	private final JdbcClient jdbc;

	private final SurveyProperties properties;

	private final Clock clock;

	/** The minute this instance last cleared out older counts. */
	private final AtomicLong purged = new AtomicLong(-1);

	SubmitLimits(JdbcClient jdbc, SurveyProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** Counts one post of the device to the survey; false when either is over its limit this minute. */
	boolean allow(long surveyId, UUID device) {
		long minute = clock.millis() / 60_000;
		// Once a minute per instance the same statement also clears out the rows of minutes gone by (not
		// the two it counts, nor rows another post holds: it never waits, so it never deadlocks).
		boolean purge = purged.getAndSet(minute) != minute;
		Map<String, Object> counts = jdbc.sql("""
				with purge as (
				    delete from survey_submit_count where (kind, subject) in (
				        select kind, subject from survey_submit_count
				        where cast(:purge as boolean) and minute < :minute and subject <> :device and subject <> :survey
				        for update skip locked)),
				device as (
				    insert into survey_submit_count as c (kind, subject, minute, posts)
				    values ('device', :device, :minute, 1)
				    on conflict (kind, subject) do update
				        set posts = case when c.minute = excluded.minute then c.posts + 1 else 1 end, minute = excluded.minute
				    returning posts),
				survey as (
				    insert into survey_submit_count as c (kind, subject, minute, posts)
				    select 'survey', :survey, :minute, 1 from device where posts <= :devicePosts
				    on conflict (kind, subject) do update
				        set posts = case when c.minute = excluded.minute then c.posts + 1 else 1 end, minute = excluded.minute
				    returning posts)
				select (select posts from device) as device_posts, (select posts from survey) as survey_posts""")
			.param("purge", purge)
			.param("device", device.toString())
			.param("survey", Long.toString(surveyId))
			.param("minute", minute)
			.param("devicePosts", properties.devicePostsPerMinute())
			.query()
			.singleRow();
		Number surveyPosts = (Number) counts.get("survey_posts");
		return surveyPosts != null && ((Number) counts.get("device_posts")).intValue() <= properties.devicePostsPerMinute()
				&& surveyPosts.intValue() <= properties.answersPerMinute();
	}
}
