package kz.oqytu.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files under four prefixes only, each cacheable for a year because its address changes with
 * its content: Oqytu's own CSS, scripts and images get a content hash in their name
 * ({@code /css/oqytu-<md5>.css}), WebJars their version ({@code /webjars/bootstrap/5.3.8/...}).
 * Templates keep writing {@code @{/css/oqytu.css}}; the resource-URL filter rewrites it.
 *
 * <p>Boot's catch-all {@code /**} mapping is off ({@code spring.web.resources.add-mappings: false}):
 * with it, that filter looked every link of a page ({@code /events/123}, the sort and pager links)
 * up in four classpath folders inside the jar before writing it out; half the CPU of the event list
 * went there (bench S4, docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js", "img" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(A_YEAR)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(A_YEAR)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}
}
