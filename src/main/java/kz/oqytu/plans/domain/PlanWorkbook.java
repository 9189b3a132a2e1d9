package kz.oqytu.plans.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import kz.oqytu.plans.PlanEventLine;
import kz.oqytu.plans.PlanHeader;
import kz.oqytu.plans.PlanItemView;
import kz.oqytu.plans.PlanPage;
import kz.oqytu.plans.PlanTotals;
import kz.oqytu.shared.NumberFormats;
import kz.oqytu.shared.xlsx.XlsxWriter;
import kz.oqytu.shared.xlsx.XlsxWriters;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.TrainingCatalog;

/**
 * A year's plan and its execution as a workbook in the reader's language: the items with planned
 * and actual participants and their status, the events held outside the plan, and the review.
 */
@Component
class PlanWorkbook {

	private final MessageSource messages;

	private final TrainingCatalog catalog;

	private final XlsxWriters writers;

	PlanWorkbook(MessageSource messages, TrainingCatalog catalog, XlsxWriters writers) {
		this.messages = messages;
		this.catalog = catalog;
		this.writers = writers;
	}

	byte[] write(PlanPage page, Locale locale) {
		PlanHeader plan = page.plan();
		Map<String, CatalogItem> forms = kz.oqytu.training.TrainingCatalog.byCode(catalog.forms());
		Map<String, CatalogItem> topics = kz.oqytu.training.TrainingCatalog.byCode(catalog.topics());
		Map<String, CatalogItem> categories = kz.oqytu.training.TrainingCatalog.byCode(catalog.categories());
		try (XlsxWriter xlsx = writers.open(locale)) {
			Sheet sheet = xlsx.sheet(msg("plans.export.sheet", locale, plan.year()));
			xlsx.title(xlsx.row(sheet, 0), 0, msg("plans.heading", locale, plan.year()));
			xlsx.text(xlsx.row(sheet, 1), 0, plan.approved()
					? msg("plans.approval.text", locale, NumberFormats.date(plan.approvedOn()), plan.protocolNumber())
					: msg("plans.approval.none", locale));
			xlsx.headers(sheet, 3, msg("plans.item.position", locale), msg("plans.item.title", locale),
					msg("plans.item.topics", locale), msg("plans.item.form", locale), msg("plans.item.period", locale),
					msg("plans.item.categories", locale), msg("plans.item.targets", locale),
					msg("plans.item.planned", locale), msg("plans.item.responsible", locale),
					msg("plans.item.notes", locale), msg("plans.execution.heldEvents", locale),
					msg("plans.execution.actual", locale), msg("plans.execution.status", locale));
			sheet.setColumnWidth(1, 60 * 256);
			int r = 4;
			for (PlanItemView item : page.items()) {
				Row row = xlsx.row(sheet, r++);
				xlsx.integer(row, 0, item.position());
				xlsx.text(row, 1, item.title(locale));
				xlsx.text(row, 2, names(item.topicCodes(), topics, locale));
				CatalogItem form = forms.get(item.formCode());
				xlsx.text(row, 3, form == null ? item.formCode() : form.name(locale));
				xlsx.text(row, 4, period(item, locale));
				xlsx.text(row, 5, item.categoryCodes().isEmpty() ? msg("plans.item.allCategories", locale)
						: names(item.categoryCodes(), categories, locale));
				xlsx.text(row, 6, item.targets().isEmpty() ? msg("plans.item.wholeRegion", locale)
						: item.targets().stream().map(t -> t.name(locale)).collect(Collectors.joining("; ")));
				xlsx.integer(row, 7, item.plannedParticipants());
				xlsx.text(row, 8, item.responsible());
				xlsx.text(row, 9, item.notes());
				xlsx.integer(row, 10, item.execution().heldEvents());
				xlsx.integer(row, 11, item.execution().actualParticipants());
				xlsx.text(row, 12, msg("plans.status." + item.execution().status().name(), locale));
			}
			PlanTotals totals = page.totals();
			Row total = xlsx.row(sheet, r++);
			xlsx.title(total, 1, msg("plans.total", locale));
			xlsx.integer(total, 7, totals.plannedParticipants());
			xlsx.integer(total, 10, page.items().stream().mapToInt(i -> i.execution().heldEvents()).sum());
			xlsx.integer(total, 11, totals.actualParticipants());
			xlsx.text(total, 12, msg("plans.export.statusCounts", locale, totals.held(), totals.partly(), totals.notHeld()));
			r++;
			xlsx.text(xlsx.row(sheet, r), 1, msg("plans.outside.title", locale));
			xlsx.integer(xlsx.row(sheet, r), 10, totals.outsideEvents());
			xlsx.integer(xlsx.row(sheet, r), 11, totals.outsideParticipants());

			Sheet outside = xlsx.sheet(msg("plans.outside.sheet", locale));
			xlsx.headers(outside, 0, msg("plans.event.date", locale), msg("plans.event.title", locale),
					msg("plans.item.form", locale), msg("plans.event.participants", locale));
			outside.setColumnWidth(1, 70 * 256);
			int o = 1;
			for (PlanEventLine event : page.outsideEvents()) {
				Row row = xlsx.row(outside, o++);
				xlsx.date(row, 0, event.startsAt().toLocalDate());
				xlsx.text(row, 1, event.title(locale));
				CatalogItem form = forms.get(event.formCode());
				xlsx.text(row, 2, form == null ? event.formCode() : form.name(locale));
				xlsx.integer(row, 3, event.participants());
			}

			Sheet review = xlsx.sheet(msg("plans.review.sheet", locale));
			review.setColumnWidth(0, 30 * 256);
			review.setColumnWidth(1, 100 * 256);
			xlsx.title(xlsx.row(review, 0), 0, msg("plans.review.title", locale, plan.year()));
			xlsx.text(xlsx.row(review, 1), 0, msg("plans.review.shortcomings", locale));
			xlsx.text(xlsx.row(review, 1), 1, plan.reviewShortcomings());
			xlsx.text(xlsx.row(review, 2), 0, msg("plans.review.corrections", locale));
			xlsx.text(xlsx.row(review, 2), 1, plan.reviewCorrections());
			int v = 4;
			for (PlanItemView item : page.items()) {
				if (!item.carryOver() || item.reviewNote() != null) {
					Row row = xlsx.row(review, v++);
					xlsx.text(row, 0, item.position() + ". " + item.title(locale));
					xlsx.text(row, 1, (item.carryOver() ? "" : msg("plans.review.dropped", locale) + ". ")
							+ (item.reviewNote() == null ? "" : item.reviewNote()));
				}
			}
			return xlsx.toBytes();
		}
	}

	private String period(PlanItemView item, Locale locale) {
		if (item.month() != null) {
			return msg("month." + item.month(), locale);
		}
		if (item.quarter() != null) {
			return msg("plans.quarter", locale, item.quarter());
		}
		return msg("plans.period.year", locale);
	}

	private static String names(List<String> codes, Map<String, CatalogItem> items, Locale locale) {
		return codes.stream().map(c -> items.containsKey(c) ? items.get(c).name(locale) : c)
			.collect(Collectors.joining("; "));
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
