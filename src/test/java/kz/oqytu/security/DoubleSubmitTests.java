package kz.oqytu.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import kz.oqytu.accounts.AccountView;
import kz.oqytu.accounts.Accounts;
import testonly.FailingController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15, item 8 (ASVS V11.1.6): a double click never gives a 500. Two requests of one session
 * that both add the same new session attribute (here the flash message of a post-redirect-get) each
 * inserted it into spring_session_attributes, and the second failed on its primary key. On the running
 * server, with sessions in PostgreSQL: rounds of identical posts of one session released together.
 *
 * <p>Same context configuration as {@code SessionLifecycleTests}, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FailingController.class)
class DoubleSubmitTests {

	private static final int ROUNDS = 15;

	private static final int AT_ONCE = 6;

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Test
	void identicalPostsOfOneSessionAtOnceNeverGetA500() throws Exception {
		SessionBrowser admin = new SessionBrowser(port).signIn("admin", "demo");
		AccountView self = accounts.list().stream().filter(a -> a.username().equals("admin")).findFirst().orElseThrow();
		List<Integer> statuses = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			// The page is read first, so the flash message of the last round is gone and each round adds it anew.
			String token = SessionBrowser.csrf(admin.get("/admin/users").body());
			// "Disable myself" is refused with a flash message and changes nothing but the session.
			HttpRequest post = admin.postRequest("/admin/users/" + self.id() + "/enabled",
					Map.of("enabled", "false", "_csrf", token));
			List<CompletableFuture<HttpResponse<String>>> clicks = new ArrayList<>();
			for (int i = 0; i < AT_ONCE; i++) {
				clicks.add(admin.client().sendAsync(post, HttpResponse.BodyHandlers.ofString()));
			}
			for (CompletableFuture<HttpResponse<String>> click : clicks) {
				statuses.add(click.get().statusCode());
			}
		}
		assertThat(statuses).hasSize(ROUNDS * AT_ONCE).allSatisfy(status -> assertThat(status).isEqualTo(302));
		assertThat(admin.get("/admin/users").statusCode()).as("the session still works").isEqualTo(200);
	}
}
