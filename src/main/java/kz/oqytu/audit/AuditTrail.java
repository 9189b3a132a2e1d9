package kz.oqytu.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;

import kz.oqytu.accounts.CurrentUser;

/** The audit module's API. */
public interface AuditTrail {

	/** The log, newest first; administrators only. */
	Page<AuditEntry> search(CurrentUser user, AuditCriteria criteria);

	/** Changes to the given tables after a moment, newest first (e.g. since a report was approved). */
	List<AuditEntry> since(Instant after, Collection<String> tables, int limit);

	/** How many changes to the given tables after a moment. */
	long countSince(Instant after, Collection<String> tables);

	/** The tables the log covers, for the filter. */
	List<String> tables();
}
