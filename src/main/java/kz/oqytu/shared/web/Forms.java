package kz.oqytu.shared.web;

import org.springframework.validation.BindingResult;

import kz.oqytu.shared.BusinessRuleException;

/** Puts a service's rule violation next to the field it names, or at the top of the form. */
public final class Forms {

	private Forms() {
	}

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
