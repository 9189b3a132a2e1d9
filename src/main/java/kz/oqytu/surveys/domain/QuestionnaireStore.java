package kz.oqytu.surveys.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.surveys.QuestionType;
import kz.oqytu.surveys.QuestionView;
import kz.oqytu.surveys.QuestionView.OptionView;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.TrainingCatalog;

/**
 * Questions of questionnaire versions. A version never changes once it exists (editing makes a new
 * one), so its questions are cached by version id; only "which version is current" is read each time.
 */
@Component
class QuestionnaireStore {

	private final JdbcClient jdbc;

	private final TrainingCatalog catalog;

	private final Map<Long, List<QuestionView>> byVersion = new ConcurrentHashMap<>();

	QuestionnaireStore(JdbcClient jdbc, TrainingCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	long currentVersion(long questionnaireId) {
		return jdbc.sql("select id from questionnaire_version where questionnaire_id = :q and current")
			.param("q", questionnaireId)
			.query(Long.class)
			.single();
	}

	List<QuestionView> questions(long versionId) {
		return byVersion.computeIfAbsent(versionId, this::load);
	}

	private List<QuestionView> load(long versionId) {
		Map<Long, List<OptionView>> options = new LinkedHashMap<>();
		jdbc.sql("""
				select o.question_id, o.code, o.text_kk, o.text_ru from question_option o
				join question q on q.id = o.question_id where q.version_id = :v order by o.question_id, o.position
				""")
			.param("v", versionId)
			.query(rs -> {
				options.computeIfAbsent(rs.getLong("question_id"), k -> new ArrayList<>())
					.add(new OptionView(rs.getString("code"), rs.getString("text_kk"), rs.getString("text_ru")));
			});
		return jdbc.sql("select id, position, code, type, text_kk, text_ru, required, max_length from question"
				+ " where version_id = :v order by position")
			.param("v", versionId)
			.query((rs, n) -> {
				QuestionType type = QuestionType.valueOf(rs.getString("type"));
				List<OptionView> choices = switch (type) {
					case TOPICS -> items(catalog.topics());
					case CATEGORY -> items(catalog.categories());
					default -> options.getOrDefault(rs.getLong("id"), List.of());
				};
				return new QuestionView(rs.getLong("id"), rs.getInt("position"), rs.getString("code"), type,
						rs.getString("text_kk"), rs.getString("text_ru"), rs.getBoolean("required"),
						(Integer) rs.getObject("max_length"), List.copyOf(choices));
			})
			.list();
	}

	private static List<OptionView> items(List<CatalogItem> items) {
		return items.stream().map(i -> new OptionView(i.code(), i.nameKk(), i.nameRu())).toList();
	}

	void forget(long versionId) {
		byVersion.remove(versionId);
	}
}
