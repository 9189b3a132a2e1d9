package kz.oqytu.notifications.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message from {@code templates/mail/{template}.html} and {@code .txt} with a Thymeleaf
 * engine of its own (HTML and TEXT modes; the web engine stays as Boot made it), {@code #{...}}
 * resolved in the recipient's locale from the app's message bundles; {@code subject} and
 * {@code publicUrl} are always among the variables.
 */
@Component
public class MailRenderer {

	public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("kk");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

	private final SpringTemplateEngine engine;

	private final MessageSource messages;

	private final ApplicationContext context;

	private final String publicUrl;

	MailRenderer(MessageSource messages, ApplicationContext context, Environment environment) {
		this.messages = messages;
		this.context = context;
		String url = environment.getProperty("oqytu.public-url", "http://localhost:8080");
		this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		this.engine = new SpringTemplateEngine();
		engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
		engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
		engine.setTemplateEngineMessageSource(messages);
	}

	private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setResolvablePatterns(java.util.Set.of(pattern));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	public String publicUrl() {
		return publicUrl;
	}

	/** Subject, plain text and HTML, as they will be sent. */
	public RenderedMail render(String template, Locale locale, Map<String, Object> variables) {
		if (template == null || !template.matches("[a-z0-9][a-z0-9-]*")) {
			throw new IllegalArgumentException("Mail template names are kebab-case: " + template);
		}
		Locale in = locale == null ? DEFAULT_LOCALE : locale;
		Map<String, Object> all = new HashMap<>();
		if (variables != null) {
			all.putAll(variables);
		}
		all.put("publicUrl", publicUrl);
		String subject = subject(template, in, all);
		all.put("subject", subject);
		Context ctx = new Context(in);
		ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		all.forEach(ctx::setVariable);
		String html = engine.process(template + ".html", ctx);
		String text = engine.process(template + ".txt", ctx);
		return new RenderedMail(subject, text, html);
	}

	private String subject(String template, Locale locale, Map<String, Object> variables) {
		String raw;
		try {
			raw = messages.getMessage("mail." + template + ".subject", null, locale);
		}
		catch (NoSuchMessageException ex) {
			throw new IllegalArgumentException("No subject for mail template " + template + ": add mail."
					+ template + ".subject to the message bundles", ex);
		}
		Matcher m = PLACEHOLDER.matcher(raw);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			Object value = variables.get(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
		}
		m.appendTail(out);
		String subject = out.toString().replaceAll("\\s+", " ").trim();
		return subject.length() > 500 ? subject.substring(0, 500) : subject;
	}

	/** A message as it is stored and sent. */
	public record RenderedMail(String subject, String text, String html) {
	}
}
