package kz.oqytu.organizations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves organization names as typed in a list against the registry of one scope, read once
 * (one statement for the units, one for the aliases), so a list of thousands of rows costs no
 * statement per row. A spelling matches by its alias, by its {@link OrganizationNames#key key}, or by
 * its key without the district words, inside the event's district first. Otherwise it is unknown
 * (no candidate) or ambiguous (several), and {@link #suggest} ranks the registry by similarity.
 */
public final class NameMatcher {

	/** A unit that can be named: its names, the committee it belongs to (itself for a committee). */
	public record Unit(long id, String nameKk, String nameRu, long districtId) {
	}

	public enum Outcome {
		FOUND, AMBIGUOUS, UNKNOWN
	}

	public record Match(Outcome outcome, Long id, boolean byAlias) {

		static final Match UNKNOWN = new Match(Outcome.UNKNOWN, null, false);

		static final Match AMBIGUOUS = new Match(Outcome.AMBIGUOUS, null, false);
	}

	/** Suggestions below this similarity are not offered. */
	static final double MIN_SIMILARITY = 0.25;

	/** What lying in the event's district adds to a suggestion's similarity when ranking. */
	static final double DISTRICT_BONUS = 0.3;

	private final List<Unit> units;

	private final Map<String, Long> aliases;

	private final Set<String> districtStems;

	private final Map<String, Set<Long>> byKey = new HashMap<>();

	private final Map<String, Set<Long>> byShortKey = new HashMap<>();

	private final Map<Long, Unit> byId = new HashMap<>();

	private final Map<Long, String[]> keys = new HashMap<>();

	/** The district words (stems) each unit's names carry: "алга", "алгин" for an Алға school. */
	private final Map<Long, Set<String>> unitDistricts = new HashMap<>();

	/**
	 * @param aliases alias keys ({@link OrganizationNames#key}) to unit ids; null where two units share one
	 * @param districtNames names of the district and city committees, whose words are left out of short keys
	 */
	public NameMatcher(List<Unit> units, Map<String, Long> aliases, List<String> districtNames) {
		this.units = units;
		this.aliases = aliases;
		this.districtStems = new HashSet<>();
		for (String name : districtNames) {
			for (String w : OrganizationNames.words(name)) {
				if (!w.startsWith("#") && w.length() > 1) {
					districtStems.add(OrganizationNames.stem(w));
				}
			}
		}
		for (Unit u : units) {
			byId.put(u.id(), u);
			String[] k = new String[4];
			int i = 0;
			for (String name : new String[] { u.nameKk(), u.nameRu() }) {
				if (name == null || name.isBlank()) {
					i += 2;
					continue;
				}
				k[i++] = OrganizationNames.key(name);
				k[i++] = OrganizationNames.keyWithout(name, districtStems);
			}
			keys.put(u.id(), k);
			unitDistricts.put(u.id(), districtWords(u.nameKk() + " " + (u.nameRu() == null ? "" : u.nameRu())));
			for (int j = 0; j < 4; j += 2) {
				if (k[j] != null && !k[j].isEmpty()) {
					byKey.computeIfAbsent(k[j], x -> new HashSet<>()).add(u.id());
				}
				if (k[j + 1] != null && !k[j + 1].isEmpty()) {
					byShortKey.computeIfAbsent(k[j + 1], x -> new HashSet<>()).add(u.id());
				}
			}
		}
	}

	/** The organization a spelling names, looking in the given district first (null: anywhere). */
	public Match resolve(String text, Long districtId) {
		String key = OrganizationNames.key(text);
		if (key.isEmpty()) {
			return Match.UNKNOWN;
		}
		if (aliases.containsKey(key)) {
			Long id = aliases.get(key);
			return id == null ? Match.AMBIGUOUS : new Match(Outcome.FOUND, id, true);
		}
		Match full = unique(byKey.get(key), null);
		if (full != null) {
			return full;
		}
		String shortKey = OrganizationNames.keyWithout(text, districtStems);
		Set<Long> candidates = byShortKey.get(shortKey);
		if (shortKey.isEmpty() || candidates == null) {
			return byKey.containsKey(key) ? Match.AMBIGUOUS : Match.UNKNOWN;
		}
		// "СШ №3 Хромтауского района" names the school of the district it names
		Set<String> named = districtWords(text);
		if (!named.isEmpty()) {
			Set<Long> inNamed = new HashSet<>();
			for (Long id : candidates) {
				if (unitDistricts.get(id).containsAll(named)) {
					inNamed.add(id);
				}
			}
			if (inNamed.size() == 1) {
				return new Match(Outcome.FOUND, inNamed.iterator().next(), false);
			}
			if (!inNamed.isEmpty()) {
				candidates = inNamed;
			}
		}
		// "СШ №3" names the district's own school when the event has a district, and the only one anywhere else
		if (districtId != null) {
			Match inDistrict = unique(candidates, districtId);
			if (inDistrict != null) {
				return inDistrict;
			}
		}
		Match anywhere = unique(candidates, null);
		return anywhere != null ? anywhere : Match.AMBIGUOUS;
	}

	private Match unique(Set<Long> ids, Long districtId) {
		if (ids == null) {
			return null;
		}
		Long found = null;
		int count = 0;
		for (Long id : ids) {
			if (districtId == null || byId.get(id).districtId() == districtId) {
				found = id;
				count++;
			}
		}
		if (count == 1) {
			return new Match(Outcome.FOUND, found, false);
		}
		return count > 1 && districtId == null ? Match.AMBIGUOUS : null;
	}

	private Set<String> districtWords(String text) {
		Set<String> found = new HashSet<>();
		for (String w : OrganizationNames.words(text)) {
			String stem = OrganizationNames.stem(w);
			if (districtStems.contains(stem)) {
				found.add(stem);
			}
		}
		return found;
	}

	/** Units whose names are nearest to the spelling, the given district's first, best first. */
	public List<UnitOption> suggest(String text, Long districtId, int limit) {
		String key = OrganizationNames.key(text);
		String shortKey = OrganizationNames.keyWithout(text, districtStems);
		record Scored(Unit unit, double score, boolean inDistrict) {
		}
		List<Scored> scored = new ArrayList<>();
		for (Unit u : units) {
			String[] k = keys.get(u.id());
			double best = 0;
			for (int j = 0; j < 4; j += 2) {
				if (k[j] != null) {
					best = Math.max(best, OrganizationNames.similarity(key, k[j]));
					best = Math.max(best, OrganizationNames.similarity(shortKey, k[j + 1]));
				}
			}
			if (best >= MIN_SIMILARITY) {
				scored.add(new Scored(u, best, districtId != null && u.districtId() == districtId));
			}
		}
		// The event's district first, unless a name elsewhere is much nearer (a weak guess nearby
		// should not hide the right organization a district away).
		scored.sort(Comparator.comparingDouble((Scored s) -> s.score() + (s.inDistrict() ? DISTRICT_BONUS : 0)).reversed()
			.thenComparing(s -> s.unit().nameKk()));
		return scored.stream().limit(limit).map(s -> new UnitOption(s.unit().id(), s.unit().nameKk(), s.unit().nameRu()))
			.toList();
	}

	/** Whether the unit is one this matcher knows (in the user's scope). */
	public boolean knows(long id) {
		return byId.containsKey(id);
	}
}
