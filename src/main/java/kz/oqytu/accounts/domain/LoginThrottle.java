package kz.oqytu.accounts.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.domain.LoginLimits.Count;
import kz.oqytu.accounts.domain.LoginLimits.Decision;

/**
 * Slows password guessing per account name and per client address ({@link LoginLimits}), in
 * PostgreSQL so every instance agrees. A try is counted under the rows' locks <em>before</em> its
 * password is checked ({@link #claim}), so forty guesses sent at once are counted one after another
 * and only the allowed few are ever checked; a successful sign-in gives the try back
 * ({@link #succeeded}). Unknown names are counted exactly like known ones.
 *
 * <p>Each claim runs in a transaction of its own, so a caller's rollback never undoes a count. The
 * address row is always locked before the name's row, so two claims never wait on each other in a
 * circle.
 */
@Component
public class LoginThrottle {

	private static final String ACCOUNT = "account";

	private static final String ADDRESS = "address";

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts one try at {@code username} from {@code address}. Empty: check the password now.
	 * Otherwise the instant before which no try of this name, or from this address, is checked.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<Instant> claim(String username, String address) {
		Instant now = clock.instant();
		String addressKey = addressKey(address);
		String accountKey = accountKey(username);
		Decision byAddress = LoginLimits.addressTry(lock(ADDRESS, addressKey), now);
		if (!byAddress.admitted()) {
			return Optional.of(byAddress.refusedUntil());
		}
		Decision byAccount = LoginLimits.accountTry(lock(ACCOUNT, accountKey), now);
		if (!byAccount.admitted()) {
			// Nothing is checked, so nothing is counted against the address either.
			return Optional.of(byAccount.refusedUntil());
		}
		save(ADDRESS, addressKey, byAddress.next());
		save(ACCOUNT, accountKey, byAccount.next());
		return Optional.empty();
	}

	/** The password was right: the name starts afresh and the address gets its try back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String username, String address) {
		String addressKey = addressKey(address);
		find(ADDRESS, addressKey).ifPresent(count -> save(ADDRESS, addressKey, LoginLimits.addressRefund(count)));
		jdbc.sql("delete from login_throttle where kind = :kind and subject = :subject")
			.param("kind", ACCOUNT)
			.param("subject", accountKey(username))
			.update();
	}

	/** The row of one name or address, created when missing, locked until the transaction ends. */
	private Count lock(String kind, String subject) {
		jdbc.sql("""
				insert into login_throttle (kind, subject, failures, first_failure_at) values (:kind, :subject, 0, :epoch)
				on conflict (kind, subject) do nothing""")
			.param("kind", kind)
			.param("subject", subject)
			.param("epoch", OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC))
			.update();
		return find(kind, subject).orElseThrow();
	}

	private Optional<Count> find(String kind, String subject) {
		return jdbc.sql("""
				select failures, first_failure_at, locked_until from login_throttle
				where kind = :kind and subject = :subject for update""")
			.param("kind", kind)
			.param("subject", subject)
			.query((rs, row) -> new Count(rs.getInt("failures"),
					rs.getObject("first_failure_at", OffsetDateTime.class).toInstant(),
					Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.orElse(null)))
			.optional();
	}

	private void save(String kind, String subject, Count count) {
		jdbc.sql("""
				update login_throttle set failures = :tries, first_failure_at = :windowStart, locked_until = :notBefore
				where kind = :kind and subject = :subject""")
			.param("tries", count.tries())
			.param("windowStart", OffsetDateTime.ofInstant(count.windowStart(), ZoneOffset.UTC))
			.param("notBefore", count.notBefore() == null ? null : OffsetDateTime.ofInstant(count.notBefore(), ZoneOffset.UTC))
			.param("kind", kind)
			.param("subject", subject)
			.update();
	}

	static String accountKey(String username) {
		String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		return u.length() > 64 ? u.substring(0, 64) : u;
	}

	/**
	 * An IPv4 address as it is; an IPv6 address by its /64 network, since one subscriber usually
	 * holds a whole /64 and could otherwise take a fresh address for every guess.
	 */
	static String addressKey(String address) {
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		String a = address.trim();
		if (a.indexOf(':') < 0) {
			return a.length() > 64 ? a.substring(0, 64) : a;
		}
		try {
			// A literal address: parsed, never looked up.
			byte[] bytes = InetAddress.getByName(a.startsWith("[") ? a.substring(1, a.length() - 1) : a).getAddress();
			if (bytes.length != 16) {
				return InetAddress.getByAddress(bytes).getHostAddress();
			}
			byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
			return InetAddress.getByAddress(network).getHostAddress() + "/64";
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			return a.length() > 64 ? a.substring(0, 64) : a;
		}
	}
}
