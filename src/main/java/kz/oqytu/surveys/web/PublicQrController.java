package kz.oqytu.surveys.web;

import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.surveys.QrCodes;
import kz.oqytu.surveys.Surveys;

/**
 * The survey's QR code by its token: public like the survey itself (the code holds nothing but the
 * survey's public address), so the pages showing it need no session and browsers may cache it. A
 * controller of its own (decision 0041): the survey pages' advice (their Open Graph address) and
 * error pages are no business of an image's; an unknown token is a bare 404.
 */
@Controller
class PublicQrController {

	/** A day in browsers and shared caches: a token's address never changes. */
	private static final String CACHE_CONTROL = "max-age=86400, public";

	private final Surveys surveys;

	private final QrCodes qrCodes;

	PublicQrController(Surveys surveys, QrCodes qrCodes) {
		this.surveys = surveys;
		this.qrCodes = qrCodes;
	}

	/**
	 * The path and query as maps, which Spring hands over without a data binder: a binder per argument (and
	 * the trimming {@code @InitBinder} it runs) was a sixth of this request's cost (S6, docs/performance.md).
	 * A size that is not a number is refused as a typed argument would be (400).
	 */
	@GetMapping(value = "/s/{token}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr(@PathVariable Map<String, String> path, @RequestParam Map<String, String> query) {
		String token = path.get("token");
		String asked = query.get("size");
		Integer size;
		try {
			// blank is none, as the trimming binder made it
			size = asked == null || asked.isBlank() ? null : Integer.valueOf(asked.strip());
		}
		catch (NumberFormatException ex) {
			return ResponseEntity.badRequest().build();
		}
		Optional<String> url = surveys.urlOfToken(token);
		if (url.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
			.body(qrCodes.png(url.get(), QrCodes.boundedSize(size)));
	}
}
