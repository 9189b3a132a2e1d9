/**
 * Users, roles, login and the current user's scope: the node of the union tree an account acts in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts",
		allowedDependencies = { "notifications", "shared" })
package kz.oqytu.accounts;
