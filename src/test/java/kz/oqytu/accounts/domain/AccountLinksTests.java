package kz.oqytu.accounts.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.AccountView;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.Role;
import kz.oqytu.accounts.domain.AccountLinks.Purpose;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.testsupport.OqytuModuleTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Invitations and password resets on the real database. The service is built here a second time
 * around the application's own beans, with a clock moved on by hand and a mail box that keeps what
 * would be mailed, so a test can read the token and come back 7 days (or 1 hour) later.
 * The accounts module with what it uses (notifications, shared) and the registry that answers its
 * OrganizationDirectory; the accounts it makes sit in the region the migrations create.
 */
@OqytuModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "organizations", "shared" })
class AccountLinksTests {

	private static final String PASSWORD = "steppe eagle river morning";

	private static final long REGION_ID = 2;

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Autowired
	UserAccountRepository users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	PasswordPolicy policy;

	@Autowired
	AccountSessions sessions;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void accountsStartWithWhatTheyUseAndNotTheRestOfTheApplication() {
		assertThat(kz.oqytu.testsupport.ModuleBeans.modulesOf(context))
			.as("modules whose beans started: %s", kz.oqytu.testsupport.ModuleBeans.names(context))
			.containsExactly("accounts", "notifications", "organizations", "shared");
	}

	final List<String[]> mailed = new ArrayList<>();

	final AccountMail mailBox = new AccountMail() {
		@Override
		public void invitation(long userId, String to, Locale locale, String fullName, String username, String token) {
			mailed.add(new String[] { "invitation", to, username, token });
		}

		@Override
		public void passwordReset(long userId, String to, Locale locale, String fullName, String username, String token) {
			mailed.add(new String[] { "reset", to, username, token });
		}
	};

	AccountLinks at(Duration later) {
		return new AccountLinks(accountService, users, jdbc, Clock.offset(clock, later), passwordEncoder, policy,
				sessions, mailBox);
	}

	<T> T inTx(Supplier<T> work) {
		return tx.execute(status -> work.get());
	}

	void inTx(Runnable work) {
		tx.executeWithoutResult(status -> work.run());
	}

	record Invited(long id, String username, String email, String token) {
	}

	Invited invite() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String username = "invited." + suffix;
		String email = "Invited." + suffix + "@Example.org";
		long id = inTx(() -> at(Duration.ZERO).createAndInvite(
				new AccountCommand(username, "Invited Person", email, Role.METHODOLOGIST, REGION_ID, null)));
		String[] mail = mailed.get(mailed.size() - 1);
		assertThat(mail[0]).isEqualTo("invitation");
		assertThat(mail[1]).isEqualTo(email);
		return new Invited(id, username, email, mail[3]);
	}

	LinkProblem problem(Runnable use) {
		try {
			inTx(use);
		}
		catch (LinkException ex) {
			return ex.problem();
		}
		return null;
	}

	@Test
	void anInvitedAccountHasNoPasswordShowsAsInvitedAndCannotSignIn() {
		Invited invited = invite();
		AccountView view = accounts.find(invited.id()).orElseThrow();
		assertThat(view.status()).isEqualTo(AccountView.Status.INVITED);
		assertThatThrownBy(() -> userDetails.loadUserByUsername(invited.username()))
			.isInstanceOf(UsernameNotFoundException.class);
		// Only the hash is stored, never the token.
		String stored = jdbc.sql("select token_hash from account_link where user_id = :id")
			.param("id", invited.id())
			.query(String.class)
			.single();
		assertThat(stored).isNotEqualTo(invited.token()).isEqualTo(AccountLinks.hash(invited.token()));
	}

	@Test
	void anInvitationWorksForSevenDaysAndNotAMinuteLonger() {
		Invited invited = invite();
		assertThat(inTx(() -> at(Duration.ofDays(7).minusMinutes(1)).check(invited.token(), Purpose.INVITATION))
			.username()).isEqualTo(invited.username());
		assertThat(problem(() -> at(Duration.ofDays(7)).check(invited.token(), Purpose.INVITATION)))
			.isEqualTo(LinkProblem.EXPIRED);
		assertThat(problem(() -> at(Duration.ofDays(7).plusMinutes(1)).use(invited.token(), Purpose.INVITATION, PASSWORD)))
			.isEqualTo(LinkProblem.EXPIRED);
		assertThat(accounts.find(invited.id()).orElseThrow().status()).isEqualTo(AccountView.Status.INVITED);
	}

	@Test
	void anInvitationIsUsedOnceAndSetsThePasswordThePersonChose() {
		Invited invited = invite();
		inTx(() -> at(Duration.ofDays(6)).use(invited.token(), Purpose.INVITATION, PASSWORD));
		assertThat(passwordEncoder.matches(PASSWORD, userDetails.loadUserByUsername(invited.username()).getPassword()))
			.isTrue();
		assertThat(accounts.find(invited.id()).orElseThrow().status()).isEqualTo(AccountView.Status.ACTIVE);
		assertThat(problem(() -> at(Duration.ofDays(6)).use(invited.token(), Purpose.INVITATION, "another good phrase here")))
			.isEqualTo(LinkProblem.USED);
		assertThat(passwordEncoder.matches(PASSWORD, userDetails.loadUserByUsername(invited.username()).getPassword()))
			.isTrue();
	}

	@Test
	void aWeakPasswordIsRefusedAndTheLinkStaysUsable() {
		Invited invited = invite();
		assertThatThrownBy(() -> inTx(() -> at(Duration.ZERO).use(invited.token(), Purpose.INVITATION, "password1234")))
			.isInstanceOf(BusinessRuleException.class);
		assertThat(inTx(() -> at(Duration.ZERO).check(invited.token(), Purpose.INVITATION)).userId()).isEqualTo(invited.id());
	}

	@Test
	void aResentInvitationKillsTheOldLink() {
		Invited invited = invite();
		inTx(() -> at(Duration.ofDays(1)).resendInvitation(invited.id()));
		String newToken = mailed.get(mailed.size() - 1)[3];
		assertThat(newToken).isNotEqualTo(invited.token());
		assertThat(problem(() -> at(Duration.ofDays(1)).check(invited.token(), Purpose.INVITATION)))
			.isEqualTo(LinkProblem.REVOKED);
		// The new link counts its 7 days from the resend.
		inTx(() -> at(Duration.ofDays(7).plusHours(1)).use(newToken, Purpose.INVITATION, PASSWORD));
		assertThat(accounts.find(invited.id()).orElseThrow().status()).isEqualTo(AccountView.Status.ACTIVE);
	}

	@Test
	void aRevokedInvitationDisablesTheAccountAndItsLink() {
		Invited invited = invite();
		inTx(() -> at(Duration.ZERO).revokeInvitation(invited.id()));
		assertThat(problem(() -> at(Duration.ZERO).check(invited.token(), Purpose.INVITATION)))
			.isEqualTo(LinkProblem.REVOKED);
		assertThat(accounts.find(invited.id()).orElseThrow().status()).isEqualTo(AccountView.Status.DISABLED);
		assertThat(problem(() -> at(Duration.ZERO).check("x".repeat(43), Purpose.INVITATION)))
			.isEqualTo(LinkProblem.UNKNOWN);
		assertThat(problem(() -> at(Duration.ZERO).check("short", Purpose.INVITATION))).isEqualTo(LinkProblem.UNKNOWN);
	}

	@Test
	void emailsAreUniqueWhateverTheirCase() {
		Invited invited = invite();
		assertThatThrownBy(() -> inTx(() -> at(Duration.ZERO).createAndInvite(new AccountCommand(
				"other." + invited.id(), "Other", invited.email().toUpperCase(Locale.ROOT), Role.METHODOLOGIST, REGION_ID, null))))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("accounts.error.emailTaken"));
	}

	@Test
	void aResetIsMailedOnlyForAKnownAddressAndWorksOnceWithinTheHour() {
		Invited invited = invite();
		inTx(() -> at(Duration.ZERO).use(invited.token(), Purpose.INVITATION, PASSWORD));
		int before = mailed.size();
		String address = "10.0.0." + (invited.id() % 200);
		inTx(() -> at(Duration.ZERO).requestReset("nobody." + invited.id() + "@example.org", address));
		assertThat(mailed).hasSize(before);

		inTx(() -> at(Duration.ZERO).requestReset(invited.email().toLowerCase(Locale.ROOT), address));
		assertThat(mailed).hasSize(before + 1);
		String first = mailed.get(before)[3];
		assertThat(problem(() -> at(Duration.ofHours(1)).check(first, Purpose.RESET))).isEqualTo(LinkProblem.EXPIRED);
		// An invitation link is no reset link, and the other way round.
		assertThat(problem(() -> at(Duration.ZERO).check(first, Purpose.INVITATION))).isEqualTo(LinkProblem.UNKNOWN);

		String newPassword = "a brand new phrase for oqytu";
		inTx(() -> at(Duration.ofMinutes(59)).use(first, Purpose.RESET, newPassword));
		assertThat(passwordEncoder.matches(newPassword, userDetails.loadUserByUsername(invited.username()).getPassword()))
			.isTrue();
		assertThat(problem(() -> at(Duration.ofMinutes(59)).use(first, Purpose.RESET, "yet another phrase, longer")))
			.isEqualTo(LinkProblem.USED);
	}

	@Test
	void resetsAreLimitedPerAccountAndPerAddress() {
		Invited invited = invite();
		inTx(() -> at(Duration.ZERO).use(invited.token(), Purpose.INVITATION, PASSWORD));
		int before = mailed.size();
		String address = "192.0.2." + (invited.id() % 250);
		for (int i = 0; i < 5; i++) {
			inTx(() -> at(Duration.ZERO).requestReset(invited.email(), address));
		}
		assertThat(mailed).hasSize(before + AccountLinks.RESETS_PER_ACCOUNT_PER_HOUR);

		String busy = "198.51.100." + (invited.id() % 250);
		for (int i = 0; i < AccountLinks.RESETS_PER_ADDRESS_PER_HOUR; i++) {
			inTx(() -> at(Duration.ofHours(2)).requestReset("nobody@example.org", busy));
		}
		int afterFlood = mailed.size();
		inTx(() -> at(Duration.ofHours(2)).requestReset(invited.email(), busy));
		assertThat(mailed).hasSize(afterFlood);
		inTx(() -> at(Duration.ofHours(2)).requestReset(invited.email(), "203.0.113.9"));
		assertThat(mailed).hasSize(afterFlood + 1);
	}
}
