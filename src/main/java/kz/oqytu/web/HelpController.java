package kz.oqytu.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The user guide at /help: the list of chapters and one chapter per role, in the reader's language.
 * Open to everyone, signed in or not: a participant reads their chapter before any account exists, and
 * the guide holds nothing that is not on the pages themselves (decision 0027).
 */
@Controller
class HelpController {

	private final HelpGuide guide;

	HelpController(HelpGuide guide) {
		this.guide = guide;
	}

	@GetMapping("/help")
	String index(Locale locale, Model model) {
		model.addAttribute("chapters", HelpGuide.CHAPTERS.stream().map(c -> guide.chapter(c, locale.getLanguage())).toList());
		return "help/index";
	}

	@GetMapping("/help/{chapter:methodologist|chair|executive|admin|participant}")
	String chapter(@PathVariable String chapter, Locale locale, Model model) {
		model.addAttribute("chapter", guide.chapter(chapter, locale.getLanguage()));
		return "help/chapter";
	}

	/** The guide's screenshots, packaged from docs/guide/img; not content-hashed, so cached for a day only. */
	@Configuration(proxyBeanMethods = false)
	static class HelpImages implements WebMvcConfigurer {

		@Override
		public void addResourceHandlers(ResourceHandlerRegistry registry) {
			registry.addResourceHandler("/help/img/**")
				.addResourceLocations("classpath:/guide/img/")
				.setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
		}
	}
}
