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
}
