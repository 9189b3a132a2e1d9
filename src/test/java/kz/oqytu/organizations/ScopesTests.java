package kz.oqytu.organizations;

import org.junit.jupiter.api.Test;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scope predicate's text is the one the modules wrote by hand, and its prefix cannot widen a scope. */
class ScopesTests {

	@Test
	void writesThePredicatesAsTheyWereWrittenByHand() {
		assertThat(Scopes.within("u.path", "scope")).isEqualTo("u.path like :scope");
		assertThat(Scopes.within("path", "audience")).isEqualTo("path like :audience");
		assertThat(Scopes.under("o.path", "b.path")).isEqualTo("o.path like b.path || '%'");
		assertThat(Scopes.under(":scopePath", "o.path")).isEqualTo(":scopePath like o.path || '%'");
		assertThat(Scopes.startsWith("p.path", "g.path")).isEqualTo("starts_with(p.path, g.path)");
	}

	@Test
	void thePrefixIsTheScopeAndEverythingBelowIt() {
		assertThat(Scopes.prefix("/1/2/")).isEqualTo("/1/2/%");
		assertThat(Scopes.prefix("/1/")).isEqualTo("/1/%");
		// the trailing slash keeps /1/23/ out of /1/2/'s scope, as CurrentUser.covers does
		CurrentUser user = new CurrentUser(1, "m", "M", Role.METHODOLOGIST, 2, "/1/2/");
		String pattern = Scopes.prefix(user.scopePath());
		String prefix = pattern.substring(0, pattern.length() - 1);
		assertThat("/1/23/".startsWith(prefix)).isFalse().isEqualTo(user.covers("/1/23/"));
		assertThat("/1/2/45/".startsWith(prefix)).isTrue().isEqualTo(user.covers("/1/2/45/"));
	}

	@Test
	void refusesWhatIsNotAPathOrASqlName() {
		// a path with LIKE wildcards (or none) would widen the scope: only the registry's shape passes
		for (String path : new String[] { null, "", "/", "/1/2", "1/2/", "/1/%/", "/1/_/", "/1/2/%" }) {
			assertThatThrownBy(() -> Scopes.prefix(path)).isInstanceOf(IllegalArgumentException.class);
		}
		assertThatThrownBy(() -> Scopes.within("u.path or true", "scope")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Scopes.within("u.path", ":scope")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Scopes.under("o.path", "'/1/' || x")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Scopes.startsWith("o.path", null)).isInstanceOf(IllegalArgumentException.class);
	}
}
