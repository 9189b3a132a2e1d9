package kz.oqytu.accounts.domain;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import kz.oqytu.accounts.AccountView;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCommand;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.PrimaryKind;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.imports.ImportPreview;
import kz.oqytu.shared.imports.ImportRow;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.testsupport.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Chair accounts in bulk, on the real database: a list whose names are written as people write them
 * is previewed with its row errors, writes nothing while one is left, and then invites every chair
 * at once; the registry's chairs with an email are invited from the registry.
 */
@OqytuIntegrationTest
class ChairInvitationsTests {

	@Autowired
	ChairInvitations chairs;

	@Autowired
	Organizations organizations;

	@Autowired
	Accounts accounts;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	int accountsWithEmail(String email) {
		return jdbc.sql("select count(*) from app_user where lower(email) = lower(:e)").param("e", email)
			.query(Integer.class).single();
	}

	@Test
	void aListIsPreviewedWithRowErrorsAndCommittedAllOrNothing() {
		CurrentUser admin = users.current("admin");
		String s = UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
		long a = organizations.create(admin, new OrganizationCommand("Бәйтерек" + s + " мектебі", "Школа Байтерек" + s,
				PrimaryKind.SCHOOL, 4, null, null, null, null, true));
		long b = organizations.create(admin, new OrganizationCommand("Шұғыла" + s + " бөбекжайы", "Ясли-сад Шугыла" + s,
				PrimaryKind.KINDERGARTEN, 4, null, null, null, null, true));
		String emailA = "bulk.a." + s + "@example.org";
		String emailB = "bulk.b." + s + "@example.org";
		Object[] header = { "Ұйым", "Төрағаның аты-жөні", "Email", "Телефон" };

		byte[] withErrors = Workbooks.of(header,
				new Object[] { "«Байтерек" + s + "» СШ", "Аманова Айгүл", emailA, "+7 701 000 00 01" },
				new Object[] { "Ясли сад Шугыла" + s, "", "not-an-address", "" },
				new Object[] { "Мектеп жоқ " + s + " атауы", "Бекова Сәуле", "bulk.c." + s + "@example.org", "" });
		ImportPreview<ChairInvitations.ChairRow> preview = chairs.preview(admin, withErrors);
		assertThat(preview.valid()).isFalse();
		assertThat(preview.invalidRows()).extracting(ImportRow::rowNumber).containsExactly(3, 4);
		assertThat(preview.invalidRows().get(0).errors()).extracting(e -> e.messageKey())
			.containsExactly("accounts.chairs.error.nameMissing", "accounts.chairs.error.emailInvalid");
		assertThatThrownBy(() -> chairs.commit(admin, withErrors)).isInstanceOf(BusinessRuleException.class);
		assertThat(accountsWithEmail(emailA)).as("nothing written while a row has an error").isZero();

		byte[] fixed = Workbooks.of(header,
				new Object[] { "«Байтерек" + s + "» СШ", "Аманова Айгүл", emailA, "+7 701 000 00 01" },
				new Object[] { "Ясли сад Шугыла" + s, "Бекова Сәуле", emailB, "" });
		ImportPreview<ChairInvitations.ChairRow> ready = chairs.preview(admin, fixed);
		assertThat(ready.valid()).isTrue();
		// The preview names the registry organization (and its district) each spelling was matched to.
		String district = jdbc.sql("select name_ru from org_unit where id = 4").query(String.class).single();
		assertThat(chairs.matches(ready, java.util.Locale.forLanguageTag("ru")))
			.containsExactly(java.util.Map.entry(2, "Школа Байтерек" + s + " — " + district),
					java.util.Map.entry(3, "Ясли-сад Шугыла" + s + " — " + district));
		assertThat(chairs.commit(admin, fixed)).isEqualTo(2);
		AccountView chairA = accounts.list().stream().filter(v -> emailA.equals(v.email())).findFirst().orElseThrow();
		assertThat(chairA.scopeUnitId()).isEqualTo(a);
		assertThat(chairA.status()).isEqualTo(AccountView.Status.INVITED);
		assertThat(chairA.username()).isEqualTo("bulk.a." + s);
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient in (:a, :b) and kind = 'invitation'")
			.param("a", emailA).param("b", emailB).query(Integer.class).single()).isEqualTo(2);

		// The same list again: both organizations have their chair now.
		assertThat(chairs.preview(admin, fixed).invalidRows()).hasSize(2)
			.allSatisfy(r -> assertThat(r.errors()).extracting(e -> e.messageKey()).contains("accounts.chairs.error.hasChair"));
		assertThat(accounts.list().stream().filter(v -> v.scopeUnitId() == b).count()).isEqualTo(1);
	}

	@Test
	void theRegistrysChairsWithAnEmailAreInvited() {
		CurrentUser admin = users.current("admin");
		String s = UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
		String email = "registry." + s + "@example.org";
		long withEmail = organizations.create(admin, new OrganizationCommand("Нұр" + s + " колледжі", "Колледж Нур" + s,
				PrimaryKind.COLLEGE, 5, null, "Сейтова Гүлмира", "+7 702 000 00 02", email, true));
		long withoutEmail = organizations.create(admin, new OrganizationCommand("Ай" + s + " колледжі", "Колледж Ай" + s,
				PrimaryKind.COLLEGE, 5, null, "Жұмабаева Әсел", null, null, true));
		var candidates = chairs.registryCandidates(admin);
		assertThat(candidates).anySatisfy(c -> {
			assertThat(c.organization().id()).isEqualTo(withEmail);
			assertThat(c.invitable()).isTrue();
		});
		assertThat(candidates).anySatisfy(c -> {
			assertThat(c.organization().id()).isEqualTo(withoutEmail);
			assertThat(c.problem()).isEqualTo("accounts.chairs.error.emailMissing");
		});
		assertThat(chairs.inviteFromRegistry(admin)).isGreaterThanOrEqualTo(1);
		assertThat(accountsWithEmail(email)).isEqualTo(1);
		assertThat(chairs.registryCandidates(admin)).noneMatch(c -> c.organization().id() == withEmail);
	}
}
