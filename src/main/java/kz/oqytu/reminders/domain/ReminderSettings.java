package kz.oqytu.reminders.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.reminders.ReminderKind;

/** The administrator's switches per kind, and each person's mail language and opt-outs. */
@Service
public class ReminderSettings {

	public static final List<String> LANGUAGES = List.of("kk", "ru", "en");

	private final JdbcClient jdbc;

	private final Clock clock;

	ReminderSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A person's mail settings: their language and the kinds they do not want. */
	public record Preferences(String language, Set<ReminderKind> optedOut) {

		public boolean wants(ReminderKind kind) {
			return !optedOut.contains(kind);
		}
	}

	@Transactional(readOnly = true)
	public Map<ReminderKind, Boolean> switches() {
		Map<ReminderKind, Boolean> on = new EnumMap<>(ReminderKind.class);
		for (ReminderKind kind : ReminderKind.values()) {
			on.put(kind, true);
		}
		jdbc.sql("select kind, enabled from reminder_setting").query()
			.listOfRows().forEach(r -> on.put(ReminderKind.valueOf((String) r.get("kind")), (Boolean) r.get("enabled")));
		return on;
	}

	@Transactional
	public void setSwitches(Set<ReminderKind> enabled, String by) {
		for (ReminderKind kind : ReminderKind.values()) {
			jdbc.sql("""
					insert into reminder_setting (kind, enabled, updated_at, updated_by) values (:kind, :on, :now, :by)
					on conflict (kind) do update set enabled = excluded.enabled, updated_at = excluded.updated_at,
					    updated_by = excluded.updated_by""")
				.param("kind", kind.name())
				.param("on", enabled.contains(kind))
				.param("now", OffsetDateTime.now(clock))
				.param("by", by)
				.update();
		}
	}

	@Transactional(readOnly = true)
	public Preferences preferences(long userId) {
		String language = jdbc.sql("select language from mail_preference where user_id = :u").param("u", userId)
			.query(String.class).optional().orElse("kk");
		Set<ReminderKind> out = EnumSet.noneOf(ReminderKind.class);
		jdbc.sql("select kind from reminder_opt_out where user_id = :u").param("u", userId).query(String.class).list()
			.forEach(k -> out.add(ReminderKind.valueOf(k)));
		return new Preferences(language, out);
	}

	@Transactional
	public void savePreferences(long userId, String language, Set<ReminderKind> optedOut) {
		if (!LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("language " + language);
		}
		jdbc.sql("""
				insert into mail_preference (user_id, language, updated_at) values (:u, :lang, :now)
				on conflict (user_id) do update set language = excluded.language, updated_at = excluded.updated_at""")
			.param("u", userId).param("lang", language).param("now", OffsetDateTime.now(clock)).update();
		jdbc.sql("delete from reminder_opt_out where user_id = :u").param("u", userId).update();
		for (ReminderKind kind : optedOut) {
			jdbc.sql("insert into reminder_opt_out (user_id, kind) values (:u, :k)")
				.param("u", userId).param("k", kind.name()).update();
		}
	}

	/** Every stored language by user id (the rest write in Kazakh). */
	@Transactional(readOnly = true)
	public Map<Long, Locale> languages() {
		Map<Long, Locale> languages = new HashMap<>();
		jdbc.sql("select user_id, language from mail_preference").query()
			.listOfRows().forEach(r -> languages.put(((Number) r.get("user_id")).longValue(),
					Locale.forLanguageTag((String) r.get("language"))));
		return languages;
	}

	/** The users who opted out of a kind. */
	@Transactional(readOnly = true)
	public Set<Long> optedOut(ReminderKind kind) {
		return new HashSet<>(jdbc.sql("select user_id from reminder_opt_out where kind = :k").param("k", kind.name())
			.query(Long.class).list());
	}
}
