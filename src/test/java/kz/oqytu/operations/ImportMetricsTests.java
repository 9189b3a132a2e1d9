package kz.oqytu.operations;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationImports;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.testsupport.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Imports are counted for Prometheus: a committed one with its rows once its transaction commits,
 * a refused one as rejected, and one rolled back not at all. Writes 01.01.2027 snapshots and removes them.
 */
@OqytuIntegrationTest
class ImportMetricsTests {

	static final Object[] HEADER = { "Аудан", "Атауы", "Күні", "Мүшелер саны" };

	@Autowired
	OrganizationImports imports;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Users users;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private double count(String name, String... tags) {
		var counter = meters.find(name).tags(tags).counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void committedRejectedAndRolledBackImportsAreCountedAsSuch() {
		CurrentUser methodologist = users.current("methodologist");
		byte[] good = Workbooks.of(HEADER,
				new Object[] { "Ақтөбе қаласы", "Ақтөбе қаласы, №1 мектеп-гимназия", "01.01.2027", 120 },
				new Object[] { "Алға ауданы", "Алға ауданы, №1 орта мектеп", "01.01.2027", 70 });
		byte[] bad = Workbooks.of(HEADER,
				new Object[] { "Алға ауданы", "Жоқ мектеп", "01.01.2027", 40 });
		double committed = count("oqytu.imports", "kind", "membership", "outcome", "committed");
		double rows = count("oqytu.imports.rows", "kind", "membership");
		double rejected = count("oqytu.imports", "kind", "membership", "outcome", "rejected");
		try {
			new TransactionTemplate(transactions).executeWithoutResult(tx -> {
				imports.commitMembership(methodologist, good);
				tx.setRollbackOnly();
			});
			assertThat(count("oqytu.imports", "kind", "membership", "outcome", "committed")).isEqualTo(committed);

			assertThat(imports.commitMembership(methodologist, good)).isEqualTo(2);
			assertThat(count("oqytu.imports", "kind", "membership", "outcome", "committed")).isEqualTo(committed + 1);
			assertThat(count("oqytu.imports.rows", "kind", "membership")).isEqualTo(rows + 2);

			assertThatThrownBy(() -> imports.commitMembership(methodologist, bad)).isInstanceOf(BusinessRuleException.class);
			assertThat(count("oqytu.imports", "kind", "membership", "outcome", "rejected")).isEqualTo(rejected + 1);
		}
		finally {
			jdbc.sql("delete from membership_snapshot where as_of = date '2027-01-01'").update();
			// past the services: the reports' rollups are made again (decision 31)
			jdbc.sql("select reports_rollup_coverage_rebuild(), reports_rollup_monitoring_rebuild()").query((rs, n) -> 1).list();
		}
	}
}
