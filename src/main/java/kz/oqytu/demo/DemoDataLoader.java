package kz.oqytu.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.organizations.OrganizationCommand;
import kz.oqytu.organizations.Organizations;

/**
 * Loads the demo data on start when {@code oqytu.demo-data} is on and the registry is empty.
 * Everything goes through the modules' services, in one transaction, so a failed load leaves the
 * database empty and the next start tries again. A database advisory lock keeps two instances
 * starting together from loading twice.
 */
@Component
@Order(100)
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	static final long REGION_ID = 2;

	/** The loader acts as a national administrator. */
	static final CurrentUser SYSTEM = new CurrentUser(0, "demo-loader", "Demo", Role.ADMIN, 1, "/1/");

	private final DemoProperties properties;

	private final Organizations organizations;

	private final Accounts accounts;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final DemoEvents events;

	private final DemoBudgets budgets;

	private final DemoSurveys surveys;

	private final DemoInterviews interviews;

	private final DemoMaterials materials;

	private final DemoPlanning planning;

	DemoDataLoader(DemoProperties properties, Organizations organizations, Accounts accounts,
			TransactionTemplate transactions, JdbcClient jdbc, DemoEvents events, DemoBudgets budgets,
			DemoSurveys surveys, DemoInterviews interviews, DemoMaterials materials, DemoPlanning planning) {
		this.materials = materials;
		this.planning = planning;
		this.surveys = surveys;
		this.interviews = interviews;
		this.properties = properties;
		this.organizations = organizations;
		this.accounts = accounts;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.events = events;
		this.budgets = budgets;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demoData()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(20260220)").query().singleValue();
			if (!organizations.registryEmpty() || accounts.anyExist()) {
				return;
			}
			long started = System.nanoTime();
			long chairOrganization = loadRegistry();
			loadAccounts(chairOrganization);
			events.load(SYSTEM);
			budgets.load(chairOrganization);
			surveys.load(SYSTEM, chairOrganization);
			materials.load(SYSTEM, chairOrganization);
			planning.load(SYSTEM, chairOrganization);
			interviews.load(SYSTEM);
			log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
		});
	}

	private long loadRegistry() {
		long chairOrganization = -1;
		List<DemoRegistry.Organization> list = DemoRegistry.organizations();
		for (DemoRegistry.Organization o : list) {
			boolean chairs = o.nameKk().equals(DemoRegistry.CHAIR_ORGANIZATION_KK);
			long id = organizations.create(SYSTEM, new OrganizationCommand(o.nameKk(), o.nameRu(), o.kind(),
					o.districtId(), o.address(), chairs ? DemoRegistry.CHAIR_NAME : o.chairName(), o.chairPhone(), null,
					true));
			organizations.recordMembership(SYSTEM, id, DemoRegistry.PREVIOUS_DATE, o.members2025());
			organizations.recordMembership(SYSTEM, id, DemoRegistry.LATEST_DATE, o.members2026());
			if (chairs) {
				chairOrganization = id;
			}
		}
		return chairOrganization;
	}

	private void loadAccounts(long chairOrganization) {
		accounts.create(new AccountCommand("admin", "Жүйе әкімшісі", "admin@oqytu.example", Role.ADMIN, 1, "demo"));
		accounts.create(new AccountCommand("methodologist", "Сейтқалиева Гүлнар (әдіскер)",
				"methodologist@oqytu.example", Role.METHODOLOGIST, REGION_ID, "demo"));
		accounts.create(new AccountCommand("executive", "Атқару комитеті", "executive@oqytu.example",
				Role.EXECUTIVE, REGION_ID, "demo"));
		accounts.create(new AccountCommand("chair", DemoRegistry.CHAIR_NAME, "chair@oqytu.example", Role.CHAIR,
				chairOrganization, "demo"));
	}
}
