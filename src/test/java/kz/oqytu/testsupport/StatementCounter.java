package kz.oqytu.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application prepares, on the current thread, so a test can
 * assert that a page issues a bounded number of statements whatever its row count.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	private static final ThreadLocal<AtomicInteger> COUNT = ThreadLocal.withInitial(AtomicInteger::new);

	private static final ThreadLocal<java.util.List<String>> SQL = ThreadLocal.withInitial(java.util.ArrayList::new);

	/** Everything asked of a connection on this thread that reaches PostgreSQL or ends a transaction. */
	private static final ThreadLocal<java.util.List<String>> CALLS = ThreadLocal.withInitial(java.util.ArrayList::new);

	public static void reset() {
		COUNT.get().set(0);
		SQL.get().clear();
		CALLS.get().clear();
	}

	/**
	 * Every statement prepared since the last reset (the session store's and the audit actor's too, the first
	 * 60 characters) and every {@code setAutoCommit}, {@code commit} and {@code rollback}, in order.
	 */
	public static java.util.List<String> calls() {
		return java.util.List.copyOf(CALLS.get());
	}

	/** The statements counted since the last reset, for a failing test to show. */
	public static java.util.List<String> statements() {
		return java.util.List.copyOf(SQL.get());
	}

	/**
	 * Kept up to a bound: a thread whose test never resets (most threads of the run) would otherwise keep every
	 * statement of the run.
	 */
	private static void record(java.util.List<String> list, String entry) {
		if (list.size() < 2_000) {
			list.add(entry);
		}
	}

	public static int count() {
		return COUNT.get().get();
	}

	@Bean
	static BeanPostProcessor statementCountingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)) {
					return new CountingDataSource(dataSource);
				}
				return bean;
			}
		};
	}

	static final class CountingDataSource extends DelegatingDataSource {

		CountingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws java.sql.SQLException {
			return counting(super.getConnection(username, password));
		}

		private static Connection counting(Connection connection) {
			InvocationHandler handler = (proxy, method, args) -> {
				String name = method.getName();
				if (args != null && args.length > 0 && args[0] instanceof String sql
						&& (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall"))) {
					String flat = sql.strip().replaceAll("\\s+", " ");
					record(CALLS.get(), flat.length() > 60 ? flat.substring(0, 60) : flat);
				}
				else if (name.equals("setAutoCommit")) {
					record(CALLS.get(), "setAutoCommit(" + args[0] + ")");
				}
				else if (name.equals("commit") || name.equals("rollback")) {
					record(CALLS.get(), name);
				}
				boolean session = args != null && args.length > 0 && args[0] instanceof String sql
						&& (sql.toUpperCase(java.util.Locale.ROOT).contains("SPRING_SESSION") || sql.contains("oqytu.actor"));
				// The session store's own statements (Spring Session JDBC) and the audit actor's are not the page's queries.
				if (!session && (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall"))) {
					COUNT.get().incrementAndGet();
					if (args != null && args.length > 0 && args[0] instanceof String sql) {
						record(SQL.get(), sql.length() > 160 ? sql.substring(0, 160) : sql);
					}
				}
				try {
					return method.invoke(connection, args);
				}
				catch (java.lang.reflect.InvocationTargetException ex) {
					throw ex.getCause();
				}
			};
			return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}
	}
}
