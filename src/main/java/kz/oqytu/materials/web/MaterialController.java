package kz.oqytu.materials.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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

import kz.oqytu.accounts.AnyAccount;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.materials.LinkedEvent;
import kz.oqytu.materials.MaterialCriteria;
import kz.oqytu.materials.MaterialDetails;
import kz.oqytu.materials.MaterialDownload;
import kz.oqytu.materials.MaterialLanguage;
import kz.oqytu.materials.MaterialType;
import kz.oqytu.materials.Materials;
import kz.oqytu.shared.web.Forms;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.TrainingCatalog;
import kz.oqytu.training.TrainingEvents;

/** The library: list, a material's page, create, edit, new version, download, acknowledge. */
@Controller
@RequestMapping("/materials")
class MaterialController {

	static final int EVENT_OPTIONS = 15;

	private final Materials materials;

	private final TrainingCatalog catalog;

	private final TrainingEvents events;

	MaterialController(Materials materials, TrainingCatalog catalog, TrainingEvents events) {
		this.materials = materials;
		this.catalog = catalog;
		this.events = events;
	}

	@GetMapping
	@AnyAccount
	String library(@SignedIn CurrentUser me, @RequestParam(required = false) String q,
			@RequestParam(required = false) MaterialType type,
			@RequestParam(required = false) String topic, @RequestParam(required = false) MaterialLanguage language,
			@RequestParam(required = false) Long event, @RequestParam(defaultValue = "0") int page, Model model) {
		MaterialCriteria criteria = new MaterialCriteria(q, type, topic, language, event, page,
				MaterialCriteria.DEFAULT_SIZE);
		model.addAttribute("criteria", criteria);
		model.addAttribute("result", materials.search(me, criteria));
		if (event != null) {
			events.summary(event).ifPresent(e -> model.addAttribute("eventFilter",
					new LinkedEvent(e.id(), e.titleKk(), e.titleRu(), e.startsAt().toLocalDate())));
		}
		reference(model);
		return "materials/library";
	}

	@GetMapping("/{id:\\d+}")
	@AnyAccount
	String show(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("material", materials.details(me, id));
		reference(model);
		return "materials/material";
	}

	@GetMapping("/new")
	@TrainingWriter
	String createForm(@SignedIn CurrentUser me, Model model) {
		model.addAttribute("form", MaterialForm.empty());
		return form(me, model, null);
	}

	@PostMapping("/new")
	@TrainingWriter
	String create(@SignedIn CurrentUser me, @Valid @ModelAttribute("form") MaterialForm form, BindingResult result,
			Model model,
			RedirectAttributes redirect) {
		return Forms.submit(result, () -> {
			long id = materials.create(me, form.command(), form.upload());
			redirect.addFlashAttribute("flash", "materials.flash.created");
			return "redirect:/materials/" + id;
		}, () -> form(me, model, null));
	}

	@GetMapping("/{id:\\d+}/edit")
	@TrainingWriter
	String editForm(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		MaterialDetails material = editable(me, id);
		model.addAttribute("form", MaterialForm.of(material));
		return form(me, model, material);
	}

	@PostMapping("/{id:\\d+}/edit")
	@TrainingWriter
	String update(@SignedIn CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") MaterialForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		MaterialDetails material = editable(me, id);
		return Forms.submit(result, () -> {
			materials.update(me, id, form.version() == null ? -1 : form.version(),
					form.command());
			redirect.addFlashAttribute("flash", "materials.flash.saved");
			return "redirect:/materials/" + id;
		}, () -> form(me, model, material));
	}

	@GetMapping("/{id:\\d+}/versions/new")
	@TrainingWriter
	String versionForm(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		MaterialDetails material = editable(me, id);
		model.addAttribute("form", new VersionForm(null, null, material.version()));
		return versionForm(model, material);
	}

	@PostMapping("/{id:\\d+}/versions/new")
	@TrainingWriter
	String addVersion(@SignedIn CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") VersionForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		MaterialDetails material = editable(me, id);
		return Forms.submit(result, () -> {
			materials.addVersion(me, id, form.version(), form.note(),
					MaterialForm.upload(form.file()));
			redirect.addFlashAttribute("flash", "materials.flash.versionAdded");
			redirect.addFlashAttribute("flashArgs", new Object[] { material.versions().size() + 1 });
			return "redirect:/materials/" + id;
		}, () -> versionForm(model, material));
	}

	/**
	 * The file, streamed from the database as it is sent (Range requests resume a broken download),
	 * as an attachment under a cleaned name, never to be sniffed into another type.
	 */
	@GetMapping("/{id:\\d+}/versions/{versionId:\\d+}/download")
	@AnyAccount
	ResponseEntity<Resource> download(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable long versionId) {
		MaterialDownload file = materials.download(me, id, versionId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.fileType().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	@PostMapping("/{id:\\d+}/versions/{versionId:\\d+}/acknowledge")
	@AnyAccount
	String acknowledge(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable long versionId,
			@RequestParam(defaultValue = "sent") String back, RedirectAttributes redirect) {
		materials.acknowledge(me, id, versionId);
		redirect.addFlashAttribute("flash", "materials.flash.acknowledged");
		return switch (back) {
			case "material" -> "redirect:/materials/" + id;
			case "library" -> "redirect:/materials";
			case "portal" -> "redirect:/organizations/" + me.scopeUnitId() + "/portal";
			default -> "redirect:/materials/sent";
		};
	}

	/**
	 * Event choices for the material form (htmx): the events already chosen, ticked, then those
	 * whose title matches the text.
	 */
	@GetMapping("/event-options")
	@TrainingWriter
	String eventOptions(@SignedIn CurrentUser me, @RequestParam(required = false) String q,
			@RequestParam(name = "eventIds", required = false) Set<Long> chosen, Model model) {
		model.addAttribute("eventOptions", eventOptions(me, chosen, q));
		model.addAttribute("chosenEvents", chosen == null ? Set.of() : chosen);
		return "materials/fragments :: eventOptions";
	}

	private List<LinkedEvent> eventOptions(CurrentUser me, Set<Long> chosen, String query) {
		Map<Long, LinkedEvent> options = new LinkedHashMap<>();
		if (chosen != null && !chosen.isEmpty()) {
			events.summaries(chosen)
				.values()
				.forEach(e -> options.put(e.id(),
						new LinkedEvent(e.id(), e.titleKk(), e.titleRu(), e.startsAt().toLocalDate())));
		}
		if (query != null && !query.isBlank()) {
			events.search(me, new EventCriteria(null, null, null, null, null, null, null, query, EventCriteria.Sort.DATE,
					true, 0, EVENT_OPTIONS))
				.forEach(e -> options.putIfAbsent(e.id(),
						new LinkedEvent(e.id(), e.titleKk(), e.titleRu(), e.startsAt().toLocalDate())));
		}
		return new ArrayList<>(options.values());
	}

	private MaterialDetails editable(CurrentUser me, long id) {
		MaterialDetails material = materials.details(me, id);
		if (!material.editable()) {
			throw new AccessDeniedException("material " + id + " is not editable");
		}
		return material;
	}

	private String form(CurrentUser me, Model model, MaterialDetails material) {
		MaterialForm form = (MaterialForm) model.getAttribute("form");
		model.addAttribute("material", material);
		model.addAttribute("eventOptions", eventOptions(me, form == null ? Set.of() : form.chosenEvents(), null));
		model.addAttribute("chosenEvents", form == null ? Set.of() : form.chosenEvents());
		model.addAttribute("maxBytes", materials.maxFileBytes());
		model.addAttribute("maxMegabytes", materials.maxFileBytes() / (1024 * 1024));
		reference(model);
		return "materials/material-form";
	}

	private String versionForm(Model model, MaterialDetails material) {
		model.addAttribute("material", material);
		model.addAttribute("maxBytes", materials.maxFileBytes());
		model.addAttribute("maxMegabytes", materials.maxFileBytes() / (1024 * 1024));
		reference(model);
		return "materials/version-form";
	}

	private void reference(Model model) {
		Map<String, CatalogItem> topicByCode = new LinkedHashMap<>();
		catalog.topics().forEach(t -> topicByCode.put(t.code(), t));
		model.addAttribute("topics", catalog.topics());
		model.addAttribute("topicByCode", topicByCode);
		model.addAttribute("types", MaterialType.values());
		model.addAttribute("languages", MaterialLanguage.values());
	}
}
