package kz.oqytu.staffreport.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import kz.oqytu.staffreport.StaffReport.Block;

/**
 * Turns the findings of an approved staff report into the items and sub-items of a resolution in the
 * wording of resolution No. 9 item 2 of 20.02.2026 (message keys {@code resdraft.doc.*}): each finding
 * becomes a sub-item with an owner (a role, as text) and a deadline in the report year, grouped into
 * items by what they ask for, and keeps its key, text and the address of its figures.
 */
@Component
class ResolutionDrafter {

	/** One row of the draft, in document order: an item (level 1) or a sub-item (level 2). */
	record Row(int level, String text, String owner, LocalDate deadline, String sourceKey, String sourceText,
			String sourceLink) {
	}

	record Generated(String title, String preamble, String controlBy, String signerTitle, List<Row> rows) {
	}

	private final MessageSource messages;

	ResolutionDrafter(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The draft of report year {@code year} (the resolution is adopted in that year, its deadlines fall in
	 * it) for the body {@code unitName}, from the approved version's findings in their order.
	 */
	Generated draft(String unitName, boolean district, int year, List<Block> findings, Locale loc) {
		List<Block> coverage = new ArrayList<>();
		List<Block> categories = new ArrayList<>();
		List<Block> quality = new ArrayList<>();
		List<Block> finance = new ArrayList<>();
		List<Block> other = new ArrayList<>();
		for (Block f : findings) {
			String key = f.key();
			if (key.equals("f_districts") || key.equals("f_two_years") || key.equals("f_organizations")) {
				coverage.add(f);
			}
			else if (key.startsWith("f_category_")) {
				categories.add(f);
			}
			else if (key.equals("f_short_formats") || key.equals("f_topics")) {
				quality.add(f);
			}
			else if (key.startsWith("f_budget_")) {
				finance.add(f);
			}
			else {
				other.add(f);
			}
		}
		LocalDate q2 = LocalDate.of(year, 6, 30);
		LocalDate q3 = LocalDate.of(year, 9, 30);
		LocalDate yearEnd = LocalDate.of(year, 12, 31);
		// the next year's plan is approved by 25 December, as the plans of 2025 and 2026 were
		LocalDate planDay = LocalDate.of(year, 12, 25);
		// a district's resolution is its committee's: its own chair and staff own what the region's cabinet would
		String cabinet = owner(loc, "resdraft.owner.cabinet", district);
		String districts = owner(loc, "resdraft.owner.districts", district);
		String chairs = msg(loc, "resdraft.owner.chairs");
		String and = ", ";
		List<Row> rows = new ArrayList<>();
		if (!categories.isEmpty()) {
			rows.add(item(msg(loc, "resdraft.doc.categories")));
			for (Block f : categories) {
				String code = f.key().substring("f_category_".length());
				String who = msgOrNull(loc, "resdraft.category." + code);
				String text = who != null ? msg(loc, "resdraft.doc.category", who)
						: msg(loc, "resdraft.doc.categoryOther", f.text());
				rows.add(sub(text, cabinet + and + districts, yearEnd, f));
			}
		}
		if (!coverage.isEmpty()) {
			rows.add(item(msg(loc, "resdraft.doc.coverage")));
			for (Block f : coverage) {
				if (f.key().equals("f_districts")) {
					rows.add(sub(msg(loc, "resdraft.doc.districts"), districts, yearEnd, f));
				}
				else if (f.key().equals("f_organizations")) {
					rows.add(sub(msg(loc, "resdraft.doc.organizations"), districts + and + chairs, yearEnd, f));
				}
				else {
					rows.add(sub(msg(loc, "resdraft.doc.twoYears"), districts + and + chairs, q3, f));
				}
			}
		}
		if (!quality.isEmpty()) {
			rows.add(item(msg(loc, "resdraft.doc.quality")));
			for (Block f : quality) {
				if (f.key().equals("f_short_formats")) {
					rows.add(sub(msg(loc, "resdraft.doc.shortFormats"), cabinet, q2, f));
				}
				else {
					rows.add(sub(msg(loc, "resdraft.doc.topics", String.valueOf(year + 1)), cabinet, planDay, f));
				}
			}
		}
		if (!finance.isEmpty()) {
			rows.add(item(msg(loc, "resdraft.doc.finance")));
			for (Block f : finance) {
				String budgetYear = f.key().substring("f_budget_".length());
				rows.add(sub(msg(loc, "resdraft.doc.budget", String.valueOf(year + 1), budgetYear),
						owner(loc, "resdraft.owner.accounts", district), yearEnd, f));
			}
		}
		if (!other.isEmpty()) {
			rows.add(item(msg(loc, "resdraft.doc.other")));
			for (Block f : other) {
				rows.add(sub(f.text(), cabinet, yearEnd, f));
			}
		}
		return new Generated(msg(loc, "resdraft.doc.title", unitName), msg(loc, "resdraft.doc.preamble", unitName,
				String.valueOf(year - 1)), msg(loc, "resdraft.doc.controlBy"), msg(loc, "resdraft.doc.signerTitle"), rows);
	}

	/** The text of an item or sub-item the methodologist adds, to be written over. */
	String newText(boolean item, Locale loc) {
		return msg(loc, item ? "resdraft.doc.newItem" : "resdraft.doc.newSubItem");
	}

	String defaultOwner(Locale loc, boolean district) {
		return owner(loc, "resdraft.owner.cabinet", district);
	}

	/** An owner as the body's level names it: a district committee's own ({@code key.COMMITTEE}), else the region's. */
	private String owner(Locale loc, String key, boolean district) {
		String own = district ? messages.getMessage(key + ".COMMITTEE", null, null, loc) : null;
		return own != null ? own : msg(loc, key);
	}

	private static Row item(String text) {
		return new Row(1, text, null, null, null, null, null);
	}

	private static Row sub(String text, String owner, LocalDate deadline, Block finding) {
		return new Row(2, text, owner, deadline, finding.key(), finding.text(), finding.link());
	}

	private String msg(Locale loc, String key, Object... args) {
		return messages.getMessage(key, args, loc);
	}

	private String msgOrNull(Locale loc, String key) {
		try {
			return messages.getMessage(key, null, loc);
		}
		catch (NoSuchMessageException ex) {
			return null;
		}
	}
}
