package kz.oqytu.shared;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BoundedCacheTests {

	@Test
	void aHitDoesNotLoadAgainAndTheCacheNeverGrowsPastItsBound() {
		BoundedCache<Integer, String> cache = new BoundedCache<>(3);
		AtomicInteger loads = new AtomicInteger();
		assertThat(cache.get(1, k -> "v" + k + "-" + loads.incrementAndGet())).isEqualTo("v1-1");
		assertThat(cache.get(1, k -> "v" + k + "-" + loads.incrementAndGet())).isEqualTo("v1-1");
		assertThat(loads).hasValue(1);
		for (int k = 2; k <= 10; k++) {
			cache.get(k, String::valueOf);
			assertThat(cache.size()).isLessThanOrEqualTo(3);
		}
		assertThat(cache.contains(10)).as("the newest entry is kept").isTrue();
	}

	@Test
	void aNullValueIsNotKept() {
		BoundedCache<String, String> cache = new BoundedCache<>(2);
		assertThat(cache.get("a", k -> null)).isNull();
		assertThat(cache.contains("a")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new BoundedCache<>(0));
	}
}
