package kz.oqytu.budget.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.budget.BudgetImports;
import kz.oqytu.budget.Budgets;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.upload.UploadStore;
import kz.oqytu.shared.xlsx.SafeWorkbooks;
import kz.oqytu.shared.xlsx.SpreadsheetRejectedException;
import java.time.Clock;

/**
 * Excel import of a year's budgets: template, upload, preview with row errors, commit. The file
 * waits in the database between preview and commit and is validated again on commit.
 */
@Controller
@RequestMapping("/budget/import")
@TrainingWriter
class BudgetImportController {

	private static final String KIND = "budget";

	private final BudgetImports imports;

	private final UploadStore uploads;

	private final Clock clock;

	BudgetImportController(BudgetImports imports, UploadStore uploads, Clock clock) {
		this.clock = clock;
		this.imports = imports;
		this.uploads = uploads;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("templateYear", LocalDate.now(clock).getYear());
		model.addAttribute("firstYear", Budgets.firstYear());
		model.addAttribute("lastYear", Budgets.lastYear(clock));
		return "budget/import";
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year) {
		int y = year == null || year < Budgets.firstYear() || year > Budgets.lastYear(clock) ? LocalDate.now(clock).getYear()
				: year;
		return BudgetController.xlsx(imports.template(me, y), "oqytu-budget-template-" + y + ".xlsx");
	}

	@PostMapping
	String upload(@SignedIn CurrentUser me, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("flashError", "import.error.fileEmpty");
			return "redirect:/budget/import";
		}
		if (file.getSize() > SafeWorkbooks.MAX_FILE_BYTES) {
			redirect.addFlashAttribute("flashError", "import.error.fileTooLarge");
			redirect.addFlashAttribute("flashArgs", new Object[] { SafeWorkbooks.MAX_FILE_BYTES / (1024 * 1024) });
			return "redirect:/budget/import";
		}
		byte[] content = file.getBytes();
		try {
			SafeWorkbooks.check(content);
		}
		catch (SpreadsheetRejectedException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
			redirect.addFlashAttribute("flashArgs", ex.arguments());
			return "redirect:/budget/import";
		}
		UUID id = uploads.save(KIND, me.username(), file.getOriginalFilename(), content);
		return "redirect:/budget/import/" + id;
	}

	@GetMapping("/{id}")
	String preview(@SignedIn CurrentUser me, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
		var upload = uploads.find(id, KIND, me.username()).orElse(null);
		if (upload == null) {
			redirect.addFlashAttribute("flashError", "import.error.uploadExpired");
			return "redirect:/budget/import";
		}
		try {
			model.addAttribute("preview", imports.preview(me, upload.content()));
		}
		catch (SpreadsheetRejectedException ex) {
			uploads.delete(id);
			redirect.addFlashAttribute("flashError", ex.messageKey());
			redirect.addFlashAttribute("flashArgs", ex.arguments());
			return "redirect:/budget/import";
		}
		model.addAttribute("uploadId", id);
		model.addAttribute("filename", upload.filename());
		return "budget/import-preview";
	}

	@PostMapping("/{id}/commit")
	String commit(@SignedIn CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		var upload = uploads.find(id, KIND, me.username()).orElse(null);
		if (upload == null) {
			redirect.addFlashAttribute("flashError", "import.error.uploadExpired");
			return "redirect:/budget/import";
		}
		try {
			BudgetImports.Imported imported = imports.commit(me, upload.content());
			uploads.delete(id);
			redirect.addFlashAttribute("flash", "import.flash.done");
			redirect.addFlashAttribute("flashArgs", new Object[] { imported.budgets() });
			return "redirect:/budget?year=" + imported.years().get(0);
		}
		catch (BusinessRuleException | SpreadsheetRejectedException ex) {
			redirect.addFlashAttribute("flashError", "import.error.notValid");
			return "redirect:/budget/import/" + id;
		}
	}
}
