package kz.oqytu.bench;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bench's own rules (bench/Bench.java, a single-file program bench/run starts), compiled here and
 * read as they run (issue #17 part 5): an unexpected status is a failure, the heap is read from the
 * metrics or the run fails, and S5's heap clause fails when the heap grows more than 256 MB.
 */
class BenchHarnessTests {

	static Class<?> bench;

	@BeforeAll
	static void compile() throws Exception {
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		Path out = Files.createTempDirectory("bench-harness");
		int status = javac.run(null, null, null, "-proc:none", "-nowarn", "-d", out.toString(), "bench/Bench.java");
		assertThat(status).as("bench/Bench.java compiles").isZero();
		bench = new URLClassLoader(new URL[] { out.toUri().toURL() }, ClassLoader.getPlatformClassLoader())
			.loadClass("Bench");
	}

	static Object call(String name, Class<?>[] types, Object... args) throws Throwable {
		Method m = bench.getDeclaredMethod(name, types);
		m.setAccessible(true);
		try {
			return m.invoke(null, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@SuppressWarnings("unchecked")
	static List<String> failures() throws Exception {
		Field f = bench.getDeclaredField("failures");
		f.setAccessible(true);
		return (List<String>) f.get(null);
	}

	@Test
	void aStatusOtherThanTheExpectedOneIsAFailure() throws Throwable {
		Class<?>[] types = { String.class, int.class, int.class };
		failures().clear();
		call("check", types, "page", 200, 200);
		call("check", types, "answer", 302, 302);
		assertThat(failures()).isEmpty();
		// a redirect to the login page is not the page; an answer shown again (200) is not stored
		call("check", types, "page", 200, 302);
		call("check", types, "answer", 302, 200);
		call("check", types, "page", 200, -1);
		assertThat(failures()).containsExactly("page: HTTP 302 (expected 200)", "answer: HTTP 200 (expected 302)",
				"page: HTTP -1 (expected 200)");
		failures().clear();
	}

	@Test
	void theHeapIsReadFromTheMetricsOrNotAtAll() throws Throwable {
		String metrics = """
				# TYPE jvm_memory_used_bytes gauge
				jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E8
				jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 5.24288E7
				jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
				""";
		assertThat(call("heapFrom", new Class<?>[] { String.class }, metrics)).isEqualTo(157_286_400L);
		// what /actuator/prometheus answers without the metrics token: it used to read as a heap of 0
		assertThatThrownBy(() -> call("heapFrom", new Class<?>[] { String.class },
				"401 Unauthorized: send Authorization: Bearer <OQYTU_METRICS_TOKEN>\n"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no heap reading");
	}

	@Test
	void theExportsHeapClauseCanFail() throws Throwable {
		Class<?>[] types = { double.class, double.class, long.class, long.class };
		long mb = 1024 * 1024;
		assertThat(call("s5Pass", types, 500.0, 1400.0, 110 * mb, 172 * mb)).isEqualTo(true);
		// the heap grew by 300 MB: fails, though well under -Xmx512m (the old 512 MB bound could not fail)
		assertThat(call("s5Pass", types, 500.0, 1400.0, 110 * mb, 410 * mb)).isEqualTo(false);
		// no reading is no pass
		assertThat(call("s5Pass", types, 500.0, 1400.0, 0L, 0L)).isEqualTo(false);
		// slower than 3× the CSV
		assertThat(call("s5Pass", types, 500.0, 1600.0, 110 * mb, 172 * mb)).isEqualTo(false);
	}
}
