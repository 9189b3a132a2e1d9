package kz.oqytu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The key and the arguments of a broken rule, and the guard against a value taken for the key. */
class BusinessRuleExceptionTests {

	@Test
	void aStringArgumentCastToObjectStaysAnArgument() {
		BusinessRuleException ex = new BusinessRuleException("staffreport.error.coverageNotApproved", (Object) "2025");
		assertThat(ex.messageKey()).isEqualTo("staffreport.error.coverageNotApproved");
		assertThat(ex.field()).isNull();
		assertThat(ex.arguments()).containsExactly("2025");
	}

	@Test
	void twoStringsWithAValueForTheKeyAreCaughtWhereAssertionsRun() {
		assertThatThrownBy(() -> new BusinessRuleException("staffreport.error.coverageNotApproved", "2025"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("not a message key: 2025");
		BusinessRuleException onField = new BusinessRuleException("title", "resdraft.error.empty");
		assertThat(onField.field()).isEqualTo("title");
		assertThat(onField.messageKey()).isEqualTo("resdraft.error.empty");
	}
}
