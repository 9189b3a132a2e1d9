package kz.oqytu.organizations;

import java.util.regex.Pattern;

/**
 * The one way to say in SQL that a union body lies in a scope (issue #21, decision 57). A body's
 * materialized path ("/1/2/15/", V001) begins with the path of every body above it, so "in the
 * subtree of /1/2/" is the prefix match {@code path like '/1/2/%'}, which the path index
 * ({@code text_pattern_ops}) answers with an index scan when the prefix is known at planning (every
 * statement is planned for its own values, issue #17). The methods return SQL text for the caller's
 * own statement: the planner sees exactly what it saw when each module wrote the predicate by hand.
 */
public final class Scopes {

	/** A SQL name a path may be read from: a column, optionally qualified ({@code u.path}), or a parameter. */
	private static final Pattern EXPRESSION = Pattern.compile(":?[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PARAMETER = Pattern.compile("[a-z_][a-z0-9_]*", Pattern.CASE_INSENSITIVE);

	/** The shape the registry enforces on every path (V001's {@code org_unit_path_shape}): no LIKE wildcards. */
	private static final Pattern PATH = Pattern.compile("(/[0-9]+)+/");

	private Scopes() {
	}

	/**
	 * {@code <path> like :<parameter>}: the body whose path is read from {@code path} (e.g.
	 * {@code "u.path"}) lies in the scope bound to {@code :parameter} as {@link #prefix(String)}.
	 */
	public static String within(String path, String parameter) {
		return expression(path) + " like :" + parameter(parameter);
	}

	/**
	 * {@code <path> like <ancestorPath> || '%'}: the body at {@code path} lies at or below the body at
	 * {@code ancestorPath}, both read from the statement (columns, or a parameter bound to a plain
	 * path, e.g. {@code under(":scopePath", "o.path")}: the scope lies at or below {@code o}). For
	 * joins between bodies, where neither side is a fixed prefix.
	 */
	public static String under(String path, String ancestorPath) {
		return expression(path) + " like " + expression(ancestorPath) + " || '%'";
	}

	/**
	 * {@code starts_with(<path>, <ancestorPath>)}: the test of {@link #under} as a function call, for
	 * the statements written with it, which compare paths between rows of small sets (no pattern for the
	 * planner to read, and none of its estimates for a pattern): their text and plans stay as they were.
	 */
	public static String startsWith(String path, String ancestorPath) {
		return "starts_with(" + expression(path) + ", " + expression(ancestorPath) + ")";
	}

	/** The value to bind for {@link #within}: the scope's body and everything below it. */
	public static String prefix(String scopePath) {
		if (scopePath == null || !PATH.matcher(scopePath).matches()) {
			throw new IllegalArgumentException("not a union body's path: " + scopePath);
		}
		return scopePath + "%";
	}

	private static String expression(String sql) {
		if (sql == null || !EXPRESSION.matcher(sql).matches()) {
			throw new IllegalArgumentException("not a path column or parameter: " + sql);
		}
		return sql;
	}

	private static String parameter(String name) {
		if (name == null || !PARAMETER.matcher(name).matches()) {
			throw new IllegalArgumentException("not a parameter name: " + name);
		}
		return name;
	}
}
