package kz.oqytu.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.Valve;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Forwarded headers ({@code X-Forwarded-For}, {@code X-Forwarded-Proto}) count only when the
 * connection comes from a proxy we named: {@code oqytu.proxies} (env {@code OQYTU_TRUSTED_PROXIES}),
 * comma-separated IP addresses or CIDR ranges, by default this machine only (127.0.0.1, ::1). Tomcat's
 * own default trusted every private range (10/8, 172.16/12, 192.168/16, ...), so anything on the same
 * network as the server could claim any client address or https. With this, behind the proxy
 * {@code request.getRemoteAddr()} is the client's address and {@code request.isSecure()} says
 * whether the client used https; from anywhere else both are the socket's.
 *
 * <p>It narrows the RemoteIpValve that {@code server.forward-headers-strategy: native} installs, after
 * Boot's own customizer has configured it. Issue #15, item 10; ASVS V14.5.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	/** An IPv4 or IPv6 literal with an optional prefix length: never a host name, which would need DNS. */
	private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]{1,3})?");

	private final String cidrs;

	TrustedProxies(@Value("${oqytu.proxies:127.0.0.1,::1}") String proxies) {
		this.cidrs = cidrs(proxies);
	}

	/**
	 * The list as Tomcat reads CIDR notation: every entry gets its prefix length, since Tomcat takes a
	 * value without any "/" for a regular expression.
	 */
	static String cidrs(String proxies) {
		List<String> entries = new ArrayList<>();
		for (String entry : proxies.split(",")) {
			String trimmed = entry.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			if (!ADDRESS.matcher(trimmed).matches()) {
				throw new IllegalArgumentException("oqytu.proxies: '" + trimmed + "' is not an IP address or CIDR range");
			}
			String cidr = trimmed.contains("/") ? trimmed : trimmed + (trimmed.contains(":") ? "/128" : "/32");
			try {
				new NetMask(cidr);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("oqytu.proxies: '" + trimmed + "' is not an IP address or CIDR range", ex);
			}
			entries.add(cidr);
		}
		if (entries.isEmpty()) {
			throw new IllegalArgumentException("oqytu.proxies is empty: name the proxy's address (127.0.0.1 for none)");
		}
		return String.join(", ", entries);
	}

	String cidrs() {
		return this.cidrs;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		for (Valve valve : factory.getEngineValves()) {
			if (valve instanceof RemoteIpValve remoteIp) {
				apply(remoteIp);
			}
		}
	}

	void apply(RemoteIpValve valve) {
		valve.setInternalProxies(this.cidrs);
		// Only the named proxies: no second list of "trusted" ones further out.
		valve.setTrustedProxies(null);
	}

	/** After Boot's customizer, which creates the valve with Tomcat's private-range default. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
