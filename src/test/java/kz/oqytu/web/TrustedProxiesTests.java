package kz.oqytu.web;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #15, item 10: X-Forwarded-For and X-Forwarded-Proto count only from the proxies named in
 * {@code oqytu.proxies}, never from any private range. Tomcat's RemoteIpValve, configured as Boot
 * configures it and then narrowed by {@link TrustedProxies}, gets requests from given socket
 * addresses; what the application would see ({@code getRemoteAddr}, {@code isSecure}) is read after
 * it. That the running application's valve has exactly this list is
 * {@code security.HostPrefixedCookiesTests#theRunningServerTrustsOnlyTheConfiguredProxies}.
 */
public class TrustedProxiesTests {

	public record Seen(String remoteAddr, boolean secure) {
	}

	@Test
	void byDefaultOnlyThisMachineMaySetTheClientAddressAndHttps() throws Exception {
		TrustedProxies proxies = new TrustedProxies("127.0.0.1,::1");
		assertThat(proxies.cidrs()).isEqualTo("127.0.0.1/32, ::1/128");
		assertThat(through(proxies, "127.0.0.1")).isEqualTo(new Seen("203.0.113.7", true));
		assertThat(through(proxies, "0:0:0:0:0:0:0:1")).isEqualTo(new Seen("203.0.113.7", true));
		// Private ranges Tomcat trusts by default: here the socket's address stays, and plain http.
		for (String neighbour : new String[] { "10.0.0.5", "172.17.0.1", "192.168.1.20", "100.64.0.1", "169.254.1.1",
				"127.0.0.2", "fd00:0:0:0:0:0:0:1" }) {
			assertThat(through(proxies, neighbour)).as(neighbour).isEqualTo(new Seen(neighbour, false));
		}
	}

	@Test
	void tomcatsOwnDefaultWouldBelieveAnyNeighbourOnAPrivateNetwork() throws Exception {
		// What the server did before: Boot's valve with Tomcat's internal-proxies default.
		assertThat(through(bootsValve(), "172.17.0.1", "203.0.113.7")).isEqualTo(new Seen("203.0.113.7", true));
		assertThat(through(bootsValve(), "192.168.1.20", "203.0.113.7")).isEqualTo(new Seen("203.0.113.7", true));
	}

	@Test
	void aConfiguredProxyOrRangeIsBelievedAndNothingElse() throws Exception {
		TrustedProxies proxies = new TrustedProxies(" 172.28.0.0/16 , 10.0.0.7,2001:db8::/32 ");
		assertThat(proxies.cidrs()).isEqualTo("172.28.0.0/16, 10.0.0.7/32, 2001:db8::/32");
		assertThat(through(proxies, "172.28.3.4")).isEqualTo(new Seen("203.0.113.7", true));
		assertThat(through(proxies, "10.0.0.7")).isEqualTo(new Seen("203.0.113.7", true));
		assertThat(through(proxies, "2001:db8:0:0:0:0:0:9")).isEqualTo(new Seen("203.0.113.7", true));
		assertThat(through(proxies, "10.0.0.8")).isEqualTo(new Seen("10.0.0.8", false));
		assertThat(through(proxies, "127.0.0.1")).as("not named, so not believed").isEqualTo(new Seen("127.0.0.1", false));
	}

	@Test
	void aClientCannotSlipAnAddressPastTheProxy() throws Exception {
		// nginx appends the address it saw; what the client wrote before it is not believed.
		TrustedProxies proxies = new TrustedProxies("127.0.0.1");
		assertThat(through(proxies, "127.0.0.1", "198.51.100.1, 203.0.113.7").remoteAddr()).isEqualTo("203.0.113.7");
	}

	@Test
	void anythingButAddressesIsRefusedAtStartup() {
		for (String wrong : new String[] { "nginx", "10.0.0.0/40", "10.0.0.*", "", " , ", "10\\.0\\.0\\.1" }) {
			assertThatThrownBy(() -> new TrustedProxies(wrong)).as(wrong)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("oqytu.proxies");
		}
	}

	/** A request from the given socket address through the valve, with forwarded headers claiming a client on https. */
	static Seen through(TrustedProxies proxies, String socketAddress) throws Exception {
		return through(proxies, socketAddress, "203.0.113.7");
	}

	static Seen through(TrustedProxies proxies, String socketAddress, String forwardedFor) throws Exception {
		RemoteIpValve valve = bootsValve();
		proxies.apply(valve);
		return through(valve, socketAddress, forwardedFor);
	}

	/** The valve as Boot's TomcatWebServerFactoryCustomizer creates it for the native strategy. */
	public static RemoteIpValve bootsValve() {
		RemoteIpValve valve = new RemoteIpValve();
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		valve.setPortHeader("X-Forwarded-Port");
		return valve;
	}

	public static Seen through(RemoteIpValve valve, String socketAddress, String forwardedFor) throws Exception {
		AtomicReference<Seen> seen = new AtomicReference<>();
		valve.setNext(new ValveBase() {
			@Override
			public void invoke(Request request, Response response) {
				seen.set(new Seen(request.getRemoteAddr(), request.isSecure()));
			}
		});
		org.apache.coyote.Request coyote = new org.apache.coyote.Request();
		coyote.scheme().setString("http");
		coyote.getMimeHeaders().addValue("X-Forwarded-For").setString(forwardedFor);
		coyote.getMimeHeaders().addValue("X-Forwarded-Proto").setString("https");
		Request request = new Request(new org.apache.catalina.connector.Connector(), coyote);
		request.setRemoteAddr(socketAddress);
		request.setRemoteHost(socketAddress);
		valve.invoke(request, new Response(new org.apache.coyote.Response()));
		return seen.get();
	}
}
