package kz.oqytu.shared.pdf;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import kz.oqytu.shared.NumberFormats;

/**
 * Renders a Thymeleaf template outside a web request (for PDFs), with beans such as {@code @fmt},
 * and {@code madeAt}: the time the file is made ("03.12.2026 18:05", the union's zone), which the
 * footer fragment {@code fragments/pdf :: made-at} prints on every page.
 */
@Component
public class Templates {

	private final SpringTemplateEngine engine;

	private final ApplicationContext context;

	private final Clock clock;

	public Templates(SpringTemplateEngine engine, ApplicationContext context, Clock clock) {
		this.engine = engine;
		this.context = context;
		this.clock = clock;
	}

	public String render(String template, Locale locale, Map<String, Object> variables) {
		Context ctx = new Context(locale);
		ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		ctx.setVariable("madeAt", NumberFormats.dateTime(LocalDateTime.now(clock)));
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
