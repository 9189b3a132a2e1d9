package kz.oqytu.staffreport.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.web.Conflicts;
import kz.oqytu.shared.web.OnRuleBroken;
import kz.oqytu.staffreport.ResolutionDraft;
import kz.oqytu.staffreport.ResolutionDrafts;

/**
 * The resolution drafted from the approved staff report (decision 0049):
 * {@code /staff-reports/resolution?year=Y} shows it (or offers to draft it), and writers draft, edit,
 * remove and move items, and adopt it; its DOCX. The language is the page's (kk or ru), as the report's.
 */
@Controller
class ResolutionDraftController {

	private final ResolutionDrafts drafts;

	ResolutionDraftController(ResolutionDrafts drafts) {
		this.drafts = drafts;
	}

	@GetMapping("/staff-reports/resolution")
	@StaffOnly
	String page(@SignedIn CurrentUser me, @RequestParam int year, @RequestParam(required = false) Long region,
			Model model, Locale locale) {
		return show(me, year, region, model, locale, Map.of());
	}

	@GetMapping("/staff-reports/resolution.docx")
	@StaffOnly
	ResponseEntity<byte[]> docx(@SignedIn CurrentUser me, @RequestParam int year,
			@RequestParam(required = false) Long region, Locale locale) {
		byte[] body = drafts.docx(me, Optional.ofNullable(region), year, locale);
		String language = "ru".equals(locale.getLanguage()) ? "ru" : "kk";
		return ResponseEntity.ok()
			.contentType(StaffReportController.DOCX)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename("oqytu-resolution-" + year + "-" + language + ".docx").build().toString())
			.body(body);
	}

	@PostMapping("/staff-reports/resolution")
	@OnRuleBroken(redirect = "/staff-reports/resolution", keep = { "year", "region" })
	@TrainingWriter
	String draft(@SignedIn CurrentUser me, @RequestParam int year, @RequestParam(required = false) Long region,
			Locale locale,
			RedirectAttributes redirect) {
		drafts.draft(me, Optional.ofNullable(region), year, locale);
		redirect.addFlashAttribute("flash", "resdraft.flash.drafted");
		return back(year, region);
	}

	@PostMapping("/staff-reports/resolution/texts")
	@TrainingWriter
	String save(@SignedIn CurrentUser me, @RequestParam int year, @RequestParam(required = false) Long region,
			@RequestParam int version,
			@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		Map<String, String> fields = typed(params);
		return typedOrPage(me, year, region, fields, model, locale, response, () -> {
			drafts.save(me, Optional.ofNullable(region), year, locale, version, fields);
			redirect.addFlashAttribute("flash", "resdraft.flash.saved");
			return back(year, region);
		});
	}

	// Remove, add and move are buttons of the texts' form (formaction): what was typed and not yet saved comes
	// with them and is stored in the same step; a typed field the rules refuse shows the page again with
	// everything typed, and nothing is stored.

	@PostMapping("/staff-reports/resolution/items/remove")
	@OnRuleBroken(redirect = "/staff-reports/resolution", keep = { "year", "region" })
	@TrainingWriter
	String remove(@SignedIn CurrentUser me, @RequestParam int year, @RequestParam(required = false) Long region,
			@RequestParam int version, @RequestParam long item, @RequestParam Map<String, String> params, Model model,
			Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, String> fields = typed(params);
		return typedOrPage(me, year, region, fields, model, locale, response, () -> {
			drafts.remove(me, Optional.ofNullable(region), year, locale, version, fields, item);
			redirect.addFlashAttribute("flash", "resdraft.flash.removed");
			return back(year, region);
		});
	}

	@PostMapping("/staff-reports/resolution/items/add")
	@OnRuleBroken(redirect = "/staff-reports/resolution", keep = { "year", "region" })
	@TrainingWriter
	String add(@SignedIn CurrentUser me, @RequestParam int year, @RequestParam(required = false) Long region,
			@RequestParam int version, @RequestParam(required = false) Long parent,
			@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		Map<String, String> fields = typed(params);
		return typedOrPage(me, year, region, fields, model, locale, response, () -> {
			long id = drafts.add(me, Optional.ofNullable(region), year, locale, version, fields, parent);
			redirect.addFlashAttribute("flash", "resdraft.flash.added");
			return back(year, region) + "#item-" + id;
		});
	}

	@PostMapping("/staff-reports/resolution/items/move")
	@OnRuleBroken(redirect = "/staff-reports/resolution#item-{item}", keep = { "year", "region" })
	@TrainingWriter
	String move(@SignedIn CurrentUser me, @RequestParam int year, @RequestParam(required = false) Long region,
			@RequestParam int version, @RequestParam long item, @RequestParam String direction,
			@RequestParam Map<String, String> params, Model model, Locale locale, HttpServletResponse response) {
		Map<String, String> fields = typed(params);
		return typedOrPage(me, year, region, fields, model, locale, response, () -> {
			drafts.move(me, Optional.ofNullable(region), year, locale, version, fields, item, !"down".equals(direction));
			return back(year, region) + "#item-" + item;
		});
	}

	/** The draft's typed fields among a post's parameters. */
	private static Map<String, String> typed(Map<String, String> params) {
		Map<String, String> fields = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (k.equals("title") || k.equals("preamble") || k.equals("controlBy") || k.equals("signerTitle")
					|| k.equals("signerName") || k.startsWith("text_")
					|| k.startsWith("owner_") || k.startsWith("deadline_")) {
				fields.put(k, v);
			}
		});
		return fields;
	}

	/**
	 * Runs a step that stores what was typed; when a typed field breaks a rule, the page again with what was
	 * typed and the error beside its field (422), nothing stored. Other broken rules (a post without typed
	 * fields) go to the step's own handling.
	 */
	private String typedOrPage(CurrentUser me, int year, Long region, Map<String, String> fields, Model model,
			Locale locale, HttpServletResponse response, java.util.function.Supplier<String> step) {
		try {
			return step.get();
		}
		catch (BusinessRuleException ex) {
			if (fields.isEmpty()) {
				throw ex;
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			error(model, ex);
			return show(me, year, region, model, locale, fields);
		}
		catch (ConflictException ex) {
			// someone else saved the draft since this page was opened: nothing of this post is stored, and the
			// page comes back with what was typed over the draft as it now stands (its new version), so that
			// saving again stores it (decision 0023)
			if (fields.isEmpty()) {
				throw ex;
			}
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("flashError", "resdraft.error.meanwhile");
			String view = show(me, year, region, model, locale, fields);
			model.addAttribute(Conflicts.MEANWHILE, meanwhile((ResolutionDrafts.Page) model.getAttribute("page"), fields));
			return view;
		}
	}

	@PostMapping("/staff-reports/resolution/adoption")
	@TrainingWriter
	String adopt(@SignedIn CurrentUser me, @RequestParam int year, @RequestParam(required = false) Long region,
			@RequestParam int version,
			@RequestParam(required = false) String number, @RequestParam(required = false) String item,
			@RequestParam(required = false) String adoptedOn, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			long id = drafts.adopt(me, Optional.ofNullable(region), year, locale, version, number, item, adoptedOn);
			redirect.addFlashAttribute("flash", "resdraft.flash.adopted");
			return "redirect:/resolutions/" + id;
		}
		catch (BusinessRuleException | ConflictException ex) {
			if (ex instanceof BusinessRuleException broken) {
				response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
				error(model, broken);
			}
			else {
				// the draft changed since the page was opened: adopt what it says now, not what was read
				response.setStatus(HttpStatus.CONFLICT.value());
				model.addAttribute("flashError", "resdraft.error.meanwhileAdoption");
			}
			Map<String, String> typed = new LinkedHashMap<>();
			typed.put("number", number == null ? "" : number);
			typed.put("item", item == null ? "" : item);
			typed.put("adoptedOn", adoptedOn == null ? "" : adoptedOn);
			model.addAttribute("adoption", typed);
			return show(me, year, region, model, locale, Map.of());
		}
	}

	private String show(CurrentUser me, int year, Long region, Model model, Locale locale, Map<String, String> typed) {
		ResolutionDrafts.Page page = drafts.page(me, Optional.ofNullable(region), year, locale);
		model.addAttribute("page", page);
		model.addAttribute("draft", page.draft());
		model.addAttribute("typed", typed);
		model.addAttribute("region", region);
		model.addAttribute("mayWrite", me.writesTraining());
		model.addAttribute("mayEdit", me.writesTraining() && page.draft() != null && !page.draft().frozen());
		if (!model.containsAttribute("adoption")) {
			model.addAttribute("adoption", Map.of());
		}
		return "staffreport/resolution";
	}

	/**
	 * Beside each typed field, the value the draft now holds where it differs from the typed one (a field of an
	 * item removed meanwhile has no place on the page any more); line ends and outer spaces do not count.
	 */
	static Map<String, Object> meanwhile(ResolutionDrafts.Page page, Map<String, String> typed) {
		ResolutionDraft draft = page.draft();
		Map<String, Object> differ = new LinkedHashMap<>();
		if (draft == null) {
			return differ;
		}
		Map<String, String> stored = new LinkedHashMap<>();
		stored.put("title", draft.title());
		stored.put("preamble", draft.preamble());
		stored.put("controlBy", draft.controlBy());
		stored.put("signerTitle", draft.signerTitle());
		stored.put("signerName", draft.signerName());
		for (ResolutionDraft.Item item : draft.items()) {
			stored.put("text_" + item.id(), item.text());
			stored.put("owner_" + item.id(), item.owner());
			stored.put("deadline_" + item.id(), item.deadline() == null ? null : item.deadline().toString());
		}
		typed.forEach((name, value) -> {
			if (stored.containsKey(name) && !plain(value).equals(plain(stored.get(name)))) {
				differ.put(name, stored.get(name));
			}
		});
		return differ;
	}

	private static String plain(String value) {
		return value == null ? "" : value.replace("\r\n", "\n").strip();
	}

	private static void error(Model model, BusinessRuleException ex) {
		model.addAttribute("flashError", ex.messageKey());
		model.addAttribute("flashArgs", ex.arguments().length == 0 ? null : ex.arguments());
		model.addAttribute("errorKey", ex.field());
	}

	private static String back(int year, Long region) {
		return "redirect:/staff-reports/resolution?year=" + year + (region == null ? "" : "&region=" + region);
	}
}
