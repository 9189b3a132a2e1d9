package kz.oqytu.budget.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.accounts.TrainingWriter;
import kz.oqytu.budget.BudgetBody;
import kz.oqytu.budget.BudgetCriteria;
import kz.oqytu.budget.BudgetLineCategory;
import kz.oqytu.budget.BudgetOverview;
import kz.oqytu.budget.BudgetRow;
import kz.oqytu.budget.BudgetRuleException;
import kz.oqytu.budget.Budgets;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.shared.web.Conflicts;
import kz.oqytu.shared.web.Forms;
import java.time.Clock;

/** Budget shares by year for the executive committee, each body's budgets, and their entry. */
@Controller
@RequestMapping("/budget")
class BudgetController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Budgets budgets;

	private final Clock clock;

	BudgetController(Budgets budgets, Clock clock) {
		this.clock = clock;
		this.budgets = budgets;
	}

	@GetMapping
	@StaffOnly
	String overview(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "NAME") BudgetCriteria.Sort sort,
			@RequestParam(defaultValue = "false") boolean desc, Model model, Locale locale) {
		int thisYear = LocalDate.now(clock).getYear();
		BudgetCriteria criteria = new BudgetCriteria(validYear(year) ? year : thisYear, sort, desc);
		BudgetOverview overview = budgets.overview(me, criteria);
		BudgetOverview current = criteria.year() == thisYear ? overview
				: budgets.overview(me, new BudgetCriteria(thisYear, BudgetCriteria.Sort.NAME, false));
		model.addAttribute("criteria", criteria);
		model.addAttribute("overview", overview);
		model.addAttribute("thisYear", current);
		model.addAttribute("years", budgets.years(me));
		// The chart follows the region; a user scoped to one committee sees that committee's.
		Optional<Long> chartUnit = overview.region()
			.or(() -> overview.rows().stream().filter(r -> r.unitId() == me.scopeUnitId()).findFirst())
			.map(BudgetRow::unitId);
		chartUnit.ifPresent(id -> {
			BudgetBody body = budgets.body(me, id);
			model.addAttribute("chartBody", body);
			model.addAttribute("chart", BudgetChart.of(body.sharesOldestFirst(), locale));
		});
		return "budget/overview";
	}

	@GetMapping("/export.xlsx")
	@StaffOnly
	ResponseEntity<byte[]> export(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "NAME") BudgetCriteria.Sort sort,
			@RequestParam(defaultValue = "false") boolean desc, Locale locale) {
		int y = validYear(year) ? year : LocalDate.now(clock).getYear();
		byte[] body = budgets.overviewWorkbook(me, new BudgetCriteria(y, sort, desc), locale);
		return xlsx(body, "oqytu-budget-" + y + ".xlsx");
	}

	@GetMapping("/bodies/{unitId:\\d+}")
	@AnyAccount
	String body(@SignedIn CurrentUser me, @PathVariable long unitId, Model model) {
		model.addAttribute("body", budgets.body(me, unitId));
		model.addAttribute("nextYear", Budgets.lastYear(clock));
		model.addAttribute("categories", BudgetLineCategory.values());
		return "budget/body";
	}

	/** The body page's "add a year" form asks for the year; the entry form lives at the year's address. */
	@GetMapping("/bodies/{unitId:\\d+}/edit")
	@TrainingWriter
	String chooseYear(@PathVariable long unitId, @RequestParam(required = false) Integer year,
			RedirectAttributes redirect) {
		if (!validYear(year)) {
			redirect.addFlashAttribute("flashError", "budget.error.year");
			redirect.addFlashAttribute("flashArgs", new Object[] { Budgets.firstYear(), Budgets.lastYear(clock) });
			return "redirect:/budget/bodies/" + unitId;
		}
		return "redirect:/budget/bodies/" + unitId + "/" + year + "/edit";
	}

	@GetMapping("/bodies/{unitId:\\d+}/{year:\\d{4}}/edit")
	@TrainingWriter
	String editForm(@SignedIn CurrentUser me, @PathVariable long unitId, @PathVariable int year, Model model,
			Locale locale) {
		BudgetBody body = budgets.body(me, unitId);
		requireValidYear(year);
		model.addAttribute("form", body.year(year).map(y -> BudgetForm.of(y, locale)).orElseGet(BudgetForm::empty));
		return form(body, year, model);
	}

	@PostMapping("/bodies/{unitId:\\d+}/{year:\\d{4}}/edit")
	@TrainingWriter
	String save(@SignedIn CurrentUser me, @PathVariable long unitId, @PathVariable int year,
			@Valid @ModelAttribute("form") BudgetForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response,
			Locale locale) {
		BudgetBody body = budgets.body(me, unitId);
		requireValidYear(year);
		if (!result.hasErrors()) {
			try {
				budgets.save(me, unitId, year, form.version(), form.command());
				redirect.addFlashAttribute("flash", "budget.flash.saved");
				redirect.addFlashAttribute("flashArgs", new Object[] { year });
				return "redirect:/budget/bodies/" + unitId;
			}
			catch (BudgetRuleException ex) {
				ex.violations().forEach(v -> Forms.reject(result, v));
			}
			catch (BusinessRuleException ex) {
				Forms.reject(result, ex);
			}
			catch (ConflictException ex) {
				BudgetBody now = budgets.body(me, unitId);
				BudgetForm stored = now.year(year).map(y -> BudgetForm.of(y, locale)).orElseGet(BudgetForm::empty);
				// amounts are text: "12000000" and "12 000 000,00" are the same amount
				Conflicts.keepTyped(model, "form", form, stored, response, BudgetController::sameAmount);
				return form(now, year, model);
			}
		}
		return form(body, year, model);
	}

	@PostMapping("/bodies/{unitId:\\d+}/{year:\\d{4}}/delete")
	@TrainingWriter
	String delete(@SignedIn CurrentUser me, @PathVariable long unitId, @PathVariable int year,
			@RequestParam int version,
			RedirectAttributes redirect) {
		budgets.delete(me, unitId, year, version);
		redirect.addFlashAttribute("flash", "budget.flash.deleted");
		redirect.addFlashAttribute("flashArgs", new Object[] { year });
		return "redirect:/budget/bodies/" + unitId;
	}

	private String form(BudgetBody body, int year, Model model) {
		model.addAttribute("body", body);
		model.addAttribute("year", year);
		model.addAttribute("recorded", body.year(year).orElse(null));
		model.addAttribute("norm", budgets.norm(year));
		model.addAttribute("categories", BudgetLineCategory.values());
		return "budget/budget-form";
	}

	private static boolean sameAmount(Object typed, Object stored) {
		try {
			var a = BudgetForm.amount((String) typed);
			var b = BudgetForm.amount((String) stored);
			return a == null ? b == null : b != null && a.compareTo(b) == 0;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private boolean validYear(Integer year) {
		return year != null && year >= Budgets.firstYear() && year <= Budgets.lastYear(clock);
	}

	private void requireValidYear(int year) {
		if (!validYear(year)) {
			throw new NotFoundException("budget year " + year);
		}
	}

	static ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}
}
