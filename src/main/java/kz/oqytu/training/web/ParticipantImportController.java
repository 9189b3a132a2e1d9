package kz.oqytu.training.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.upload.UploadStore;
import kz.oqytu.shared.xlsx.SafeWorkbooks;
import kz.oqytu.shared.xlsx.SpreadsheetRejectedException;
import kz.oqytu.training.ParticipantImportPreview;
import kz.oqytu.training.ParticipantImports;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;

/**
 * Import of an event's participant list from Excel: template, upload, column mapping when the
 * headers are not recognized, preview with row errors, commit. The file waits in the database
 * between the steps and the chosen columns travel in the URL, so any instance can serve each step.
 */
@Controller
@RequestMapping("/events/{id:\\d+}/participants")
class ParticipantImportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** Rows rendered on the preview page; every row is still validated. */
	static final int SHOWN_ROWS = 500;

	private static final String UPLOAD = "/import/{uploadId:[0-9a-fA-F-]{36}}";

	private final ParticipantImports imports;

	private final TrainingEvents events;

	private final TrainingCatalog catalog;

	private final UploadStore uploads;

	ParticipantImportController(ParticipantImports imports, TrainingEvents events, TrainingCatalog catalog,
			UploadStore uploads) {
		this.imports = imports;
		this.events = events;
		this.catalog = catalog;
		this.uploads = uploads;
	}

	@GetMapping("/template.xlsx")
	@TrainingWriter
	ResponseEntity<byte[]> template(@SignedIn CurrentUser me, @PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("oqytu-participants-" + id + ".xlsx").build().toString())
			.body(imports.template(me, events.details(me, id).districtId()));
	}

	@PostMapping("/import")
	@TrainingWriter
	String upload(@SignedIn CurrentUser me, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		events.details(me, id);
		if (file == null || file.isEmpty()) {
			return rejected(id, redirect, "import.error.fileEmpty");
		}
		if (file.getSize() > SafeWorkbooks.MAX_FILE_BYTES) {
			return rejected(id, redirect, "import.error.fileTooLarge", SafeWorkbooks.MAX_FILE_BYTES / (1024 * 1024));
		}
		byte[] content = file.getBytes();
		try {
			SafeWorkbooks.check(content);
		}
		catch (SpreadsheetRejectedException ex) {
			return rejected(id, redirect, ex.messageKey(), ex.arguments());
		}
		UUID uploadId = uploads.save(kind(id), me.username(), file.getOriginalFilename(), content);
		return "redirect:/events/" + id + "/participants/import/" + uploadId;
	}

	@GetMapping(UPLOAD)
	@TrainingWriter
	String preview(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable UUID uploadId,
			@ModelAttribute("mapping") ColumnMappingForm mapping, BindingResult binding,
			@RequestParam MultiValueMap<String, String> parameters, Model model, Locale locale,
			RedirectAttributes redirect) {
		var upload = uploads.find(uploadId, kind(id), me.username()).orElse(null);
		if (upload == null) {
			return rejected(id, redirect, "import.error.uploadExpired");
		}
		ParticipantImportPreview preview;
		try {
			// Column numbers that do not parse are ignored: the headers are recognized instead.
			preview = imports.preview(me, id, upload.content(), binding.hasErrors() ? null : mapping.columns(),
					DecisionParameters.read(parameters), locale);
		}
		catch (SpreadsheetRejectedException ex) {
			uploads.delete(uploadId);
			return rejected(id, redirect, ex.messageKey(), ex.arguments());
		}
		model.addAttribute("decisions", DecisionParameters.read(parameters));
		return page(me, id, upload, preview, model);
	}

	@GetMapping(UPLOAD + "/columns")
	@TrainingWriter
	String columns(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable UUID uploadId,
			@ModelAttribute("mapping") ColumnMappingForm mapping, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		var upload = uploads.find(uploadId, kind(id), me.username()).orElse(null);
		if (upload == null) {
			return rejected(id, redirect, "import.error.uploadExpired");
		}
		ParticipantImportPreview preview;
		try {
			preview = imports.readColumns(me, id, upload.content(), binding.hasErrors() ? null : mapping.columns());
		}
		catch (SpreadsheetRejectedException ex) {
			uploads.delete(uploadId);
			return rejected(id, redirect, ex.messageKey(), ex.arguments());
		}
		return page(me, id, upload, preview, model);
	}

	@PostMapping(UPLOAD + "/commit")
	@TrainingWriter
	String commit(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable UUID uploadId,
			@ModelAttribute("mapping") ColumnMappingForm mapping, BindingResult binding,
			@RequestParam MultiValueMap<String, String> parameters, RedirectAttributes redirect) {
		var upload = uploads.find(uploadId, kind(id), me.username()).orElse(null);
		if (upload == null) {
			return rejected(id, redirect, "import.error.uploadExpired");
		}
		ColumnMappingForm chosen = binding.hasErrors() ? new ColumnMappingForm(null, null, null, null) : mapping;
		var decisions = DecisionParameters.read(parameters);
		try {
			int added = imports.commit(me, id, upload.content(), chosen.columns(), decisions);
			uploads.delete(uploadId);
			redirect.addFlashAttribute("flash", "participants.import.flash.done");
			redirect.addFlashAttribute("flashArgs", new Object[] { added });
			return "redirect:/events/" + id + "/participants";
		}
		catch (BusinessRuleException | SpreadsheetRejectedException | DataIntegrityViolationException ex) {
			// Someone changed the list meanwhile, or the file no longer passes: show the preview again.
			redirect.addFlashAttribute("flashError", "participants.import.error.notValid");
			var url = org.springframework.web.util.UriComponentsBuilder
				.fromPath("/events/{id}/participants/import/{upload}");
			chosen.parameters().forEach((k, v) -> url.queryParam(k, v));
			DecisionParameters.write(decisions).forEach((k, v) -> url.queryParam(k, v.toArray()));
			return "redirect:" + url.buildAndExpand(id, uploadId).encode().toUriString();
		}
	}

	private String page(CurrentUser me, long id, UploadStore.Upload upload, ParticipantImportPreview preview, Model model) {
		model.addAttribute("event", events.details(me, id));
		model.addAttribute("uploadId", upload.id());
		model.addAttribute("filename", upload.filename());
		model.addAttribute("preview", preview);
		model.addAttribute("mapping", ColumnMappingForm.of(preview.columns()));
		if (!model.containsAttribute("decisions")) {
			model.addAttribute("decisions", kz.oqytu.training.ImportDecisions.NONE);
		}
		if (preview.mappingNeeded()) {
			return "training/participant-import-columns";
		}
		model.addAttribute("shownRows", preview.shownRows(SHOWN_ROWS));
		model.addAttribute("shownLimit", SHOWN_ROWS);
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("categoryByCode", TrainingCatalog.byCode(catalog.categories()));
		return "training/participant-import-preview";
	}

	private static String rejected(long id, RedirectAttributes redirect, String messageKey, Object... arguments) {
		redirect.addFlashAttribute("flashError", messageKey);
		if (arguments != null && arguments.length > 0) {
			redirect.addFlashAttribute("flashArgs", arguments);
		}
		return "redirect:/events/" + id + "/participants";
	}

	/** Uploads belong to one event, so a file cannot be previewed against another event's list. */
	private static String kind(long eventId) {
		return "participants-" + eventId;
	}
}
