package kz.oqytu.checkin.domain;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-minute limits on check-in entries per check-in and per device, never per address (a seminar
 * room of 300 shares one Wi-Fi address). Counted in PostgreSQL like the survey's answers (decision
 * 0037), so every instance counts the same posts: one statement counts the device and, only when the
 * device is within its limit, the check-in (a flooding phone does not use up the room's budget). It
 * runs in a statement of its own, before the entry's transaction, so a room's entries hold the
 * check-in's counter row for that statement only.
 */
@Component
class CheckinLimits {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int devicePosts;

	private final int checkinPosts;

	/** The minute this instance last cleared out older counts. */
	private final AtomicLong purged = new AtomicLong(-1);

	CheckinLimits(JdbcClient jdbc, Clock clock, @Value("${oqytu.checkin.device-posts-per-minute:10}") int devicePosts,
			@Value("${oqytu.checkin.posts-per-minute:600}") int checkinPosts) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.devicePosts = devicePosts;
		this.checkinPosts = checkinPosts;
	}

	/** Counts one post of the device to the check-in; false when either is over its limit this minute. */
	boolean allow(long checkinId, String device) {
		long minute = clock.millis() / 60_000;
		boolean purge = purged.getAndSet(minute) != minute;
		return jdbc.sql("""
				with purge as (
				    delete from checkin_submit_count where (kind, subject) in (
				        select kind, subject from checkin_submit_count
				        where cast(:purge as boolean) and minute < :minute and subject <> :device and subject <> :checkin
				        for update skip locked)),
				device as (
				    insert into checkin_submit_count as c (kind, subject, minute, posts)
				    values ('device', :device, :minute, 1)
				    on conflict (kind, subject) do update
				        set posts = case when c.minute = excluded.minute then c.posts + 1 else 1 end, minute = excluded.minute
				    returning posts),
				checkin as (
				    insert into checkin_submit_count as c (kind, subject, minute, posts)
				    select 'checkin', :checkin, :minute, 1 from device where posts <= :devicePosts
				    on conflict (kind, subject) do update
				        set posts = case when c.minute = excluded.minute then c.posts + 1 else 1 end, minute = excluded.minute
				    returning posts)
				select (select posts from device) as device_posts, (select posts from checkin) as checkin_posts
				""")
			.param("purge", purge)
			.param("device", device)
			.param("checkin", Long.toString(checkinId))
			.param("minute", minute)
			.param("devicePosts", devicePosts)
			.query((rs, n) -> {
				int deviceCount = rs.getInt("device_posts");
				int checkinCount = rs.getInt("checkin_posts");
				boolean counted = !rs.wasNull();
				return counted && deviceCount <= devicePosts && checkinCount <= checkinPosts;
			})
			.single();
	}
}
