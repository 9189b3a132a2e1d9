package kz.oqytu.shared.db;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.organizations.OrganizationCommand;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.PrimaryKind;
import kz.oqytu.testsupport.OqytuIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #21: an entity written through a form gets its created and updated times from Spring Data's
 * auditing, on the union's clock (the {@link Clock} bean, moved by {@code oqytu.clock.start} in the
 * tests), not from the machine's: the row's times lie within the clock's before and after.
 */
@OqytuIntegrationTest
@Transactional
class JpaAuditingTests {

	private static final CurrentUser ADMIN = new CurrentUser(0, "test", "Test", Role.ADMIN, 1, "/1/");

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	jakarta.persistence.EntityManager entities;

	@Test
	void createdAndUpdatedTimesComeFromTheUnionsClock() throws Exception {
		long district = jdbc.sql("select id from org_unit where level = 'COMMITTEE' order by id limit 1").query(Long.class).single();
		Instant before = Instant.now(clock);
		long id = organizations.create(ADMIN, new OrganizationCommand("Аудит мектебі (тест)", "Школа аудита (тест)",
				PrimaryKind.SCHOOL, district, null, null, null, null, true));
		entities.flush();
		Instant after = Instant.now(clock);
		Instant[] created = times(id);
		// a millisecond either side: the database keeps microseconds, rounded
		assertThat(created[0]).isBetween(before.minusMillis(1), after.plusMillis(1));
		assertThat(created[1]).isEqualTo(created[0]);

		int version = jdbc.sql("select version from org_unit where id = :id").param("id", id).query(Integer.class).single();
		organizations.update(ADMIN, id, version, new OrganizationCommand("Аудит мектебі (тест, өзгертілді)",
				"Школа аудита (тест, изменено)", PrimaryKind.SCHOOL, district, null, null, null, null, true));
		entities.flush();
		Instant[] updated = times(id);
		assertThat(updated[0]).as("created stays").isEqualTo(created[0]);
		assertThat(updated[1]).isAfterOrEqualTo(after.minusMillis(1)).isBeforeOrEqualTo(Instant.now(clock).plusMillis(1));
	}

	private Instant[] times(long id) {
		return jdbc.sql("select created_at, updated_at from org_unit where id = :id").param("id", id)
			.query((rs, n) -> new Instant[] { rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant() })
			.single();
	}
}
