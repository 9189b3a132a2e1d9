package kz.oqytu.staffreport.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.reports.CoverageReports;
import kz.oqytu.shared.BusinessRuleException;

/**
 * The checks the staff report and the resolution drafted from it share: who may read or write, which
 * report years exist, and which union body a request means (the user's region, or one they name).
 */
final class ReportGuards {

	private ReportGuards() {
	}

	/**
	 * The body asked for, checked against the user's scope; when none is named, the user's own body:
	 * a district account's committee (issue 22), else the user's region.
	 */
	static long unitId(CoverageReports reports, CurrentUser user, Optional<Long> unit) {
		return unit.map(u -> reports.regionId(user, u)).orElseGet(() -> {
			long region = reports.regionId(user);
			// a scope below the region ("/1/2/4/"): the committee it names, as the report accepts it
			return user.scopePath() != null && user.scopePath().chars().filter(c -> c == '/').count() == 4
					? reports.regionId(user, user.scopeUnitId()) : region;
		});
	}

	/** A report year from 2001 to next year; else refused on the field {@code year}. */
	static void checkYear(Clock clock, int year) {
		if (year < 2001 || year > LocalDate.now(clock).getYear() + 1) {
			throw new BusinessRuleException("year", "staffreport.error.year");
		}
	}

	static void staff(CurrentUser user) {
		if (user == null || !user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}

	static void writer(CurrentUser user) {
		if (user == null || !user.writesTraining()) {
			throw new AccessDeniedException("writers only");
		}
	}
}
