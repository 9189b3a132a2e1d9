package kz.oqytu.training;

import java.util.List;
import java.util.Optional;

/** The reference data of training, from the migrations: forms, topics, participant categories. */
public interface TrainingCatalog {

	List<CatalogItem> forms();

	List<CatalogItem> topics();

	/** In the order of the union's coverage table (rows 3–7). */
	List<CatalogItem> categories();

	Optional<CatalogItem> form(String code);

	Optional<CatalogItem> topic(String code);

	Optional<CatalogItem> category(String code);

	/** Items by code in their order, for templates that name a code ({@code formByCode.get(code)}). */
	static java.util.Map<String, CatalogItem> byCode(List<CatalogItem> items) {
		java.util.Map<String, CatalogItem> map = new java.util.LinkedHashMap<>();
		items.forEach(i -> map.put(i.code(), i));
		return map;
	}
}
