package kz.oqytu.accounts.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import kz.oqytu.OqytuApplication;
import kz.oqytu.accounts.OqytuPrincipal;
import kz.oqytu.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first administrator from the environment, on an empty database of its own with no demo data:
 * a weak password stops the start (with a failure analysis instead of a stack trace), a good one
 * creates the administrator, and once one exists the variables are ignored with an INFO line.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests {

	private static final String GOOD = "Aqtobe winter mountain lamp";

	private static ConfigurableApplicationContext start(String username, String password, String email) {
		return new SpringApplicationBuilder(OqytuApplication.class).run("--server.port=0",
				"--oqytu.test.database-name=bootstrap", "--oqytu.demo-data=false", "--oqytu.jobs.enabled=false",
				"--oqytu.admin.username=" + username, "--oqytu.admin.password=" + password, "--oqytu.admin.email=" + email);
	}

	@Test
	void theFirstAdministratorIsCreatedOnceAndAWeakPasswordStopsTheStart(CapturedOutput output) {
		Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> start("root", "password12345", ""));
		assertThat(failure).isNotNull();
		Throwable cause = failure;
		while (cause != null && !(cause instanceof AdminBootstrapException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("the start failed because of the weak password").isInstanceOf(AdminBootstrapException.class);
		FailureAnalysis analysis = new AdminBootstrapFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("OQYTU_ADMIN_PASSWORD is too weak")
			.contains("one of the most common passwords");
		assertThat(output.getAll()).contains("OQYTU_ADMIN_PASSWORD is too weak")
			.as("refused before the web server starts, so no 'Started' line misleads the administrator")
			.doesNotContain("Started OqytuApplication").doesNotContain("Tomcat started on port");

		try (ConfigurableApplicationContext app = start("Root", GOOD, "root@example.org")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from app_user").query(Integer.class).single()).isEqualTo(1);
			UserDetails root = app.getBean(UserDetailsService.class).loadUserByUsername("root");
			assertThat(app.getBean(PasswordEncoder.class).matches(GOOD, root.getPassword())).isTrue();
			OqytuPrincipal principal = (OqytuPrincipal) root;
			assertThat(principal.currentUser().role()).isEqualTo(Role.ADMIN);
			assertThat(principal.currentUser().scopeUnitId()).isEqualTo(AdminBootstrap.ROOT_UNIT_ID);
			assertThat(jdbc.sql("select email from app_user").query(String.class).single()).isEqualTo("root@example.org");
		}

		// Once an administrator exists, other values (even a weak password) change nothing and stop nothing.
		try (ConfigurableApplicationContext app = start("second", "weak", "")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select username from app_user").query(String.class).list()).containsExactly("root");
		}
		assertThat(output.getAll()).contains("OQYTU_ADMIN_USERNAME and OQYTU_ADMIN_PASSWORD are ignored");
	}
}
