package kz.oqytu.accounts.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.Role;
import kz.oqytu.shared.BusinessRuleException;

/**
 * The first administrator (issue #18): on a database with no administrator who can sign in,
 * {@code OQYTU_ADMIN_USERNAME} and {@code OQYTU_ADMIN_PASSWORD} (and optionally
 * {@code OQYTU_ADMIN_EMAIL}) create one, scoped to the root of the registry as every administrator.
 * A password that {@link PasswordPolicy} refuses stops the start ({@link AdminBootstrapException});
 * once an administrator exists the variables are ignored. Runs after the demo loader (order 100), so
 * with demo data on the demo administrator counts as the existing one.
 */
@Component
@Order(200)
class AdminBootstrap implements ApplicationRunner, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	/** The registry's root node (V002): the union itself. */
	static final long ROOT_UNIT_ID = 1;

	private final AccountService accounts;

	private final PasswordPolicy policy;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final String username;

	private final String password;

	private final String email;

	AdminBootstrap(AccountService accounts, PasswordPolicy policy, TransactionTemplate transactions, JdbcClient jdbc,
			@Value("${oqytu.admin.username:}") String username, @Value("${oqytu.admin.password:}") String password,
			@Value("${oqytu.admin.email:}") String email) {
		this.accounts = accounts;
		this.policy = policy;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.username = username == null ? "" : username.trim();
		this.password = password == null ? "" : password;
		this.email = email == null ? "" : email.trim();
	}

	/**
	 * Refuses bad variables before the web server starts, so a refused start never logs "Started
	 * OqytuApplication" first (the README tells the administrator to wait for that line).
	 */
	@Override
	public void afterSingletonsInstantiated() {
		boolean given = !username.isEmpty() || !password.isEmpty();
		if (given && !accounts.enabledAdminExists()) {
			validate();
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean given = !username.isEmpty() || !password.isEmpty();
		transactions.executeWithoutResult(status -> {
			// Two instances starting together create one administrator, not two.
			jdbc.sql("select pg_advisory_xact_lock(20261218)").query().singleValue();
			if (accounts.enabledAdminExists()) {
				if (given) {
					log.info("OQYTU_ADMIN_USERNAME and OQYTU_ADMIN_PASSWORD are ignored: an administrator exists "
							+ "(they only create the first one on an empty database). You may remove them.");
				}
				return;
			}
			if (!given) {
				log.warn("No administrator can sign in. Set OQYTU_ADMIN_USERNAME and OQYTU_ADMIN_PASSWORD (and "
						+ "OQYTU_ADMIN_EMAIL) and restart to create the first one (README, \"Accounts\").");
				return;
			}
			create();
		});
	}

	private void create() {
		String normalized = validate();
		try {
			long id = accounts.create(new AccountCommand(normalized, "Administrator", email.isEmpty() ? null : email,
					Role.ADMIN, ROOT_UNIT_ID, password));
			log.info("Created the first administrator '{}' (account {}) from OQYTU_ADMIN_USERNAME. Sign in and "
					+ "invite the others; the variables are ignored from now on.", normalized, id);
		}
		catch (BusinessRuleException ex) {
			throw new AdminBootstrapException("The first administrator '" + normalized + "' could not be created ("
					+ ex.messageKey() + ").", "An account with that username or email exists but is no enabled "
					+ "administrator: choose another OQYTU_ADMIN_USERNAME / OQYTU_ADMIN_EMAIL.");
		}
	}

	/** The variables' problems, as a start-stopping exception; the normalized username when they are fine. */
	private String validate() {
		if (username.isEmpty() || password.isEmpty()) {
			throw new AdminBootstrapException("Only one of OQYTU_ADMIN_USERNAME and OQYTU_ADMIN_PASSWORD is set.",
					"Set both to create the first administrator, or neither.");
		}
		String normalized = AccountService.normalizeUsername(username);
		if (!normalized.matches("[a-z0-9._-]{3,64}")) {
			throw new AdminBootstrapException("OQYTU_ADMIN_USERNAME '" + username + "' is not a valid username.",
					"Use 3 to 64 Latin letters, digits, dots, hyphens or underscores, e.g. 'admin'.");
		}
		policy.problem(password, normalized).ifPresent(problem -> {
			throw new AdminBootstrapException("OQYTU_ADMIN_PASSWORD is too weak to create the first administrator ("
					+ describe(problem) + ").", "Choose a password of " + PasswordPolicy.MIN_LENGTH + " to "
					+ PasswordPolicy.MAX_LENGTH + " characters that is not a common password, a run of keys or "
					+ "a few repeated characters, and does not contain the username; for example four unrelated "
					+ "words. Then start Oqytu again.");
		});
		return normalized;
	}

	private static String describe(String problemKey) {
		return switch (problemKey) {
			case PasswordPolicy.TOO_SHORT_OR_LONG -> "it must be " + PasswordPolicy.MIN_LENGTH + " to "
					+ PasswordPolicy.MAX_LENGTH + " characters long";
			case PasswordPolicy.COMMON -> "it is one of the most common passwords";
			case PasswordPolicy.SIMPLE -> "it is a run of keys or a few repeated characters";
			case PasswordPolicy.CONTAINS_USERNAME -> "it contains the username";
			default -> problemKey;
		};
	}
}
