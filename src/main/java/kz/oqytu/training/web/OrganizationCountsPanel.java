package kz.oqytu.training.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.ui.Model;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.training.OrganizationCounts;

/**
 * What the event page's "attendance by organization" panel shows (issue #17: an event of 10 000
 * named participants from 600 organizations made the page 313 KB, one table row per organization).
 * <ul>
 * <li>The organizations as the reports count them: {@value #PAGE_SIZE} a page, searched by name
 * ({@code ?orgq=}, {@code ?orgpage=}); htmx swaps the list in place, without JavaScript the links load
 * the event page.</li>
 * <li>For a writer, while an event has at most {@value #GRID_ROWS} organizations recorded: the grid
 * to type into, as before. With more: the list with a "change" link per recorded organization, a
 * form for one organization (saved without sending the others back) and a link to the whole grid on
 * a page of its own.</li>
 * </ul>
 */
final class OrganizationCountsPanel {

	static final int PAGE_SIZE = 25;

	static final int GRID_ROWS = 25;

	static final int MAX_QUERY = 100;

	private OrganizationCountsPanel() {
	}

	/** Whether the event page shows the whole grid (few organizations recorded) rather than the list and one form. */
	static boolean grid(CurrentUser me, OrganizationCounts counts) {
		return me.writesTraining() && counts.recordable() && counts.recorded().size() <= GRID_ROWS;
	}

	/**
	 * The panel's model: the counts, the page of organizations for {@code query} and {@code page}, and
	 * whether the grid is shown. The forms themselves ({@code orgForm}, {@code orgOne}) are the caller's.
	 */
	static void fill(Model model, OrganizationCounts counts, String query, int page, boolean grid) {
		String q = query == null ? "" : query.strip();
		if (q.length() > MAX_QUERY) {
			q = q.substring(0, MAX_QUERY);
		}
		String needle = q.toLowerCase(Locale.ROOT);
		List<OrganizationCounts.Line> found = needle.isEmpty() ? counts.attributed()
				: counts.attributed().stream().filter(l -> contains(l.nameKk(), needle) || contains(l.nameRu(), needle)).toList();
		int pages = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.min(Math.max(page, 0), pages - 1);
		List<OrganizationCounts.Line> content = found.subList(p * PAGE_SIZE, Math.min(found.size(), (p + 1) * PAGE_SIZE));
		model.addAttribute("orgCounts", counts);
		model.addAttribute("orgGrid", grid);
		model.addAttribute("orgLines", new PageImpl<>(content, PageRequest.of(p, PAGE_SIZE), found.size()));
		model.addAttribute("orgQ", q);
		// fragments/forms :: pager appends "page=N": the base ends in "org" so the parameter is orgpage
		model.addAttribute("orgPagerBase", "/events/" + counts.eventId() + "?"
				+ (q.isEmpty() ? "" : "orgq=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&") + "org");
	}

	private static boolean contains(String name, String needle) {
		return name != null && name.toLowerCase(Locale.ROOT).contains(needle);
	}
}
