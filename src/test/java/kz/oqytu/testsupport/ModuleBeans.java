package kz.oqytu.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;

/** Which of the application's own beans a context holds, to show that a module test starts only its modules. */
public final class ModuleBeans {

	private ModuleBeans() {
	}

	/** The modules (first package below {@code kz.oqytu}) the context's beans come from, test support left out. */
	public static Set<String> modulesOf(ApplicationContext context) {
		Set<String> modules = new TreeSet<>();
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(name, false);
			if (type == null || !type.getName().startsWith("kz.oqytu.")) {
				continue;
			}
			String rest = type.getName().substring("kz.oqytu.".length());
			int dot = rest.indexOf('.');
			if (dot < 0 || rest.startsWith("testsupport.")) {
				continue; // the application class itself, or test support
			}
			modules.add(rest.substring(0, dot));
		}
		return modules;
	}

	/** The beans of the application's own that the context holds, for a failing test to show. */
	public static List<String> names(ApplicationContext context) {
		List<String> names = new ArrayList<>();
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(name, false);
			if (type != null && type.getName().startsWith("kz.oqytu.")) {
				names.add(type.getName());
			}
		}
		return names;
	}
}
