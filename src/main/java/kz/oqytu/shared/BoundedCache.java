package kz.oqytu.shared;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small cache of values that never change for their key (a QR image for an address, a survey token
 * that exists): reads take no lock, so a busy endpoint's threads do not queue behind each other or
 * behind a value being made. At most {@code maxEntries}; when full, an arbitrary entry makes room (the
 * values are cheap to make again). Two threads missing the same key at once may both make it.
 */
public final class BoundedCache<K, V> {

	private final Map<K, V> entries = new ConcurrentHashMap<>();

	private final int maxEntries;

	public BoundedCache(int maxEntries) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries " + maxEntries);
		}
		this.maxEntries = maxEntries;
	}

	/** The cached value, or the loader's (kept unless it is null). */
	public V get(K key, Function<? super K, ? extends V> loader) {
		V value = this.entries.get(key);
		if (value != null) {
			return value;
		}
		value = loader.apply(key);
		if (value != null) {
			put(key, value);
		}
		return value;
	}

	public boolean contains(K key) {
		return this.entries.containsKey(key);
	}

	public void put(K key, V value) {
		while (this.entries.size() >= this.maxEntries) {
			Iterator<K> keys = this.entries.keySet().iterator();
			if (!keys.hasNext()) {
				break;
			}
			keys.next();
			keys.remove();
		}
		this.entries.put(key, value);
	}

	public void remove(K key) {
		this.entries.remove(key);
	}

	public int size() {
		return this.entries.size();
	}
}
