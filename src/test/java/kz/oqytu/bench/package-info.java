/**
 * The performance bench, in test scope (decision 0034): a deterministic national-scale data generator
 * for a separate database, and (only under the {@code bench} profile) the open baseline endpoints the
 * bench compares pages with. None of it is in the production jar: bench/run puts the compiled bench
 * classes beside the jar on {@code loader.path}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bench")
package kz.oqytu.bench;
