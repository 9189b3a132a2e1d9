package kz.oqytu.materials;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.OqytuPrincipal;
import testonly.FailingController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads and downloads as a browser makes them against the running server (Tomcat parses the
 * multipart body and applies its limits, the file is streamed over a real socket). The data is
 * committed, so each test deletes the materials it made. Same context as ErrorPageTests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FailingController.class)
class MaterialServerTests {

	@LocalServerPort
	int port;

	@Autowired
	Materials materials;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcClient jdbc;

	private final List<Long> created = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.cookieHandler(new java.net.CookieManager())
		.build();

	@AfterEach
	void deleteWhatTheTestMade() {
		for (long id : created) {
			jdbc.sql("delete from material where id = :id").param("id", id).update();
		}
	}

	@Test
	void aFileOverTheServersLimitIsSentBackToTheFormWithTheLimitInTheReadersLanguage() throws Exception {
		signIn("methodologist");
		String form = get("/materials/new?lang=ru").body();
		Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(form);
		assertThat(token.find()).isTrue();
		long before = count();
		byte[] tooLarge = MaterialTestFiles.largePdf(34 * 1024 * 1024);
		HttpResponse<String> response = postMultipart("/materials/new", token.group(1), tooLarge);
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/materials/new"));
		assertThat(get("/materials/new").body()).contains("Файл слишком большой: не более 20 МБ.");
		// Just over the limit: the server reads it, and the service counts the bytes and says the same.
		HttpResponse<String> justOver = postMultipart("/materials/new", token.group(1),
				MaterialTestFiles.largePdf(20 * 1024 * 1024 + 1));
		assertThat(justOver.statusCode()).isEqualTo(200);
		assertThat(justOver.body()).contains("Файл слишком большой: не более 20 МБ.");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aDownloadOverHttpIsTheExactBytesStreamedWithItsHeaders() throws Exception {
		byte[] file = MaterialTestFiles.largePdf(5 * 1024 * 1024 + 7);
		long id = materials.create(user("methodologist"), new MaterialCommand("HTTP жүктеу", null, MaterialType.OTHER,
				MaterialLanguage.KK, null, Set.of(), Set.of()), MaterialFile.of("Кейс.pdf", file));
		created.add(id);
		long version = materials.details(user("methodologist"), id).latestVersionId();
		signIn("executive");
		HttpResponse<InputStream> response = http.send(
				HttpRequest.newBuilder(uri("/materials/" + id + "/versions/" + version + "/download")).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(file.length));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains("filename*=UTF-8''%D0%9A%D0%B5%D0%B9%D1%81.pdf"));
		byte[] body;
		try (InputStream in = response.body()) {
			body = in.readAllBytes();
		}
		assertThat(MaterialTestFiles.sha256(body)).isEqualTo(MaterialTestFiles.sha256(file));
	}

	private long count() {
		return jdbc.sql("select count(*) from material").query(Long.class).single();
	}

	private CurrentUser user(String username) {
		return ((OqytuPrincipal) userDetails.loadUserByUsername(username)).currentUser();
	}

	private HttpResponse<String> postMultipart(String path, String csrf, byte[] file) throws Exception {
		String boundary = "----oqytu" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String[] field : new String[][] { { "_csrf", csrf }, { "titleKk", "Тым үлкен" }, { "type", "CASE" },
				{ "language", "KK" } }) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1]
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void signIn(String username) throws Exception {
		String page = get("/login").body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo&_csrf=" + token.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
