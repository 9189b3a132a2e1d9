package kz.oqytu.surveys;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.TrainingEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sharing an event's survey (issue 19, part 5): the link preview's Open Graph tags with absolute
 * addresses, the copy and share buttons, the QR code and the handouts named by the event's date and
 * title, and A4 and A5 handouts whose QR code reads back as the survey's address.
 */
@OqytuIntegrationTest
class SurveySharingTests {

	static final String TITLE_KK = "Бөлісу сынағы: құқық";

	static final String TITLE_RU = "Проверка ссылки";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Surveys surveys;

	@Autowired
	TrainingEvents events;

	private long eventId;

	private EventSurveyView survey;

	@BeforeEach
	void openASurvey() {
		CurrentUser methodologist = users.current("methodologist");
		// A planned event of its own in 2027, outside the pinned figures.
		eventId = events.create(methodologist, new kz.oqytu.training.EventCommand(TITLE_KK, TITLE_RU,
				"THEMATIC_SEMINAR", java.util.Set.of("LABOUR_LAW"), LocalDateTime.of(2027, 4, 15, 10, 0),
				LocalDateTime.of(2027, 4, 15, 13, 0), java.math.BigDecimal.valueOf(3),
				kz.oqytu.training.VenueKind.REGIONAL_OFFICE, null, null, null, null, java.util.Set.of(), null, null,
				kz.oqytu.training.EventStatus.PLANNED, java.util.Map.of()));
		surveys.openNow(methodologist, eventId, SurveyKind.POST_EVENT);
		survey = surveys.one(methodologist, eventId, SurveyKind.POST_EVENT);
	}

	private static String meta(String html, String attribute, String name) {
		Matcher m = Pattern.compile("<meta " + attribute + "=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\"")
			.matcher(html);
		assertThat(m.find()).as(name + " in the page").isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
	}

	@Test
	void thePublicPageCarriesAnAbsoluteLinkPreviewInTheSurveysLanguage() throws Exception {
		String kk = mvc.perform(get("/s/" + survey.token())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(meta(kk, "property", "og:title")).isEqualTo(TITLE_KK);
		assertThat(meta(kk, "property", "og:url")).isEqualTo(survey.url()).startsWith("http://localhost:8080/s/");
		assertThat(meta(kk, "property", "og:description")).contains("Анонимді сауалнама");
		assertThat(meta(kk, "name", "twitter:card")).isEqualTo("summary");
		String image = meta(kk, "property", "og:image");
		assertThat(image).startsWith(survey.url() + "/qr.png");
		assertThat(meta(kk, "name", "twitter:image")).isEqualTo(image);

		String ru = mvc.perform(get("/s/" + survey.token()).param("lang", "ru"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(meta(ru, "property", "og:title")).isEqualTo(TITLE_RU);
		assertThat(meta(ru, "property", "og:description")).contains("Анонимная анкета");
		assertThat(meta(ru, "property", "og:locale")).isEqualTo("ru_RU");

		// The image is public (a link preview fetches it with no session), large enough, and only the survey's address.
		MockHttpServletResponse png = mvc.perform(get(image.substring("http://localhost:8080".length())))
			.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(png.getContentType()).isEqualTo("image/png");
		BufferedImage qr = ImageIO.read(new ByteArrayInputStream(png.getContentAsByteArray()));
		assertThat(qr.getWidth()).isGreaterThanOrEqualTo(200);
		assertThat(qr.getHeight()).isGreaterThanOrEqualTo(200);
		assertThat(decode(qr)).isEqualTo(survey.url());

		// A closed survey's page previews the same way.
		surveys.closeNow(users.current("methodologist"), eventId, SurveyKind.POST_EVENT);
		String closed = mvc.perform(get("/s/" + survey.token())).andReturn().getResponse().getContentAsString();
		assertThat(meta(closed, "property", "og:url")).isEqualTo(survey.url());
	}

	@Test
	void theSurveyPagesOfferCopyShareAndMessengerLinks() throws Exception {
		for (String page : new String[] { "/events/" + eventId + "/survey", "/events/" + eventId + "/survey-panel" }) {
			String html = mvc.perform(get(page).with(users.as("methodologist"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			assertThat(html).as(page).contains("data-share-url=\"" + survey.url() + "\"", "data-share-copy",
					"data-share-native", "https://wa.me/?text=", "https://t.me/share/url?url=" + survey.url() + "&amp;text=",
					"mailto:?subject=", "data-share-status");
		}
		String event = mvc.perform(get("/events/" + eventId).with(users.as("methodologist"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Matcher src = Pattern.compile("src=\"(/js/share(?:-[0-9a-f]+)?\\.js)\"").matcher(event);
		assertThat(src.find()).as("the event page loads share.js").isTrue();
		String script = mvc.perform(get(src.group(1))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(script).contains("navigator.share", "navigator.clipboard", "data-copied");
	}

	@Test
	void theQrCodeDownloadsNamedByTheEventsDateAndTitle() throws Exception {
		MockHttpServletResponse kk = mvc.perform(get("/events/" + eventId + "/survey/qr.png").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse();
		String header = kk.getHeader("Content-Disposition");
		assertThat(header).startsWith("attachment; filename=\"2027-04-15-Bolisu-synagy-quqyq-QR.png\"; filename*=UTF-8''");
		assertThat(filenameStar(header)).isEqualTo("2027-04-15 Бөлісу сынағы quqyq QR.png".replace("quqyq", "құқық"));
		assertThat(header).doesNotContain("filename=\"qr.png\"");

		String ru = mvc.perform(get("/events/" + eventId + "/survey/qr.png").param("lang", "ru")
			.with(users.as("methodologist"))).andReturn().getResponse().getHeader("Content-Disposition");
		assertThat(filenameStar(ru)).isEqualTo("2027-04-15 Проверка ссылки QR.png");

		String svg = mvc.perform(get("/events/" + eventId + "/survey/qr.svg").with(users.as("methodologist")))
			.andReturn().getResponse().getHeader("Content-Disposition");
		assertThat(svg).startsWith("inline; filename=\"2027-04-15-");
		assertThat(filenameStar(svg)).endsWith(" QR.svg");
	}

	@Test
	void theA4AndA5HandoutsCarryAQrCodeThatReadsAsTheSurveysLink() throws Exception {
		Map<String, PDRectangle> papers = Map.of("A4", PDRectangle.A4, "A5", PDRectangle.A5);
		for (Map.Entry<String, PDRectangle> paper : papers.entrySet()) {
			MockHttpServletResponse response = mvc.perform(get("/events/" + eventId + "/survey/handout.pdf")
				.param("paper", paper.getKey()).with(users.as("methodologist")))
				.andExpect(status().isOk()).andReturn().getResponse();
			assertThat(response.getContentType()).isEqualTo("application/pdf");
			assertThat(filenameStar(response.getHeader("Content-Disposition")))
				.isEqualTo("2027-04-15 " + TITLE_KK.replace(":", "") + " " + paper.getKey() + ".pdf");
			try (PDDocument document = Loader.loadPDF(response.getContentAsByteArray())) {
				assertThat(document.getNumberOfPages()).as(paper.getKey() + " fits one page").isEqualTo(1);
				PDRectangle size = document.getPage(0).getMediaBox();
				assertThat(size.getWidth()).as(paper.getKey()).isCloseTo(paper.getValue().getWidth(),
						org.assertj.core.data.Offset.offset(2f));
				assertThat(size.getHeight()).as(paper.getKey()).isCloseTo(paper.getValue().getHeight(),
						org.assertj.core.data.Offset.offset(2f));
				String text = new PDFTextStripper().getText(document);
				assertThat(text).contains(TITLE_KK, TITLE_RU, "15.04.2027", "QR-кодты сканерлеңіз", "Отсканируйте QR-код");
				assertThat(text.replaceAll("\\s", "")).contains(survey.shortCode(), survey.url());
				BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
				assertThat(decode(page)).as(paper.getKey() + " QR").isEqualTo(survey.url());
			}
		}
	}

	private static String filenameStar(String header) {
		Matcher m = Pattern.compile("filename\\*=UTF-8''([^;]+)").matcher(header);
		assertThat(m.find()).as(header).isTrue();
		assertThat(m.group(1)).matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+");
		return URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static String decode(BufferedImage image) throws Exception {
		return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
				Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
	}
}
