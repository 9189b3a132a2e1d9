package kz.oqytu.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Forms.submit runs the action on a clean binding, and shows the form again with a broken rule. */
class FormsTests {

	record ThingForm(String name, Integer year) {
	}

	private final BindingResult result = new BeanPropertyBindingResult(new ThingForm("Ақ", 2027), "form");

	private final AtomicInteger actions = new AtomicInteger();

	private final AtomicInteger forms = new AtomicInteger();

	private String form() {
		forms.incrementAndGet();
		return "things/form";
	}

	@Test
	void runsTheActionAndAnswersItsViewWhenTheBindingHasNoErrors() {
		String view = Forms.submit(result, () -> {
			actions.incrementAndGet();
			return "redirect:/things/7";
		}, this::form);

		assertThat(view).isEqualTo("redirect:/things/7");
		assertThat(actions).hasValue(1);
		assertThat(forms).hasValue(0);
		assertThat(result.hasErrors()).isFalse();
	}

	@Test
	void showsTheFormWithoutRunningTheActionWhenTheBindingHasErrors() {
		result.rejectValue("year", "validation.required");

		String view = Forms.submit(result, () -> {
			actions.incrementAndGet();
			return "redirect:/things/7";
		}, this::form);

		assertThat(view).isEqualTo("things/form");
		assertThat(actions).hasValue(0);
		assertThat(forms).hasValue(1);
		assertThat(result.getErrorCount()).isEqualTo(1);
	}

	@Test
	void aRuleThatNamesAFieldGoesBesideItAndTheFormIsShownAgain() {
		String view = Forms.submit(result, () -> {
			throw new BusinessRuleException("year", "things.error.yearTaken", 2027);
		}, this::form);

		assertThat(view).isEqualTo("things/form");
		assertThat(forms).hasValue(1);
		assertThat(result.getGlobalErrors()).isEmpty();
		assertThat(result.getFieldError("year")).isNotNull();
		assertThat(result.getFieldError("year").getCode()).isEqualTo("things.error.yearTaken");
		assertThat(result.getFieldError("year").getArguments()).containsExactly(2027);
		assertThat(result.getFieldError("year").getDefaultMessage()).isEqualTo("things.error.yearTaken");
	}

	@Test
	void aRuleWithoutAFieldGoesToTheTop() {
		String view = Forms.submit(result, () -> {
			throw new BusinessRuleException("things.error.closed");
		}, this::form);

		assertThat(view).isEqualTo("things/form");
		assertThat(forms).hasValue(1);
		assertThat(result.getFieldErrors()).isEmpty();
		assertThat(result.getGlobalErrors()).extracting(e -> e.getCode()).containsExactly("things.error.closed");
	}

	@Test
	void aRuleNamingAFieldTheFormLacksGoesToTheTop() {
		String view = Forms.submit(result, () -> {
			throw new BusinessRuleException("rows[3].count", "things.error.count", 5);
		}, this::form);

		assertThat(view).isEqualTo("things/form");
		assertThat(result.getFieldErrors()).isEmpty();
		assertThat(result.getGlobalErrors()).extracting(e -> e.getCode()).containsExactly("things.error.count");
		assertThat(result.getGlobalErrors().get(0).getArguments()).containsExactly(5);
	}

	@Test
	void anyOtherExceptionGoesOnAndTheFormIsNotShown() {
		assertThatThrownBy(() -> Forms.submit(result, () -> {
			throw new IllegalStateException("database down");
		}, this::form)).isInstanceOf(IllegalStateException.class).hasMessage("database down");
		// without a conflict handler a stale version goes on to its 409 page as before
		assertThatThrownBy(() -> Forms.submit(result, () -> {
			throw new ConflictException("thing 7");
		}, this::form)).isInstanceOf(ConflictException.class);

		assertThat(forms).hasValue(0);
		assertThat(result.hasErrors()).isFalse();
	}

	@Test
	void aConflictGoesToItsHandlerThenTheFormIsShownAgain() {
		List<String> steps = new ArrayList<>();

		String view = Forms.submit(result, () -> {
			throw new ConflictException("thing 7");
		}, conflict -> steps.add("conflict"), () -> {
			steps.add("form");
			return "things/form";
		});

		assertThat(view).isEqualTo("things/form");
		assertThat(steps).containsExactly("conflict", "form");
		assertThat(result.hasErrors()).isFalse();
	}

	@Test
	void withAConflictHandlerARuleIsStillRejectedAndTheHandlerNotCalled() {
		List<String> steps = new ArrayList<>();

		String view = Forms.submit(result, () -> {
			throw new BusinessRuleException("name", "things.error.nameTaken");
		}, conflict -> steps.add("conflict"), this::form);

		assertThat(view).isEqualTo("things/form");
		assertThat(steps).isEmpty();
		assertThat(result.getFieldError("name").getCode()).isEqualTo("things.error.nameTaken");
	}

	@Test
	void withAConflictHandlerTheActionRunsNotOnBindingErrors() {
		result.reject("things.error.typed");
		List<String> steps = new ArrayList<>();

		String view = Forms.submit(result, () -> {
			steps.add("action");
			return "redirect:/things/7";
		}, conflict -> steps.add("conflict"), this::form);

		assertThat(view).isEqualTo("things/form");
		assertThat(steps).isEmpty();
	}
}
