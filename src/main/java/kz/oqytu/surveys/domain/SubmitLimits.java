package kz.oqytu.surveys.domain;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.RowMapper;
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
 * within its limit, the survey; it is a statement of its own, apart from the answer's insert (see
 * {@link SurveyAnswers#submit}), so a hall's answers hold the survey's counter row for that
 * statement only; it also reads the survey the answer is for (decision 0041: one round trip). The table
 * is unlogged: a crash loses at most a minute's counts.
 */
@Component
class SubmitLimits {

	private final JdbcClient answers;

	private final JdbcClient application;

	private final SurveyProperties properties;

	private final Clock clock;

	/** The minute this instance last cleared out older counts. */
	private final AtomicLong purged = new AtomicLong(-1);

	@Autowired
	SubmitLimits(@Qualifier(AnswerConnections.ANSWERS) JdbcClient answers,
			JdbcClient application, SurveyProperties properties, Clock clock) {
		this.answers = answers;
		this.application = application;
		this.properties = properties;
		this.clock = clock;
	}

	/** On one pool (the tests'). */
	SubmitLimits(JdbcClient jdbc, SurveyProperties properties, Clock clock) {
		this(jdbc, jdbc, properties, clock);
	}

	/** Counts one post of the device to the survey; false when either is over its limit this minute. */
	boolean allow(long surveyId, UUID device) {
		return allowAndRead(surveyId, device, null, null, (rs, n) -> null).allowed();
	}

	/** The limits' verdict, and the row the caller read in the same statement (null when none). */
	record Counted<T>(boolean allowed, T read) {
	}

	/**
	 * Counts one post of the device to the survey and, in the same statement (one round trip, decision
	 * 0041), runs the caller's read {@code select} (a query of at most one row, parameter {@code :token};
	 * none when null), whose columns follow the two counts ({@code device_posts}, {@code survey_posts}) and
	 * are read by their names.
	 */
	<T> Counted<T> allowAndRead(long surveyId, UUID device, String select, String token, RowMapper<T> mapper) {
		long minute = clock.millis() / 60_000;
		JdbcClient jdbc = AnswerConnections.jdbc(answers, application);
		if (purged.getAndSet(minute) != minute) {
			// Once a minute per instance, a statement of its own clears out the rows of minutes gone by (never
			// waiting for rows another post holds, so it never deadlocks); the count below then has one plan
			// PostgreSQL keeps (decision 0060), where a purge folded into it made every run planned anew.
			jdbc.sql("""
					delete from survey_submit_count where (kind, subject) in (
					    select kind, subject from survey_submit_count where minute < :minute for update skip locked)
					""").param("minute", minute).update();
			// the answers per address and minute that no answer's window reaches any more (decision 0062)
			jdbc.sql("""
					delete from survey_address_minute where (event_survey_id, address_key, minute) in (
					    select event_survey_id, address_key, minute from survey_address_minute where minute < :oldest
					    for update skip locked)
					""").param("oldest", minute - properties.addressWindow().toMinutes() - 2).update();
		}
		String sql = """
				with device as (
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
				select (select posts from device) as device_posts, (select posts from survey) as survey_posts"""
				+ (select == null ? "" : ", r.* from (values (1)) as one (x) left join (" + select + ") as r on true");
		var statement = jdbc.sql(sql)
			.param("device", device.toString())
			.param("survey", Long.toString(surveyId))
			.param("minute", minute)
			.param("devicePosts", properties.devicePostsPerMinute());
		if (select != null) {
			statement = statement.param("token", token);
		}
		return statement.query((rs, n) -> {
			int devicePosts = rs.getInt("device_posts");
			int surveyPosts = rs.getInt("survey_posts");
			boolean counted = !rs.wasNull();
			boolean allowed = counted && devicePosts <= properties.devicePostsPerMinute()
					&& surveyPosts <= properties.answersPerMinute();
			return new Counted<>(allowed, select == null ? null : mapper.mapRow(rs, n));
		}).single();
	}
}
