package kz.oqytu.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files under four prefixes only. Oqytu's own CSS, scripts and images get a content hash in
 * their name ({@code /css/oqytu-<md5>.css}), WebJars their version ({@code /webjars/bootstrap/5.3.8/...}):
 * such an address never changes its content, so browsers keep it a year without asking again
 * ({@code immutable}, decision 0028). Templates keep writing {@code @{/css/oqytu.css}}; the
 * resource-URL filter rewrites it. The plain addresses still answer, but browsers check them again
 * on each use ({@code no-cache}, answered by 304 while unchanged): a file that changes on deploy under
 * the same name is never served stale.
 *
 * <p>Boot's catch-all {@code /**} mapping is off ({@code spring.web.resources.add-mappings: false}):
 * with it, that filter looked every link of a page ({@code /events/123}, the sort and pager links)
 * up in four classpath folders inside the jar before writing it out; half the CPU of the event list
 * went there (bench S4, docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	/** For addresses that carry their content's hash or version. */
	static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/** For the plain addresses: kept, but asked for again (a 304 while unchanged). */
	static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

	/**
	 * A file name with the content hash (32 hex digits) VersionResourceResolver puts before its extension;
	 * written out, as a path pattern takes no braces (nor slashes) inside its capture's regex.
	 */
	private static final String HASHED = "{file:.+-" + "[0-9a-f]".repeat(32) + "\\.[a-z0-9]+}";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js", "img" }) {
			// the more specific pattern (a hashed name) wins over the folder's catch-all
			registry.addResourceHandler("/" + folder + "/" + HASHED)
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(A_YEAR)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(REVALIDATE)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		// a version as the second segment: /webjars/bootstrap/5.3.8/css/bootstrap.min.css
		registry.addResourceHandler("/webjars/{webjar}/{version:\\d.*}/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(A_YEAR)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(REVALIDATE)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}
}
