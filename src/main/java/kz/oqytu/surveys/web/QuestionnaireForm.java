package kz.oqytu.surveys.web;

import java.util.ArrayList;
import java.util.List;

import kz.oqytu.surveys.QuestionType;
import kz.oqytu.surveys.QuestionView;
import kz.oqytu.surveys.QuestionnaireCommand;
import kz.oqytu.surveys.QuestionnaireCommand.OptionCommand;
import kz.oqytu.surveys.QuestionnaireCommand.QuestionCommand;
import kz.oqytu.surveys.QuestionnaireDetails;

/**
 * The questionnaire editor: names and N question rows, each with its options. A JavaBean (not a
 * record) because Spring binds indexed rows ({@code questions[2].options[1].code}) into mutable
 * objects most reliably. The buttons that add, remove and move rows post the whole form and get it
 * back re-rendered, so the editor works without JavaScript.
 */
public class QuestionnaireForm {

	static final int DEFAULT_TEXT_LENGTH = 1000;

	static final int DEFAULT_OTHER_LENGTH = 200;

	private Long versionId;

	private Integer versionNo;

	private String nameKk;

	private String nameRu;

	private List<QuestionRow> questions = new ArrayList<>();

	static QuestionnaireForm of(QuestionnaireDetails details) {
		QuestionnaireForm form = new QuestionnaireForm();
		form.versionId = details.shown().id();
		form.versionNo = details.shown().versionNo();
		form.nameKk = details.nameKk();
		form.nameRu = details.nameRu();
		for (QuestionView q : details.questions()) {
			QuestionRow row = new QuestionRow();
			row.existing = true;
			row.code = q.code();
			row.type = q.type();
			row.textKk = q.textKk();
			row.textRu = q.textRu();
			row.required = q.required();
			row.maxLength = q.maxLength();
			if (row.choices()) {
				for (QuestionView.OptionView o : q.options()) {
					OptionRow option = new OptionRow();
					option.existing = true;
					option.code = o.code();
					option.textKk = o.textKk();
					option.textRu = o.textRu();
					row.options.add(option);
				}
			}
			form.questions.add(row);
		}
		return form;
	}

	QuestionnaireCommand command() {
		List<QuestionCommand> list = questions.stream()
			.map(q -> new QuestionCommand(q.code, q.type, q.textKk, q.textRu, q.required,
					q.lengthApplies() ? q.maxLength : null,
					q.choices() ? q.options.stream().map(o -> new OptionCommand(o.code, o.textKk, o.textRu)).toList()
							: List.of()))
			.toList();
		return new QuestionnaireCommand(versionId == null ? -1 : versionId, nameKk, nameRu, list);
	}

	/** Rows ready to show: choice questions get at least two option rows, lengths their default. */
	void prepare() {
		for (QuestionRow q : questions) {
			if (q.type == null) {
				q.type = QuestionType.RATING;
			}
			if (q.choices()) {
				while (q.options.size() < 2) {
					q.options.add(new OptionRow());
				}
			}
			if (q.lengthApplies() && q.maxLength == null) {
				q.maxLength = q.type == QuestionType.TEXT ? DEFAULT_TEXT_LENGTH : DEFAULT_OTHER_LENGTH;
			}
		}
	}

	void addQuestion() {
		QuestionRow row = new QuestionRow();
		row.type = QuestionType.RATING;
		questions.add(row);
	}

	void removeQuestion(int i) {
		if (i >= 0 && i < questions.size()) {
			questions.remove(i);
		}
	}

	void moveQuestion(int i, int by) {
		int j = i + by;
		if (i >= 0 && i < questions.size() && j >= 0 && j < questions.size()) {
			questions.add(j, questions.remove(i));
		}
	}

	void addOption(int i) {
		if (i >= 0 && i < questions.size()) {
			questions.get(i).options.add(new OptionRow());
		}
	}

	/** {@code "2:1"}: the second option of the third question. */
	void removeOption(String at) {
		String[] parts = at == null ? new String[0] : at.split(":");
		if (parts.length != 2) {
			return;
		}
		try {
			int i = Integer.parseInt(parts[0]);
			int j = Integer.parseInt(parts[1]);
			if (i >= 0 && i < questions.size() && j >= 0 && j < questions.get(i).options.size()) {
				questions.get(i).options.remove(j);
			}
		}
		catch (NumberFormatException ex) {
			// a tampered button value: nothing to remove
		}
	}

	public Long getVersionId() {
		return versionId;
	}

	public void setVersionId(Long versionId) {
		this.versionId = versionId;
	}

	public Integer getVersionNo() {
		return versionNo;
	}

	public void setVersionNo(Integer versionNo) {
		this.versionNo = versionNo;
	}

	public String getNameKk() {
		return nameKk;
	}

	public void setNameKk(String nameKk) {
		this.nameKk = nameKk;
	}

	public String getNameRu() {
		return nameRu;
	}

	public void setNameRu(String nameRu) {
		this.nameRu = nameRu;
	}

	public List<QuestionRow> getQuestions() {
		return questions;
	}

	public void setQuestions(List<QuestionRow> questions) {
		this.questions = questions == null ? new ArrayList<>() : questions;
	}

	/** One question; {@code existing} rows keep their code (it compares answers across versions). */
	public static class QuestionRow {

		private boolean existing;

		private String code;

		private QuestionType type;

		private String textKk;

		private String textRu;

		private boolean required;

		private Integer maxLength;

		private List<OptionRow> options = new ArrayList<>();

		public boolean choices() {
			return type == QuestionType.SINGLE || type == QuestionType.MULTIPLE;
		}

		public boolean lengthApplies() {
			return type == QuestionType.TEXT || type == QuestionType.TOPICS;
		}

		public boolean fromCatalogue() {
			return type == QuestionType.TOPICS || type == QuestionType.CATEGORY;
		}

		public boolean isExisting() {
			return existing;
		}

		public void setExisting(boolean existing) {
			this.existing = existing;
		}

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public QuestionType getType() {
			return type;
		}

		public void setType(QuestionType type) {
			this.type = type;
		}

		public String getTextKk() {
			return textKk;
		}

		public void setTextKk(String textKk) {
			this.textKk = textKk;
		}

		public String getTextRu() {
			return textRu;
		}

		public void setTextRu(String textRu) {
			this.textRu = textRu;
		}

		public boolean isRequired() {
			return required;
		}

		public void setRequired(boolean required) {
			this.required = required;
		}

		public Integer getMaxLength() {
			return maxLength;
		}

		public void setMaxLength(Integer maxLength) {
			this.maxLength = maxLength;
		}

		public List<OptionRow> getOptions() {
			return options;
		}

		public void setOptions(List<OptionRow> options) {
			this.options = options == null ? new ArrayList<>() : options;
		}
	}

	/** A choice of a SINGLE or MULTIPLE question. */
	public static class OptionRow {

		private boolean existing;

		private String code;

		private String textKk;

		private String textRu;

		public boolean isExisting() {
			return existing;
		}

		public void setExisting(boolean existing) {
			this.existing = existing;
		}

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getTextKk() {
			return textKk;
		}

		public void setTextKk(String textKk) {
			this.textKk = textKk;
		}

		public String getTextRu() {
			return textRu;
		}

		public void setTextRu(String textRu) {
			this.textRu = textRu;
		}
	}
}
