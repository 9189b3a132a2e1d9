package kz.oqytu.accounts.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.NotFoundException;

/**
 * Single-use links for people to choose their own password: an invitation (valid 7 days) for an
 * account made without a password, and a reset (valid 1 hour) from "forgot password". Only the
 * SHA-256 of a link's token is stored ({@code account_link}, V171); the token is in the mail alone.
 * A newer link, an accepted link or a revoke ends the others (decision 0024).
 */
@Service
public class AccountLinks {

	private static final Logger log = LoggerFactory.getLogger(AccountLinks.class);

	public static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

	public static final Duration RESET_LIFETIME = Duration.ofHours(1);

	/** Reset mails per account per hour: more requests are answered the same way and send nothing. */
	static final int RESETS_PER_ACCOUNT_PER_HOUR = 3;

	/** "Forgot password" requests per client address per hour. */
	static final int RESETS_PER_ADDRESS_PER_HOUR = 10;

	/** What a link is for. */
	public enum Purpose {
		INVITATION, RESET
	}

	/** Whose link it is, for the page that uses it. */
	public record LinkTarget(long userId, String username, String fullName) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountService accounts;

	private final UserAccountRepository users;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final AccountSessions sessions;

	private final AccountMail mail;

	AccountLinks(AccountService accounts, UserAccountRepository users, JdbcClient jdbc, Clock clock,
			PasswordEncoder passwordEncoder, PasswordPolicy policy, AccountSessions sessions, AccountMail mail) {
		this.accounts = accounts;
		this.users = users;
		this.jdbc = jdbc;
		this.clock = clock;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.sessions = sessions;
		this.mail = mail;
	}

	/** Creates an account without a password and mails its invitation, in one transaction. */
	@Transactional
	public long createAndInvite(AccountCommand command) {
		if (command.email() == null || command.email().isBlank()) {
			throw new BusinessRuleException("email", "accounts.error.emailRequiredForInvitation");
		}
		long id = accounts.createInvited(command);
		invite(id);
		return id;
	}

	/**
	 * Sends a new invitation to an account that has not chosen a password yet; earlier invitation
	 * links stop working. A revoked (disabled) invitation is enabled again.
	 */
	@Transactional
	public void resendInvitation(long userId) {
		UserAccount account = users.findById(userId).orElseThrow(() -> new NotFoundException("account " + userId));
		if (!account.isInvited()) {
			throw new BusinessRuleException("accounts.error.alreadyAccepted");
		}
		account.setEnabled(true);
		invite(userId);
	}

	/** Withdraws an unaccepted invitation: its links stop working and the account is disabled. */
	@Transactional
	public void revokeInvitation(long userId) {
		UserAccount account = users.findById(userId).orElseThrow(() -> new NotFoundException("account " + userId));
		if (!account.isInvited()) {
			throw new BusinessRuleException("accounts.error.alreadyAccepted");
		}
		revokeAll(userId, now());
		account.setEnabled(false);
	}

	/** Whose link this is, or why it cannot be used. */
	@Transactional(readOnly = true)
	public LinkTarget check(String token, Purpose purpose) {
		Link link = find(token, purpose).orElseThrow(() -> new LinkException(LinkProblem.UNKNOWN));
		link.refuseIfUnusable(now());
		UserAccount account = users.findById(link.userId()).orElseThrow(() -> new LinkException(LinkProblem.UNKNOWN));
		if (!account.isEnabled()) {
			throw new LinkException(LinkProblem.REVOKED);
		}
		return new LinkTarget(account.getId(), account.getUsername(), account.getFullName());
	}

	/**
	 * Uses the link once: the person's chosen password (held to {@link PasswordPolicy}) becomes the
	 * account's, every other link of the account ends, and so does every session of the account.
	 */
	@Transactional
	public LinkTarget use(String token, Purpose purpose, String newPassword) {
		LinkTarget target = check(token, purpose);
		policy.problem(newPassword, target.username()).ifPresent(key -> {
			throw new BusinessRuleException("newPassword", key);
		});
		OffsetDateTime now = now();
		int used = jdbc.sql("""
				UPDATE account_link SET used_at = :now
				 WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND revoked_at IS NULL""")
			.param("now", now)
			.param("hash", hash(token))
			.param("purpose", purpose.name())
			.update();
		if (used != 1) {
			// Someone used it a moment ago, in another request.
			throw new LinkException(LinkProblem.USED);
		}
		revokeAll(target.userId(), now);
		UserAccount account = users.findById(target.userId()).orElseThrow();
		account.setPasswordHash(passwordEncoder.encode(newPassword));
		sessions.endAll(account.getUsername(), SessionEndReason.PASSWORD);
		return target;
	}

	/**
	 * "Forgot password": mails a reset link to the enabled account with this address, if there is one.
	 * It returns the same way whether or not there is, and sends nothing beyond the hourly limits per
	 * account and per client address.
	 */
	@Transactional
	public void requestReset(String email, String clientAddress) {
		OffsetDateTime now = now();
		String address = clientAddress == null || clientAddress.isBlank() ? "unknown"
				: clientAddress.substring(0, Math.min(64, clientAddress.length()));
		jdbc.sql("DELETE FROM account_reset_request WHERE requested_at < :cutoff")
			.param("cutoff", now.minusHours(1))
			.update();
		jdbc.sql("INSERT INTO account_reset_request (client_address, requested_at) VALUES (:address, :now)")
			.param("address", address)
			.param("now", now)
			.update();
		int fromAddress = jdbc.sql("SELECT count(*) FROM account_reset_request WHERE client_address = :address")
			.param("address", address)
			.query(Integer.class)
			.single();
		if (fromAddress > RESETS_PER_ADDRESS_PER_HOUR) {
			log.info("Password reset requests from {} over the hourly limit; nothing sent", address);
			return;
		}
		if (email == null || email.isBlank() || email.length() > 200) {
			return;
		}
		Optional<UserAccount> found = users.findByEmailIgnoreCase(email.trim());
		if (found.isEmpty() || !found.get().isEnabled()) {
			return;
		}
		UserAccount account = found.get();
		int recent = jdbc.sql("""
				SELECT count(*) FROM account_link
				 WHERE user_id = :user AND purpose = 'RESET' AND created_at > :since""")
			.param("user", account.getId())
			.param("since", now.minusHours(1))
			.query(Integer.class)
			.single();
		if (recent >= RESETS_PER_ACCOUNT_PER_HOUR) {
			log.info("Password reset requests for account {} over the hourly limit; nothing sent", account.getId());
			return;
		}
		String token = issue(account.getId(), Purpose.RESET, RESET_LIFETIME, now);
		mail.passwordReset(account.getId(), account.getEmail(), LocaleContextHolder.getLocale(), account.getFullName(),
				account.getUsername(), token);
	}

	private void invite(long userId) {
		UserAccount account = users.findById(userId).orElseThrow(() -> new NotFoundException("account " + userId));
		if (account.getEmail() == null) {
			throw new BusinessRuleException("email", "accounts.error.emailRequiredForInvitation");
		}
		OffsetDateTime now = now();
		revokeAll(userId, now);
		String token = issue(userId, Purpose.INVITATION, INVITATION_LIFETIME, now);
		mail.invitation(userId, account.getEmail(), LocaleContextHolder.getLocale(), account.getFullName(),
				account.getUsername(), token);
	}

	private String issue(long userId, Purpose purpose, Duration lifetime, OffsetDateTime now) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				INSERT INTO account_link (user_id, purpose, token_hash, created_at, expires_at)
				VALUES (:user, :purpose, :hash, :now, :expires)""")
			.param("user", userId)
			.param("purpose", purpose.name())
			.param("hash", hash(token))
			.param("now", now)
			.param("expires", now.plus(lifetime))
			.update();
		return token;
	}

	private void revokeAll(long userId, OffsetDateTime now) {
		jdbc.sql("UPDATE account_link SET revoked_at = :now WHERE user_id = :user AND used_at IS NULL AND revoked_at IS NULL")
			.param("now", now)
			.param("user", userId)
			.update();
	}

	private Optional<Link> find(String token, Purpose purpose) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT user_id, expires_at, used_at, revoked_at FROM account_link
				 WHERE token_hash = :hash AND purpose = :purpose""")
			.param("hash", hash(token))
			.param("purpose", purpose.name())
			.query((rs, n) -> new Link(rs.getLong("user_id"), rs.getObject("expires_at", OffsetDateTime.class),
					rs.getObject("used_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class)))
			.optional();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Link(long userId, OffsetDateTime expiresAt, OffsetDateTime usedAt, OffsetDateTime revokedAt) {

		void refuseIfUnusable(OffsetDateTime now) {
			if (usedAt != null) {
				throw new LinkException(LinkProblem.USED);
			}
			if (revokedAt != null) {
				throw new LinkException(LinkProblem.REVOKED);
			}
			if (!now.isBefore(expiresAt)) {
				throw new LinkException(LinkProblem.EXPIRED);
			}
		}
	}

}
