/**
 * The performance bench: a deterministic national-scale data generator for a separate database, and
 * (only under the {@code bench} profile) the open baseline endpoints the bench compares pages with.
 * Nothing here runs in production: the generator is a main class run by {@code bench/run}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bench")
package kz.oqytu.bench;
