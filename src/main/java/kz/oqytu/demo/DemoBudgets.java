package kz.oqytu.demo;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import kz.oqytu.budget.BudgetCommand;
import kz.oqytu.budget.BudgetLineCategory;
import kz.oqytu.budget.Budgets;
import kz.oqytu.budget.PlanFact;

/**
 * Budgets of the union's report: the regional organization's training share was 8% of the
 * expenditure in 2025 (actual) and 10% in 2026 (the smeta, the year being under way), and the
 * thirteen committees with plausible figures, several below the norm, one not yet reported for
 * 2026. Written through the budget module's service, in tenge.
 */
@Component
class DemoBudgets {

	/** Committee budgets: plan and actual of 2025, plan of 2026 (null when not yet reported). */
	private record Committee(long id, long total25Plan, long training25Plan, long total25, long training25,
			Long total26Plan, Long training26Plan) {
	}

	private static final List<Committee> COMMITTEES = List.of(
			new Committee(3, 57_600_000, 5_990_000, 58_400_000, 6_190_400, 61_200_000L, 6_732_000L),
			new Committee(4, 9_700_000, 970_000, 9_850_000, 906_200, 10_300_000L, 1_030_000L),
			new Committee(5, 9_000_000, 918_000, 9_120_000, 921_120, 9_480_000L, 995_400L),
			new Committee(6, 7_150_000, 643_500, 7_260_000, 537_240, 7_600_000L, 646_000L),
			// 533 460 / 5 340 000 = 9,99%: printed 9,9%, below the norm (truncated, never rounded).
			new Committee(7, 5_300_000, 530_000, 5_340_000, 533_460, null, null),
			new Committee(8, 6_900_000, 759_000, 6_980_000, 781_760, 7_250_000L, 797_500L),
			new Committee(9, 8_050_000, 805_000, 8_150_000, 717_200, 8_400_000L, 856_800L),
			new Committee(10, 8_650_000, 865_000, 8_760_000, 876_000, 9_100_000L, 910_000L),
			new Committee(11, 15_700_000, 1_884_000, 15_900_000, 1_971_600, 16_500_000L, 1_980_000L),
			new Committee(12, 5_800_000, 464_000, 5_870_000, 405_030, 6_100_000L, 579_500L),
			new Committee(13, 9_500_000, 978_500, 9_640_000, 992_920, 10_050_000L, 1_035_150L),
			new Committee(14, 11_100_000, 1_110_000, 11_280_000, 1_082_880, 11_700_000L, 1_181_700L),
			new Committee(15, 11_800_000, 1_239_000, 11_940_000, 1_289_520, 12_400_000L, 1_426_000L));

	private final Budgets budgets;

	DemoBudgets(Budgets budgets) {
		this.budgets = budgets;
	}

	/** The region, its committees and the demo chair's school. */
	void load(long chairOrganization) {
		// Region 2025: 11 880 000 of 148 500 000 planned and 12 000 000 of 150 000 000 spent, 8% both.
		budgets.save(DemoDataLoader.SYSTEM, DemoDataLoader.REGION_ID, 2025, null,
				new BudgetCommand(tenge(148_500_000), tenge(150_000_000), tenge(11_880_000), tenge(12_000_000),
						lines(new long[][] { { 6_400_000, 6_480_000 }, { 1_900_000, 1_920_000 },
								{ 2_000_000, 2_040_000 }, { 1_180_000, 1_140_000 }, { 400_000, 420_000 } })));
		// Region 2026: the smeta, 16 000 000 of 160 000 000 = 10%.
		budgets.save(DemoDataLoader.SYSTEM, DemoDataLoader.REGION_ID, 2026, null,
				new BudgetCommand(tenge(160_000_000), null, tenge(16_000_000), null,
						lines(new long[][] { { 8_600_000, -1 }, { 2_700_000, -1 }, { 2_900_000, -1 },
								{ 1_300_000, -1 }, { 500_000, -1 } })));
		for (Committee c : COMMITTEES) {
			budgets.save(DemoDataLoader.SYSTEM, c.id(), 2025, null, new BudgetCommand(tenge(c.total25Plan()),
					tenge(c.total25()), tenge(c.training25Plan()), tenge(c.training25()), Map.of()));
			if (c.total26Plan() != null) {
				budgets.save(DemoDataLoader.SYSTEM, c.id(), 2026, null, new BudgetCommand(tenge(c.total26Plan()),
						null, tenge(c.training26Plan()), null, Map.of()));
			}
		}
		if (chairOrganization > 0) {
			budgets.save(DemoDataLoader.SYSTEM, chairOrganization, 2025, null, new BudgetCommand(tenge(4_750_000),
					tenge(4_812_000), tenge(380_000), tenge(418_644), Map.of()));
			budgets.save(DemoDataLoader.SYSTEM, chairOrganization, 2026, null,
					new BudgetCommand(tenge(5_000_000), null, tenge(500_000), null, Map.of()));
		}
	}

	/** Planned and actual amount of each line in {@link BudgetLineCategory} order; -1 is not entered. */
	private static Map<BudgetLineCategory, PlanFact> lines(long[][] amounts) {
		Map<BudgetLineCategory, PlanFact> lines = new EnumMap<>(BudgetLineCategory.class);
		BudgetLineCategory[] categories = BudgetLineCategory.values();
		for (int i = 0; i < categories.length; i++) {
			lines.put(categories[i], new PlanFact(amounts[i][0] < 0 ? null : tenge(amounts[i][0]),
					amounts[i][1] < 0 ? null : tenge(amounts[i][1])));
		}
		return lines;
	}

	private static BigDecimal tenge(long amount) {
		return BigDecimal.valueOf(amount).setScale(2);
	}
}
