package kz.oqytu.shared.web;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.validation.BindingResult;

import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;

/**
 * A form's POST in one place (issue #21): the action runs when the binding holds no error, and a
 * service's rule violation goes next to the field it names, or at the top of the form, which is
 * shown again.
 *
 * <pre>{@code
 * return Forms.submit(result, () -> {
 *     plans.create(me, form.year(), form.approval());
 *     redirect.addFlashAttribute("flash", "plans.flash.created");
 *     return "redirect:/plans/" + form.year();
 * }, () -> list(me, model));
 * }</pre>
 */
public final class Forms {

	private Forms() {
	}

	/**
	 * Runs {@code action} unless the binding has errors and answers its view; when the binding has
	 * errors, or the action breaks a rule ({@link #reject}), answers {@code form}'s view instead. Any
	 * other exception goes on to the caller.
	 *
	 * @param action the service call and its redirect, run at most once
	 * @param form the form's page again, with its model; run only when the action did not answer
	 */
	public static String submit(BindingResult result, Supplier<String> action, Supplier<String> form) {
		return submit(result, action, null, form);
	}

	/**
	 * As {@link #submit(BindingResult, Supplier, Supplier)} for a save that can meet someone else's
	 * change: a {@link ConflictException} from the action goes to {@code conflict} (which puts the
	 * typed values and the stored version into the model, {@link Conflicts#keepTyped}), then the form
	 * is shown again.
	 */
	public static String submit(BindingResult result, Supplier<String> action, Consumer<ConflictException> conflict,
			Supplier<String> form) {
		if (!result.hasErrors()) {
			try {
				return action.get();
			}
			catch (BusinessRuleException ex) {
				reject(result, ex);
			}
			catch (ConflictException ex) {
				if (conflict == null) {
					throw ex;
				}
				conflict.accept(ex);
			}
		}
		return form.get();
	}

	/** Puts a service's rule violation next to the field it names, or at the top of the form. */
	public static void reject(BindingResult result, BusinessRuleException ex) {
		if (ex.field() != null && result.getTarget() != null
				&& org.springframework.beans.BeanUtils.getPropertyDescriptor(result.getTarget().getClass(), ex.field()) != null) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
		}
		else if (ex.field() != null && result.getTarget() != null && result.getTarget().getClass().isRecord()
				&& hasComponent(result.getTarget().getClass(), ex.field())) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
		}
		else {
			result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
		}
	}

	private static boolean hasComponent(Class<?> type, String name) {
		for (var component : type.getRecordComponents()) {
			if (component.getName().equals(name)) {
				return true;
			}
		}
		return false;
	}
}
