package kz.oqytu.surveys.web;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import kz.oqytu.shared.NotFoundException;
import kz.oqytu.surveys.PublicSurvey;
import kz.oqytu.surveys.QrCodes;
import kz.oqytu.surveys.Surveys;

/**
 * Bench profile only: the floors the public survey and the QR code are measured against. The
 * survey form rendered from a survey held in memory (no database), a bare one-row insert, and QR
 * bytes from memory.
 */
@Controller
@Profile("bench")
class SurveyBenchBaselines {

	private final Surveys surveys;

	private final JdbcTemplate jdbc;

	private final QrCodes qr;

	private final Map<String, PublicSurvey> loaded = new ConcurrentHashMap<>();

	private volatile byte[] png;

	SurveyBenchBaselines(Surveys surveys, JdbcTemplate jdbc, QrCodes qr) {
		this.surveys = surveys;
		this.jdbc = jdbc;
		this.qr = qr;
	}

	private PublicSurvey survey(String token) {
		// read once; every later request renders from memory
		return loaded.computeIfAbsent(token,
				t -> surveys.byToken(t).orElseThrow(() -> new NotFoundException("survey")));
	}

	@GetMapping("/bench/baseline/s/{token}")
	String form(@PathVariable String token, Model model) {
		model.addAttribute("survey", survey(token));
		model.addAttribute("values", Map.of());
		model.addAttribute("errors", Map.of());
		return "surveys/public-form";
	}

	@PostMapping("/bench/baseline/s/{token}")
	@ResponseBody
	String submit(@PathVariable String token) {
		PublicSurvey survey = survey(token);
		jdbc.update("insert into survey_response (id, event_survey_id, version_id, device_id, fingerprint)"
				+ " values (nextval('survey_seq'), ?, ?, ?, 'bench-baseline')", survey.surveyId(), survey.versionId(),
				UUID.randomUUID());
		return "stored\n";
	}

	/**
	 * The same bytes for a signed-in staff member: outside {@code /bench/baseline/**}, so the
	 * application's own chain reads the session as for the staff download (S6-cached-staff compares
	 * like with like: issue #17; it was compared with the anonymous baseline before).
	 */
	@GetMapping(value = "/bench/signed-in/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> signedInPng() {
		return png();
	}

	@GetMapping(value = "/bench/baseline/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> png() {
		byte[] bytes = png;
		if (bytes == null) {
			bytes = qr.png("http://localhost:8080/s/bench-baseline-token-0000", QrCodes.DEFAULT_SIZE).clone();
			png = bytes;
		}
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(bytes);
	}
}
