package kz.oqytu.training.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import kz.oqytu.shared.LocalizedText;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.TrainingCatalog;

/** Reference data changes only with a migration, so it is read once and kept. */
@Service
class CatalogService implements TrainingCatalog {

	private final JdbcClient jdbc;

	private volatile List<CatalogItem> forms;

	private volatile List<CatalogItem> topics;

	private volatile List<CatalogItem> categories;

	CatalogService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Pages that read a catalogue name beside its row (a report's breakdown by form or topic, survey
	 * results) pick it through {@link LocalizedText}: in English they show the catalogue's English name.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void registerEnglishNames() {
		Map<String, String> names = new HashMap<>();
		for (List<CatalogItem> items : List.of(forms(), topics(), categories())) {
			items.forEach(i -> names.put(i.nameKk(), i.nameEn()));
		}
		LocalizedText.registerEnglish(names);
	}

	@Override
	public List<CatalogItem> forms() {
		if (forms == null) {
			forms = load("training_form");
		}
		return forms;
	}

	@Override
	public List<CatalogItem> topics() {
		if (topics == null) {
			topics = load("training_topic");
		}
		return topics;
	}

	@Override
	public List<CatalogItem> categories() {
		if (categories == null) {
			categories = load("participant_category");
		}
		return categories;
	}

	@Override
	public Optional<CatalogItem> form(String code) {
		return forms().stream().filter(i -> i.code().equals(code)).findFirst();
	}

	@Override
	public Optional<CatalogItem> topic(String code) {
		return topics().stream().filter(i -> i.code().equals(code)).findFirst();
	}

	@Override
	public Optional<CatalogItem> category(String code) {
		return categories().stream().filter(i -> i.code().equals(code)).findFirst();
	}

	private List<CatalogItem> load(String table) {
		// The table name is one of three constants above, never user input.
		return jdbc.sql("select code, sort_order, name_kk, name_ru, name_en from " + table + " order by sort_order")
			.query((rs, n) -> new CatalogItem(rs.getString("code"), rs.getInt("sort_order"), rs.getString("name_kk"),
					rs.getString("name_ru"), rs.getString("name_en")))
			.list();
	}
}
