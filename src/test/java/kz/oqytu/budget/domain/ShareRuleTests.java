package kz.oqytu.budget.domain;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import kz.oqytu.budget.BudgetShare;
import kz.oqytu.budget.BudgetStatus;
import kz.oqytu.budget.FigureBasis;
import kz.oqytu.shared.NumberFormats;
import kz.oqytu.shared.Percent;

import static org.assertj.core.api.Assertions.assertThat;

/** Training share against the norm: the union's truncation, the basis of the figures, the shortfall. */
class ShareRuleTests {

	private static final Percent TEN = Percent.ofValue("10");

	private static final Locale KK = Locale.forLanguageTag("kk");

	@Test
	void eightThousandOfAHundredThousandIsEightPercentAndBelowTheNorm() {
		BudgetShare share = actual("100000", "8000");
		assertThat(share.share()).isEqualTo(Percent.ofValue("8"));
		assertThat(NumberFormats.percentCompact(share.share(), KK)).isEqualTo("8%");
		assertThat(share.status()).isEqualTo(BudgetStatus.BELOW);
		assertThat(share.shortfallPoints()).isEqualTo(Percent.ofValue("2"));
		assertThat(share.shortfallAmount()).isEqualByComparingTo("2000.00");
	}

	@Test
	void exactlyTenPercentMeetsTheNorm() {
		BudgetShare share = actual("160000000.00", "16000000.00");
		assertThat(NumberFormats.percentCompact(share.share(), KK)).isEqualTo("10%");
		assertThat(share.status()).isEqualTo(BudgetStatus.MEETS);
		assertThat(share.shortfallAmount()).isEqualByComparingTo("0");
		assertThat(share.shortfallPoints()).isEqualTo(Percent.ofValue("0"));
	}

	@Test
	void ninePointNineNineIsPrintedNinePointNineAndIsBelowTheNorm() {
		// 9 999,99 of 100 000 = 9,99999%: truncated to 9,9%, never rounded up to 10%.
		BudgetShare share = actual("100000.00", "9999.99");
		assertThat(NumberFormats.percentCompact(share.share(), KK)).isEqualTo("9,9%");
		assertThat(NumberFormats.percentCompact(share.share(), Locale.ENGLISH)).isEqualTo("9.9%");
		assertThat(share.status()).isEqualTo(BudgetStatus.BELOW);
		assertThat(share.shortfallPoints()).isEqualTo(Percent.ofValue("0.1"));
		assertThat(share.shortfallAmount()).isEqualByComparingTo("0.01");
	}

	@Test
	void aZeroExpenditureIsNoDataRatherThanADivisionError() {
		BudgetShare share = actual("0.00", "0.00");
		assertThat(share.status()).isEqualTo(BudgetStatus.NO_DATA);
		assertThat(share.basis()).isEqualTo(FigureBasis.NONE);
		assertThat(share.share()).isNull();
		assertThat(share.shortfallAmount()).isNull();
		assertThat(share.norm()).isEqualTo(TEN);
	}

	@Test
	void nothingEnteredIsNoData() {
		assertThat(ShareRule.evaluate(2, 2027, null, null, null, null, TEN).status()).isEqualTo(BudgetStatus.NO_DATA);
	}

	@Test
	void thePlanDecidesWhileTheActualFiguresAreMissing() {
		BudgetShare share = ShareRule.evaluate(2, 2026, money("160000000"), null, money("16000000"), null, TEN);
		assertThat(share.basis()).isEqualTo(FigureBasis.PLANNED);
		assertThat(share.fromPlan()).isTrue();
		assertThat(share.status()).isEqualTo(BudgetStatus.MEETS);
		assertThat(share.totalExpenditure()).isEqualByComparingTo("160000000");
	}

	@Test
	void theActualFiguresWinOverThePlan() {
		BudgetShare share = ShareRule.evaluate(2, 2025, money("100000"), money("150000000"), money("10000"),
				money("12000000"), TEN);
		assertThat(share.basis()).isEqualTo(FigureBasis.ACTUAL);
		assertThat(share.share()).isEqualTo(Percent.ofValue("8"));
		assertThat(share.shortfallAmount()).isEqualByComparingTo("3000000.00");
	}

	@Test
	void aShareWithADecimalPrintsOneTruncatedDecimal() {
		BudgetShare share = actual("6100000.00", "579500.00");
		assertThat(NumberFormats.percentCompact(share.share(), KK)).isEqualTo("9,5%");
	}

	@Test
	void theShortfallIsRoundedUpToTheTiynSoThatPayingItReachesTheNorm() {
		// 10% of 1 234 567,89 is 123 456,789: 123 456,79 reaches the norm, 123 456,78 would not.
		BudgetShare share = actual("1234567.89", "100000.00");
		assertThat(share.shortfallAmount()).isEqualByComparingTo("23456.79");
		BudgetShare after = actual("1234567.89", "123456.79");
		assertThat(after.status()).isEqualTo(BudgetStatus.MEETS);
	}

	@Test
	void aDifferentNormIsHonoured() {
		BudgetShare share = ShareRule.evaluate(3, 2030, null, money("1000"), null, money("95"), Percent.ofValue("9.5"));
		assertThat(share.status()).isEqualTo(BudgetStatus.MEETS);
	}

	private static BudgetShare actual(String total, String training) {
		return ShareRule.evaluate(2, 2025, null, money(total), null, money(training), TEN);
	}

	private static BigDecimal money(String value) {
		return new BigDecimal(value);
	}
}
