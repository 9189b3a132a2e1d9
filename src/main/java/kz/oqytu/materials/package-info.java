/**
 * Methodical materials (cases, recommendations, collections, guides): their versions, whose files
 * are kept in PostgreSQL, their distribution to primary organizations and each organization's receipt.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Materials",
		allowedDependencies = { "accounts", "organizations", "shared", "training" })
package kz.oqytu.materials;
