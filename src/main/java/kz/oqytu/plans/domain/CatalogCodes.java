package kz.oqytu.plans.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import kz.oqytu.training.CatalogItem;

/** The codes of a catalogue list, so a write checks all its codes against one read. */
final class CatalogCodes {

	private CatalogCodes() {
	}

	static Set<String> of(List<CatalogItem> items) {
		return items.stream().map(CatalogItem::code).collect(Collectors.toSet());
	}
}
