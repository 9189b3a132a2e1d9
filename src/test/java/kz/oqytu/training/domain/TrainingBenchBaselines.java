package kz.oqytu.training.domain;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Profile;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.EventStatus;

/**
 * Bench profile only: what the event list and the participant export cost without their pages,
 * i.e. the same statements run directly for a subtree, no session, security, template or workbook.
 * The event list's baseline runs the page's own {@code listing} call: its three statements (the page
 * with its total, the years, the committees) in one transaction; before issue #17 it ran the first alone.
 * It sits beside the package-private statements it runs, not in {@code web}.
 */
@RestController
@Profile("bench")
class TrainingBenchBaselines {

	private final TrainingEventService events;

	private final ParticipantExportService exports;

	TrainingBenchBaselines(TrainingEventService events, ParticipantExportService exports) {
		this.events = events;
		this.exports = exports;
	}

	@GetMapping(value = "/bench/baseline/events", produces = "text/plain")
	@Transactional(readOnly = true)
	String events(@RequestParam String scope, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long district, @RequestParam(required = false) EventStatus status,
			@RequestParam(defaultValue = "DATE") EventCriteria.Sort sort, @RequestParam(defaultValue = "true") boolean desc,
			@RequestParam(defaultValue = "50") int size) {
		// the page's own call (issue #17): the page with its total, the year filter's years and the
		// district filter's committees, in one read-only transaction, for an account of that scope
		kz.oqytu.accounts.CurrentUser user = new kz.oqytu.accounts.CurrentUser(0, "bench", "bench",
				kz.oqytu.accounts.Role.ADMIN, 0, scope);
		var listing = events.listing(user, new EventCriteria(year, null, district, null, null, status, null, null, sort,
				desc, 0, size));
		int options = listing.years().size() + listing.committees().size();
		return listing.result().getTotalElements() + " " + listing.result().getContent().size() + " " + options + "\n";
	}

	@GetMapping("/bench/baseline/participants.csv")
	@Transactional(readOnly = true)
	void participants(@RequestParam String scope, @RequestParam(required = false) Integer year,
			HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		BufferedWriter out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				1 << 16);
		exports.rows(scope, new EventCriteria(year, null, null, null, null, null, null, null, null, false, 0, 1), rs -> {
			try {
				out.write(ParticipantExportService.csv(rs));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		out.flush();
	}
}
