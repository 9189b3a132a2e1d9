package kz.oqytu.surveys.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.web.Forms;
import kz.oqytu.surveys.QuestionType;
import kz.oqytu.surveys.QuestionnaireDetails;
import kz.oqytu.surveys.QuestionnaireSaved;
import kz.oqytu.surveys.Questionnaires;
import kz.oqytu.surveys.SurveyRuleException;

/** The questionnaires: list, a questionnaire with its versions, and the editor. */
@Controller
@RequestMapping("/surveys/questionnaires")
class QuestionnaireController {

	private final Questionnaires questionnaires;

	QuestionnaireController(Questionnaires questionnaires) {
		this.questionnaires = questionnaires;
	}

	@GetMapping
	@StaffOnly
	String list(@SignedIn CurrentUser me, Model model) {
		model.addAttribute("questionnaires", questionnaires.list(me));
		return "surveys/questionnaire-list";
	}

	@GetMapping("/{id:\\d+}")
	@StaffOnly
	String show(@SignedIn CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
			Model model) {
		model.addAttribute("questionnaire", questionnaires.details(me, id, version));
		return "surveys/questionnaire";
	}

	@GetMapping("/{id:\\d+}/edit")
	@TrainingWriter
	String editForm(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		QuestionnaireDetails details = questionnaires.details(me, id, null);
		return editor(details, QuestionnaireForm.of(details), model);
	}

	/**
	 * One form, several buttons: {@code save} stores it; the others add, remove or move a row and
	 * show the form again, unsaved (htmx swaps just the editor, a plain post re-renders the page).
	 */
	@PostMapping("/{id:\\d+}/edit")
	@TrainingWriter
	String edit(@SignedIn CurrentUser me, @PathVariable long id, @ModelAttribute("form") QuestionnaireForm form,
			BindingResult result,
			@RequestParam(required = false) String save, @RequestParam(required = false) String addQuestion,
			@RequestParam(required = false) Integer removeQuestion, @RequestParam(required = false) Integer moveUp,
			@RequestParam(required = false) Integer moveDown, @RequestParam(required = false) Integer addOption,
			@RequestParam(required = false) String removeOption, Model model, RedirectAttributes redirect) {
		if (save != null) {
			if (!result.hasErrors()) {
				try {
					QuestionnaireSaved saved = questionnaires.save(me, id, form.command());
					redirect.addFlashAttribute("flash", "surveys.editor.flash." + saved.outcome().name());
					redirect.addFlashAttribute("flashArgs", new Object[] { saved.versionNo() });
					return "redirect:/surveys/questionnaires/" + id;
				}
				catch (SurveyRuleException ex) {
					ex.violations().forEach(v -> reject(result, v));
				}
			}
			return editor(questionnaires.details(me, id, null), form, model);
		}
		if (addQuestion != null) {
			form.addQuestion();
		}
		else if (removeQuestion != null) {
			form.removeQuestion(removeQuestion);
		}
		else if (moveUp != null) {
			form.moveQuestion(moveUp, -1);
		}
		else if (moveDown != null) {
			form.moveQuestion(moveDown, 1);
		}
		else if (addOption != null) {
			form.addOption(addOption);
		}
		else if (removeOption != null) {
			form.removeOption(removeOption);
		}
		// Rows may have moved: errors of the bound rows would land on the wrong ones.
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
		return editor(questionnaires.details(me, id, null), form, model);
	}

	private String editor(QuestionnaireDetails details, QuestionnaireForm form, Model model) {
		form.prepare();
		model.addAttribute("questionnaire", details);
		model.addAttribute("form", form);
		model.addAttribute("types", QuestionType.values());
		model.addAttribute("stale", form.getVersionId() == null || form.getVersionId() != details.current().id());
		return "surveys/questionnaire-form";
	}

	/** Errors name the row ({@code questions[2].options[1].code}); anything else goes to the top. */
	static void reject(BindingResult result, BusinessRuleException v) {
		if (v.field() != null && (v.field().startsWith("questions"))) {
			try {
				result.rejectValue(v.field(), v.messageKey(), v.arguments(), v.messageKey());
				return;
			}
			catch (RuntimeException ex) {
				// not a path of this form: shown at the top instead
			}
		}
		Forms.reject(result, v);
	}
}
