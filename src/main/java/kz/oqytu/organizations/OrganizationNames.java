package kz.oqytu.organizations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organization names as people write them, reduced to a key that compares equal when two
 * spellings name the same thing: case, quotes and stray spaces aside; "№ 5", "№5", "5-ші", "5-й"
 * alike; Kazakh letters read as their Russian neighbours (Айгөлек = Айголек); the Kazakh and
 * Russian words for the same kind (мектеп = школа = ОМ = СШ, бөбекжайы = ясли-сад = балабақшасы);
 * legal-form words (КММ, ГУ, мекемесі) and words order ignored. Decision 0018.
 */
public final class OrganizationNames {

	private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");

	/** Phrases replaced before the text is cut into words (they span a hyphen, a slash or a space). */
	private static final String[][] PHRASES = { { "мектеп-гимназия", " gymnasium " },
			{ "мектеп гимназия", " gymnasium " }, { "школа-гимназия", " gymnasium " }, { "школа гимназия", " gymnasium " },
			{ "мектеп-лицей", " lyceum " }, { "школа-лицей", " lyceum " }, { "ясли-сад", " kindergarten " },
			{ "ясли сад", " kindergarten " }, { "детский сад", " kindergarten " }, { "д/с", " kindergarten " }, { "я/с", " kindergarten " }, { "я / с", " kindergarten " },
			{ "д/сад", " kindergarten " }, { "б/б", " kindergarten " },
			{ "д / с", " kindergarten " }, { "мектепке дейінгі", " " }, { "р-н", " район " }, { "р-на", " район " },
			{ "білім беретін", " " }, { "общеобразовательная", " " } };

	/** "№ 5", "№5", "N5", "No 5" and "5-ші", "5 ші", "5-й", "5-я", "5-ая": all the number 5. */
	private static final Pattern NUMBER_SIGN = Pattern.compile("(?:№|\\bn\\s*[°o.]?|\\bno\\.?)\\s*(\\d+)");

	private static final Pattern NUMBER_SUFFIX = Pattern
		.compile("(\\d+)\\s*-?\\s*(?:ші|шы|ci|сі|шi|інші|ыншы|ый|ий|ой|ая|ое|я|й)(?![\\p{L}])");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}#]+");

	/** Words for the same kind of organization, in Kazakh, Russian and their abbreviations. */
	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("мектеп", "school"),
			Map.entry("мектебі", "school"), Map.entry("мектебi", "school"), Map.entry("школа", "school"),
			Map.entry("школы", "school"), Map.entry("сш", "school"), Map.entry("сош", "school"),
			Map.entry("ом", "school"), Map.entry("жом", "school"), Map.entry("ош", "school"),
			Map.entry("оош", "school"), Map.entry("нш", "school"), Map.entry("гимназия", "gymnasium"),
			Map.entry("гимназиясы", "gymnasium"), Map.entry("мг", "gymnasium"), Map.entry("шг", "gymnasium"),
			Map.entry("лицей", "lyceum"), Map.entry("лицейі", "lyceum"), Map.entry("бөбекжай", "kindergarten"),
			Map.entry("бөбекжайы", "kindergarten"), Map.entry("балабақша", "kindergarten"),
			Map.entry("балабақшасы", "kindergarten"), Map.entry("ясли", "kindergarten"),
			Map.entry("сад", "kindergarten"), Map.entry("дс", "kindergarten"), Map.entry("мбұ", "kindergarten"),
			Map.entry("колледж", "college"), Map.entry("колледжі", "college"), Map.entry("колледжi", "college"),
			Map.entry("университет", "university"), Map.entry("университеті", "university"),
			Map.entry("бөлім", "department"), Map.entry("бөлімі", "department"), Map.entry("отдел", "department"),
			Map.entry("кабинет", "cabinet"), Map.entry("кабинеті", "cabinet"));

	/** Words that say nothing about which organization: legal forms, "secondary", district words. */
	private static final Set<String> NOISE = Set.of("орта", "средняя", "средней", "жалпы", "общая", "кмм", "ккм",
			"мкқк", "мккк", "гу", "кгу", "гккп", "гкп", "ккп", "мм", "жшс", "тоо", "коммуналдық", "мемлекеттік",
			"мекемесі", "мекеме", "коммунальное", "государственное", "учреждение", "казенное", "предприятие",
			"қазыналық", "кәсіпорны", "кәсіпорын", "им", "имени", "атындағы", "ауданы", "аудан", "аудандық", "район",
			"района", "районный", "қаласы", "қала", "қ", "город", "города", "г", "облысы", "области", "обл",
			"білім", "образования", "образовательное", "әкімдігінің", "акимата", "бойынша", "по");

	private static final String KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

	private static final String RUSSIAN = "агкноуухиАГКНОУУХИ";

	private OrganizationNames() {
	}

	/**
	 * The words of a name that identify it, Kazakh letters read as Russian ones, kind words made
	 * one, noise dropped, numbers as "#5"; in the order written.
	 */
	public static List<String> words(String name) {
		if (name == null || name.isBlank()) {
			return List.of();
		}
		String t = INVISIBLE.matcher(name).replaceAll("").toLowerCase(Locale.ROOT).replace('ё', 'е');
		t = t.replaceAll("[«»\"“”„‟'’‘`]", " ");
		for (String[] phrase : PHRASES) {
			t = t.replace(phrase[0], phrase[1]);
		}
		t = NUMBER_SIGN.matcher(t).replaceAll(" #$1 ");
		t = NUMBER_SUFFIX.matcher(t).replaceAll(" #$1 ");
		List<String> words = new ArrayList<>();
		for (String w : NOT_WORD.split(t)) {
			if (w.isEmpty()) {
				continue;
			}
			if (w.chars().allMatch(Character::isDigit)) {
				w = "#" + Integer.parseInt(w.length() > 6 ? w.substring(0, 6) : w);
			}
			else if (w.startsWith("#")) {
				w = "#" + Integer.parseInt(w.substring(1).length() > 6 ? w.substring(1, 7) : w.substring(1));
			}
			String canonical = WORDS.get(w);
			if (canonical != null) {
				words.add(canonical);
				continue;
			}
			if (NOISE.contains(w)) {
				continue;
			}
			words.add(russianLetters(w));
		}
		return words;
	}

	/** The key two spellings share when they name the same organization: its words, sorted, once each. */
	public static String key(String name) {
		return String.join(" ", new TreeSet<>(words(name)));
	}

	/**
	 * Like {@link #key} without the words that name a district or city ("Алға", "Алгинский",
	 * "Ақтөбе"), so "СШ №3" and "Алгинский район, СШ №3" share it within a district.
	 */
	public static String keyWithout(String name, Set<String> districtStems) {
		TreeSet<String> words = new TreeSet<>();
		for (String w : words(name)) {
			if (!districtStems.contains(stem(w))) {
				words.add(w);
			}
		}
		return String.join(" ", words);
	}

	/** The first five letters of a word: "алгинский" and "алгинского" share "алгин". */
	public static String stem(String word) {
		return word.length() <= 5 ? word : word.substring(0, 5);
	}

	static String russianLetters(String word) {
		StringBuilder b = new StringBuilder(word.length());
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			int k = KAZAKH.indexOf(c);
			b.append(k >= 0 ? RUSSIAN.charAt(k) : c);
		}
		return b.toString();
	}

	/**
	 * Similarity of two keys from 0 to 1: trigrams shared (Dice), and a number that differs ("#5"
	 * against "#15") counts heavily against, since the number is what tells schools apart.
	 */
	public static double similarity(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		Set<String> ta = trigrams(a);
		Set<String> tb = trigrams(b);
		int shared = 0;
		for (String t : ta) {
			if (tb.contains(t)) {
				shared++;
			}
		}
		double dice = 2.0 * shared / (ta.size() + tb.size());
		Set<String> na = numbers(a);
		Set<String> nb = numbers(b);
		if (!na.isEmpty() && !nb.isEmpty()) {
			dice = na.equals(nb) ? Math.min(1, dice + 0.15) : dice * 0.4;
		}
		return dice;
	}

	private static Set<String> numbers(String key) {
		Set<String> n = new TreeSet<>();
		Matcher m = Pattern.compile("#\\d+").matcher(key);
		while (m.find()) {
			n.add(m.group());
		}
		return n;
	}

	private static Set<String> trigrams(String key) {
		Set<String> t = new java.util.HashSet<>();
		for (String w : key.split(" ")) {
			String padded = "  " + w + " ";
			for (int i = 0; i + 3 <= padded.length(); i++) {
				t.add(padded.substring(i, i + 3));
			}
		}
		return t;
	}
}
