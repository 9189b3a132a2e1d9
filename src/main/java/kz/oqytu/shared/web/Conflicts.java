package kz.oqytu.shared.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * A save that met someone else's change (optimistic lock): the form comes back with what the user
 * typed, the value now stored beside each field that differs ("changed meanwhile to: …"), and the
 * stored version, so that saving again overwrites deliberately. The page answers 409.
 */
public final class Conflicts {

	/** Model attribute: field name → value now stored, for the fields where it differs from the typed one. */
	public static final String MEANWHILE = "meanwhile";

	private Conflicts() {
	}

	/**
	 * Puts the typed form back with the stored version and the differences. Controllers may replace a
	 * difference's value by its label (an id by a name, a code by its word) in the returned map.
	 *
	 * @param typed the form as the user sent it
	 * @param stored the form as the record now stands
	 */
	public static <F extends Record> Map<String, Object> keepTyped(Model model, String formName, F typed, F stored,
			HttpServletResponse response) {
		return keepTyped(model, formName, typed, stored, response, Conflicts::same);
	}

	/** As above, with the form's own sense of two values being the same (amounts typed as text, say). */
	public static <F extends Record> Map<String, Object> keepTyped(Model model, String formName, F typed, F stored,
			HttpServletResponse response, BiPredicate<Object, Object> sameValue) {
		Map<String, Object> meanwhile = new LinkedHashMap<>();
		RecordComponent[] components = typed.getClass().getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			RecordComponent c = components[i];
			types[i] = c.getType();
			Object mine = read(c, typed);
			Object theirs = read(c, stored);
			if ("version".equals(c.getName())) {
				values[i] = theirs;
				continue;
			}
			values[i] = mine;
			if (!same(mine, theirs) && !sameValue.test(mine, theirs)) {
				meanwhile.put(c.getName(), theirs);
			}
		}
		F again = construct(typed, types, values);
		BindingResult result = new BeanPropertyBindingResult(again, formName);
		result.reject("form.conflict.meanwhile");
		model.addAllAttributes(result.getModel());
		model.addAttribute(MEANWHILE, meanwhile);
		response.setStatus(HttpStatus.CONFLICT.value());
		return meanwhile;
	}

	/** Whether two field values say the same: blank text as none, numbers by value, collections as sets. */
	static boolean same(Object a, Object b) {
		a = normal(a);
		b = normal(b);
		if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
			return x.compareTo(y) == 0;
		}
		if (a instanceof Collection<?> x && b instanceof Collection<?> y) {
			return new HashSet<>(x).equals(new HashSet<>(y));
		}
		return Objects.equals(a, b);
	}

	private static Object normal(Object value) {
		if (value instanceof String s && s.isBlank()) {
			return null;
		}
		if (value instanceof String s) {
			return s.strip();
		}
		if (value instanceof Collection<?> c && c.isEmpty()) {
			return null;
		}
		if (value instanceof Map<?, ?> m) {
			Map<Object, Object> kept = new LinkedHashMap<>();
			m.forEach((k, v) -> {
				Object n = v instanceof Number number && number.longValue() == 0 ? null : normal(v);
				if (n != null) {
					kept.put(k, n);
				}
			});
			return kept.isEmpty() ? null : kept;
		}
		return value;
	}

	private static Object read(RecordComponent component, Object record) {
		try {
			var accessor = component.getAccessor();
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot read " + component.getName(), ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static <F> F construct(F like, Class<?>[] types, Object[] values) {
		try {
			Constructor<?> constructor = like.getClass().getDeclaredConstructor(types);
			constructor.setAccessible(true);
			return (F) constructor.newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot copy " + like.getClass().getSimpleName(), ex);
		}
	}
}
