package kz.oqytu.certificates.web;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import kz.oqytu.certificates.CertificateCheck;
import kz.oqytu.certificates.domain.CertificateService;

/**
 * The public page a certificate's QR code opens, {@code /certificates/{code}}: the name, event, dates
 * and organizer of that one certificate, in Kazakh or Russian, no account needed. An unknown, malformed
 * or revoked code is a 404 page that says nothing more; beyond the limit per address and minute, 429.
 */
@Controller
class CertificateVerificationController {

	private final CertificateService certificates;

	CertificateVerificationController(CertificateService certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/certificates/{code}")
	String verify(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
		String path = "/certificates/" + code;
		model.addAttribute("langUrls", Map.of("kk", path + "?lang=kk", "ru", path + "?lang=ru"));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		if (!certificates.allowLookup(request.getRemoteAddr())) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
			return "certificates/public-busy";
		}
		Optional<CertificateCheck> found = certificates.verify(code);
		if (found.isEmpty()) {
			response.setStatus(404);
			return "certificates/public-404";
		}
		model.addAttribute("certificate", found.get());
		return "certificates/public";
	}
}
