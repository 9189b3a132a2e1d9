package kz.oqytu.shared.pdf;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/** Renders a Thymeleaf template outside a web request (for PDFs), with beans such as {@code @fmt}. */
@Component
public class Templates {

	private final SpringTemplateEngine engine;

	private final ApplicationContext context;

	public Templates(SpringTemplateEngine engine, ApplicationContext context) {
		this.engine = engine;
		this.context = context;
	}

	public String render(String template, Locale locale, Map<String, Object> variables) {
		Context ctx = new Context(locale);
		ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		variables.forEach(ctx::setVariable);
		Locale previous = LocaleContextHolder.getLocale();
		try {
			LocaleContextHolder.setLocale(locale);
			return engine.process(template, ctx);
		}
		finally {
			LocaleContextHolder.setLocale(previous);
		}
	}
}
