package kz.oqytu.operations;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import kz.oqytu.testsupport.OqytuIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrated schema holds no index twice: two indexes of one table over the same columns, operator
 * classes, expressions and predicate cost every write twice and help no read (issue #18: V100 repeated
 * V010's survey_response_fingerprint_idx, dropped by V180).
 */
@OqytuIntegrationTest
class SchemaIndexTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void noTableHasTheSameIndexTwice() {
		List<String> duplicates = jdbc.sql("""
				select string_agg(c.relname, ' = ' order by c.relname) as names
				from pg_index i
				join pg_class c on c.oid = i.indexrelid
				join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema()
				group by i.indrelid, i.indkey::text, i.indclass::text, i.indcollation::text,
				         coalesce(pg_get_expr(i.indexprs, i.indrelid), ''), coalesce(pg_get_expr(i.indpred, i.indrelid), ''),
				         i.indisunique
				having count(*) > 1""")
			.query(String.class)
			.list();
		assertThat(duplicates).as("indexes that repeat another index of their table").isEmpty();
	}

	@Test
	void theFingerprintCountKeepsItsIndex() {
		String definition = jdbc.sql("select indexdef from pg_indexes where indexname = 'survey_response_fingerprint_idx'")
			.query(String.class)
			.single();
		assertThat(definition).contains("(event_survey_id, fingerprint)");
		assertThat(jdbc.sql("select count(*) from pg_indexes where indexname = 'survey_response_fingerprint'")
			.query(Long.class)
			.single()).isZero();
	}
}
