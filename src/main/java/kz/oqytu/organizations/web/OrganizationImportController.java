package kz.oqytu.organizations.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import kz.oqytu.organizations.OrganizationImports;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.imports.ImportPreview;
import kz.oqytu.shared.upload.UploadStore;
import kz.oqytu.shared.xlsx.SafeWorkbooks;
import kz.oqytu.shared.xlsx.SpreadsheetRejectedException;
import java.time.Clock;

/**
 * Excel import of the registry and of membership: upload, preview with row errors, commit.
 * The file waits in the database between preview and commit and is validated again on commit.
 */
@Controller
@RequestMapping("/organizations/import")
@TrainingWriter
class OrganizationImportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final OrganizationImports imports;

	private final UploadStore uploads;

	private final Clock clock;

	private final kz.oqytu.organizations.Organizations organizations;

	OrganizationImportController(OrganizationImports imports, UploadStore uploads, Clock clock,
			kz.oqytu.organizations.Organizations organizations) {
		this.organizations = organizations;
		this.clock = clock;
		this.imports = imports;
		this.uploads = uploads;
	}

	@GetMapping
	String page(@SignedIn CurrentUser me, @RequestParam(required = false) Long region, Model model) {
		model.addAttribute("nextSnapshotYear", LocalDate.now(clock).getYear());
		// issue 17: an account above the regions chooses which region a registry file loads into
		if (me.scopePath().chars().filter(c -> c == '/').count() == 2) {
			model.addAttribute("targetRegions", organizations.regions(me));
			model.addAttribute("targetRegion", region);
		}
		return "organizations/import";
	}

	@GetMapping("/registry-template.xlsx")
	ResponseEntity<byte[]> registryTemplate(Locale locale) {
		return xlsx(imports.registryTemplate(locale), "oqytu-registry-template.xlsx");
	}

	@GetMapping("/membership-template.xlsx")
	ResponseEntity<byte[]> membershipTemplate(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year) {
		int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
		return xlsx(imports.membershipTemplate(me, LocalDate.of(y, 1, 1)),
				"oqytu-membership-" + y + ".xlsx");
	}

	@PostMapping("/{kind:registry|membership}")
	String upload(@SignedIn CurrentUser me, @PathVariable String kind,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) Long region, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("flashError", "import.error.fileEmpty");
			return "redirect:/organizations/import";
		}
		if (file.getSize() > SafeWorkbooks.MAX_FILE_BYTES) {
			redirect.addFlashAttribute("flashError", "import.error.fileTooLarge");
			redirect.addFlashAttribute("flashArgs", new Object[] { SafeWorkbooks.MAX_FILE_BYTES / (1024 * 1024) });
			return "redirect:/organizations/import";
		}
		byte[] content = file.getBytes();
		try {
			SafeWorkbooks.check(content);
		}
		catch (SpreadsheetRejectedException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
			redirect.addFlashAttribute("flashArgs", ex.arguments());
			return "redirect:/organizations/import";
		}
		UUID id = uploads.save("organizations-" + kind, me.username(), file.getOriginalFilename(),
				content);
		return "redirect:/organizations/import/" + kind + "/" + id + target(kind, region);
	}

	/** The registry's target region, carried from upload to preview to commit. */
	private static String target(String kind, Long region) {
		return "registry".equals(kind) && region != null ? "?region=" + region : "";
	}

	@GetMapping("/{kind:registry|membership}/{id}")
	String preview(@SignedIn CurrentUser me, @PathVariable String kind, @PathVariable UUID id,
			@RequestParam(required = false) Long region,
			Model model, RedirectAttributes redirect) {
		var upload = uploads.find(id, "organizations-" + kind, me.username()).orElse(null);
		if (upload == null) {
			redirect.addFlashAttribute("flashError", "import.error.uploadExpired");
			return "redirect:/organizations/import";
		}
		try {
			ImportPreview<?> preview;
			if ("registry".equals(kind) && region != null) {
				OrganizationImports.RegistryPreview into = imports.previewRegistry(me, region, upload.content());
				preview = into.rows();
				model.addAttribute("newDistricts", into.newDistricts());
				model.addAttribute("targetRegion", organizations.unit(region).orElse(null));
			}
			else {
				preview = "registry".equals(kind) ? imports.previewRegistry(me, upload.content())
						: imports.previewMembership(me, upload.content());
			}
			model.addAttribute("preview", preview);
		}
		catch (SpreadsheetRejectedException ex) {
			uploads.delete(id);
			redirect.addFlashAttribute("flashError", ex.messageKey());
			redirect.addFlashAttribute("flashArgs", ex.arguments());
			return "redirect:/organizations/import";
		}
		model.addAttribute("kind", kind);
		model.addAttribute("uploadId", id);
		model.addAttribute("region", "registry".equals(kind) ? region : null);
		model.addAttribute("filename", upload.filename());
		return "organizations/import-preview";
	}

	@PostMapping("/{kind:registry|membership}/{id}/commit")
	String commit(@SignedIn CurrentUser me, @PathVariable String kind, @PathVariable UUID id,
			@RequestParam(required = false) Long region,
			RedirectAttributes redirect) {
		var upload = uploads.find(id, "organizations-" + kind, me.username()).orElse(null);
		if (upload == null) {
			redirect.addFlashAttribute("flashError", "import.error.uploadExpired");
			return "redirect:/organizations/import";
		}
		try {
			int count = "registry".equals(kind) && region != null ? imports.commitRegistry(me, region, upload.content())
					: "registry".equals(kind) ? imports.commitRegistry(me, upload.content())
					: imports.commitMembership(me, upload.content());
			uploads.delete(id);
			redirect.addFlashAttribute("flash", "import.flash.done");
			redirect.addFlashAttribute("flashArgs", new Object[] { count });
			return "registry".equals(kind) ? "redirect:/organizations" : "redirect:/organizations/districts";
		}
		catch (BusinessRuleException | SpreadsheetRejectedException ex) {
			redirect.addFlashAttribute("flashError", "import.error.notValid");
			return "redirect:/organizations/import/" + kind + "/" + id + target(kind, region);
		}
	}

	static ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}
}
