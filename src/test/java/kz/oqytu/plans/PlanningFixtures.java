package kz.oqytu.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

/**
 * Builds what planning tests need through the modules' services: events with head counts, plans
 * with items, other organizations than the demo chair's. Years before 2024 hold no demo data.
 */
public final class PlanningFixtures {

	private final Plans plans;

	private final TrainingEvents events;

	private final Organizations organizations;

	private final CurrentUser writer;

	public PlanningFixtures(Plans plans, TrainingEvents events, Organizations organizations, CurrentUser writer) {
		this.plans = plans;
		this.events = events;
		this.organizations = organizations;
		this.writer = writer;
	}

	/** An event at the regional office with all its participants in one category. */
	public long event(String title, LocalDate day, EventStatus status, int participants) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("UNION_MEMBER", participants);
		LocalDateTime starts = day.atTime(10, 0);
		return events.create(writer, new EventCommand(title, null, "THEMATIC_SEMINAR", Set.of("LABOUR_LAW"), starts,
				starts.plusHours(3), BigDecimal.valueOf(4), VenueKind.REGIONAL_OFFICE, null, null, null, null, Set.of(),
				null, null, status, counts));
	}

	public long plan(int year) {
		return plans.create(writer, year, new PlanApproval(LocalDate.of(year - 1, 12, 25), "7"));
	}

	public long item(int year, String title, Integer planned) {
		return plans.addItem(writer, year, new PlanItemCommand(null, title, null, Set.of("LABOUR_LAW"),
				"THEMATIC_SEMINAR", 3, null, Set.of("CHAIR"), Set.of(), planned, "Әдіскер", null));
	}

	/** Primary organizations of a district other than the demo chair's. */
	public OrganizationRow organization(long districtId, int index) {
		return organizations.search(writer, new OrganizationCriteria(null, districtId, null, null, null, false, 0, 50))
			.getContent()
			.get(index);
	}
}
