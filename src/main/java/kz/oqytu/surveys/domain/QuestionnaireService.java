package kz.oqytu.surveys.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.surveys.QuestionType;
import kz.oqytu.surveys.QuestionView;
import kz.oqytu.surveys.QuestionnaireCommand;
import kz.oqytu.surveys.QuestionnaireDetails;
import kz.oqytu.surveys.QuestionnaireDetails.VersionRow;
import kz.oqytu.surveys.QuestionnaireRow;
import kz.oqytu.surveys.QuestionnaireSaved;
import kz.oqytu.surveys.QuestionnaireSaved.Outcome;
import kz.oqytu.surveys.Questionnaires;
import kz.oqytu.surveys.SurveyKind;

/**
 * Editing questionnaires. A version's questions never change once stored: a version nobody has
 * answered is replaced by a fresh row with the same number (so {@link QuestionnaireStore} can cache
 * by version id on every instance), one that has responses is followed by a new number.
 */
@Service
class QuestionnaireService implements Questionnaires {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final QuestionnaireStore store;

	QuestionnaireService(JdbcClient jdbc, JdbcTemplate jdbcTemplate, QuestionnaireStore store) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.store = store;
	}

	@Override
	@Transactional(readOnly = true)
	public List<QuestionnaireRow> list(CurrentUser user) {
		requireStaff(user);
		return jdbc.sql("""
				select q.id, q.kind, q.name_kk, q.name_ru, c.id as current_version_id, c.version_no,
				       (select count(*) from questionnaire_version v where v.questionnaire_id = q.id) as versions,
				       (select count(*) from question x where x.version_id = c.id) as questions,
				       (select count(*) from survey_response r join questionnaire_version v on v.id = r.version_id
				        where v.questionnaire_id = q.id) as responses,
				       (select count(*) from survey_response r where r.version_id = c.id) as current_responses
				from questionnaire q join questionnaire_version c on c.questionnaire_id = q.id and c.current
				order by case q.kind when 'POST_EVENT' then 0 else 1 end
				""")
			.query((rs, n) -> new QuestionnaireRow(rs.getLong("id"), SurveyKind.valueOf(rs.getString("kind")),
					rs.getString("name_kk"), rs.getString("name_ru"), rs.getLong("current_version_id"),
					rs.getInt("version_no"), rs.getInt("versions"), rs.getInt("questions"), rs.getLong("responses"),
					rs.getLong("current_responses")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public QuestionnaireDetails details(CurrentUser user, long id, Long versionId) {
		requireStaff(user);
		Head head = head(id, false);
		List<VersionRow> versions = jdbc.sql("""
				select v.id, v.version_no, v.current, v.created_at, v.created_by,
				       (select count(*) from question x where x.version_id = v.id) as questions,
				       (select count(*) from survey_response r where r.version_id = v.id) as responses
				from questionnaire_version v where v.questionnaire_id = :q order by v.version_no desc
				""")
			.param("q", id)
			.query((rs, n) -> new VersionRow(rs.getLong("id"), rs.getInt("version_no"), rs.getBoolean("current"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
					rs.getInt("questions"), rs.getLong("responses")))
			.list();
		VersionRow shown = versions.stream()
			.filter(v -> versionId == null ? v.current() : v.id() == versionId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("version " + versionId + " of questionnaire " + id));
		return new QuestionnaireDetails(id, head.kind(), head.nameKk(), head.nameRu(), shown,
				store.questions(shown.id()), versions);
	}

	private record Head(SurveyKind kind, String nameKk, String nameRu) {
	}

	private Head head(long id, boolean lock) {
		return jdbc.sql("select kind, name_kk, name_ru from questionnaire where id = :id"
				+ (lock ? " for no key update" : ""))
			.param("id", id)
			.query((rs, n) -> new Head(SurveyKind.valueOf(rs.getString("kind")), rs.getString("name_kk"),
					rs.getString("name_ru")))
			.optional()
			.orElseThrow(() -> new NotFoundException("questionnaire " + id));
	}

	@Override
	@Transactional
	public QuestionnaireSaved save(CurrentUser user, long id, QuestionnaireCommand command) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
		// One save at a time per questionnaire.
		head(id, true);
		// FOR UPDATE conflicts with the key-share lock a response's insert takes on its version: a
		// response being stored right now is waited for and counted, and a later one waits for us.
		record Current(long id, int versionNo) {
		}
		Current current = jdbc.sql("select id, version_no from questionnaire_version"
				+ " where questionnaire_id = :q and current for update")
			.param("q", id)
			.query((rs, n) -> new Current(rs.getLong("id"), rs.getInt("version_no")))
			.single();
		if (current.id() != command.versionId()) {
			throw new ConflictException("questionnaire " + id + " version " + command.versionId());
		}
		List<QuestionnaireRules.Question> questions = QuestionnaireRules.check(command);
		jdbc.sql("update questionnaire set name_kk = :kk, name_ru = :ru where id = :id")
			.param("kk", command.nameKk().strip())
			.param("ru", command.nameRu().strip())
			.param("id", id)
			.update();
		if (same(questions, store.questions(current.id()))) {
			return new QuestionnaireSaved(current.id(), current.versionNo(), Outcome.QUESTIONS_UNCHANGED);
		}
		long responses = jdbc.sql("select count(*) from survey_response where version_id = :v")
			.param("v", current.id())
			.query(Long.class)
			.single();
		int versionNo;
		Outcome outcome;
		if (responses == 0) {
			jdbc.sql("delete from question_option where question_id in (select id from question where version_id = :v)")
				.param("v", current.id())
				.update();
			jdbc.sql("delete from question where version_id = :v").param("v", current.id()).update();
			jdbc.sql("delete from questionnaire_version where id = :v").param("v", current.id()).update();
			store.forget(current.id());
			versionNo = current.versionNo();
			outcome = Outcome.CHANGED;
		}
		else {
			jdbc.sql("update questionnaire_version set current = false where id = :v").param("v", current.id()).update();
			versionNo = current.versionNo() + 1;
			outcome = Outcome.NEW_VERSION;
		}
		long versionId = jdbc.sql("""
				insert into questionnaire_version (id, questionnaire_id, version_no, current, created_by)
				values (nextval('survey_seq'), :q, :no, true, :by) returning id
				""")
			.param("q", id)
			.param("no", versionNo)
			.param("by", user.username())
			.query(Long.class)
			.single();
		insertQuestions(versionId, questions);
		return new QuestionnaireSaved(versionId, versionNo, outcome);
	}

	private void insertQuestions(long versionId, List<QuestionnaireRules.Question> questions) {
		List<Object[]> options = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			QuestionnaireRules.Question q = questions.get(i);
			long questionId = jdbc.sql("""
					insert into question (id, version_id, position, code, type, text_kk, text_ru, required, max_length)
					values (nextval('survey_seq'), :v, :position, :code, :type, :kk, :ru, :required, :max) returning id
					""")
				.param("v", versionId)
				.param("position", i + 1)
				.param("code", q.code())
				.param("type", q.type().name())
				.param("kk", q.textKk())
				.param("ru", q.textRu())
				.param("required", q.required())
				.param("max", q.maxLength())
				.query(Long.class)
				.single();
			for (int j = 0; j < q.options().size(); j++) {
				QuestionnaireRules.Option o = q.options().get(j);
				options.add(new Object[] { questionId, j + 1, o.code(), o.textKk(), o.textRu() });
			}
		}
		jdbcTemplate.batchUpdate("insert into question_option (id, question_id, position, code, text_kk, text_ru)"
				+ " values (nextval('survey_seq'), ?, ?, ?, ?, ?)", options);
	}

	/** Whether the edited questions are the stored ones (catalogue options of TOPICS and CATEGORY aside). */
	static boolean same(List<QuestionnaireRules.Question> edited, List<QuestionView> stored) {
		if (edited.size() != stored.size()) {
			return false;
		}
		for (int i = 0; i < edited.size(); i++) {
			QuestionnaireRules.Question a = edited.get(i);
			QuestionView b = stored.get(i);
			boolean choices = a.type() == QuestionType.SINGLE || a.type() == QuestionType.MULTIPLE;
			if (!a.code().equals(b.code()) || a.type() != b.type() || !a.textKk().equals(b.textKk())
					|| !a.textRu().equals(b.textRu()) || a.required() != b.required()
					|| !java.util.Objects.equals(a.maxLength(), b.maxLength())) {
				return false;
			}
			if (choices) {
				List<QuestionnaireRules.Option> stored2 = b.options()
					.stream()
					.map(o -> new QuestionnaireRules.Option(o.code(), o.textKk(), o.textRu()))
					.toList();
				if (!a.options().equals(stored2)) {
					return false;
				}
			}
		}
		return true;
	}

	private static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}
}
