package kz.oqytu.reports.domain;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;

import kz.oqytu.reports.ApprovedReport;
import kz.oqytu.shared.NumberFormats;

/**
 * What an exported annual report says about its standing (issue #16, part 5): approved (the
 * executive committee's stamp: who, when, protocol number), or a draft, because no approval was
 * recorded or because the figures changed since the approval.
 */
record ReportStamp(boolean approved, LocalDate approvedOn, String protocol, String approvedBy) {

	static ReportStamp draft() {
		return new ReportStamp(false, null, null, null);
	}

	static ReportStamp approvedAs(ApprovedReport approval) {
		return new ReportStamp(true, approval.approvedOn(), approval.protocol(), approval.approvedBy());
	}

	/** A draft whose figures moved after the approval of {@code approvedOn} under {@code protocol}. */
	static ReportStamp changedSince(LocalDate approvedOn, String protocol, String approvedBy) {
		return new ReportStamp(false, approvedOn, protocol, approvedBy);
	}

	boolean changedSinceApproval() {
		return !approved && approvedOn != null;
	}

	/** The sentence under the title: "УТВЕРЖДЕНО: Исполком, 20.02.2026, протокол № 9" or "ПРОЕКТ: …". */
	String text(MessageSource messages, Locale locale) {
		if (approved) {
			return messages.getMessage("reports.export.approved",
					new Object[] { approvedBy, NumberFormats.date(approvedOn), protocol }, locale);
		}
		if (changedSinceApproval()) {
			return messages.getMessage("reports.export.draftChanged",
					new Object[] { NumberFormats.date(approvedOn), protocol }, locale);
		}
		return messages.getMessage("reports.export.draft", null, locale);
	}

	/** The line at the top of every printed page: the whole stamp, or the word "draft" alone. */
	String pageMark(MessageSource messages, Locale locale) {
		return approved ? text(messages, locale) : messages.getMessage("reports.export.draftMark", null, locale);
	}
}
