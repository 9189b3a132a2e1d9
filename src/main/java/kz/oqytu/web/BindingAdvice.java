package kz.oqytu.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Every form and parameter: strings trimmed at binding, blank becomes null.
 *
 * <p>Registered by the handler adapter's binding initializer, which runs for every data binder as Boot's
 * own (conversion service, validator) does, then adds the trimming. It used to be an {@code @InitBinder}
 * of a {@code @ControllerAdvice}: Spring MVC then made an invocable method of it on every request and
 * called it reflectively for every binder, one per request parameter (twelve on the event list) (issue
 * #17, the fixed cost of a page). A controller's own {@code @InitBinder} still runs after it.
 */
@Configuration(proxyBeanMethods = false)
class BindingAdvice {

	@Bean
	static BeanPostProcessor trimmingBinders() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof RequestMappingHandlerAdapter adapter) {
					adapter.setWebBindingInitializer(trimming(adapter.getWebBindingInitializer()));
				}
				return bean;
			}
		};
	}

	static WebBindingInitializer trimming(WebBindingInitializer boots) {
		return binder -> {
			if (boots != null) {
				boots.initBinder(binder);
			}
			binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
		};
	}
}
