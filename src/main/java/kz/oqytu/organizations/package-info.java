/**
 * The tree of union bodies (union, regions, district and city committees, primary organizations)
 * and membership snapshots: members of each primary organization on 1 January.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organizations",
		allowedDependencies = { "accounts", "shared" })
package kz.oqytu.organizations;
