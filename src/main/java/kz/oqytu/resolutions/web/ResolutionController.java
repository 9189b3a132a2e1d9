package kz.oqytu.resolutions.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;

import jakarta.validation.Valid;

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
import kz.oqytu.plans.PlanItemRef;
import kz.oqytu.plans.Plans;
import kz.oqytu.resolutions.ResolutionView;
import kz.oqytu.resolutions.Resolutions;
import kz.oqytu.resolutions.TaskStatus;
import kz.oqytu.shared.web.Forms;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.EventRow;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;

/** Executive-committee resolutions and the follow-up of their tasks, overdue ones highlighted. */
@Controller
@RequestMapping("/resolutions")
class ResolutionController {

	private final Resolutions resolutions;

	private final Plans plans;

	private final TrainingEvents events;

	private final Clock clock;

	ResolutionController(Resolutions resolutions, Plans plans, TrainingEvents events, Clock clock) {
		this.clock = clock;
		this.resolutions = resolutions;
		this.plans = plans;
		this.events = events;
	}

	@GetMapping
	@StaffOnly
	String list(@SignedIn CurrentUser me, Model model) {
		model.addAttribute("resolutions", resolutions.list(me));
		model.addAttribute("overdue", resolutions.overdueTasks(me));
		model.addAttribute("counts", resolutions.taskCounts(me));
		return "resolutions/resolutions";
	}

	@GetMapping("/new")
	@TrainingWriter
	String newResolution(Model model) {
		model.addAttribute("form", ResolutionForm.empty(LocalDate.now(clock)));
		model.addAttribute("resolution", null);
		return "resolutions/resolution-form";
	}

	@PostMapping("/new")
	@TrainingWriter
	String create(@SignedIn CurrentUser me, @Valid @ModelAttribute("form") ResolutionForm form, BindingResult result,
			Model model,
			RedirectAttributes redirect) {
		return Forms.submit(result, () -> {
			long id = resolutions.create(me, form.command());
			redirect.addFlashAttribute("flash", "resolutions.flash.created");
			return "redirect:/resolutions/" + id;
		}, () -> {
			model.addAttribute("resolution", null);
			return "resolutions/resolution-form";
		});
	}

	@GetMapping("/{id:\\d+}")
	@StaffOnly
	String show(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("resolution", resolutions.resolution(me, id));
		model.addAttribute("today", LocalDate.now(clock));
		return "resolutions/resolution";
	}

	@GetMapping("/{id:\\d+}/edit")
	@TrainingWriter
	String edit(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		ResolutionView resolution = resolutions.resolution(me, id);
		model.addAttribute("resolution", resolution);
		model.addAttribute("form", ResolutionForm.of(resolution));
		return "resolutions/resolution-form";
	}

	@PostMapping("/{id:\\d+}/edit")
	@TrainingWriter
	String update(@SignedIn CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") ResolutionForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		ResolutionView resolution = resolutions.resolution(me, id);
		return Forms.submit(result, () -> {
			resolutions.update(me, id, form.version() == null ? -1 : form.version(),
					form.command());
			redirect.addFlashAttribute("flash", "resolutions.flash.saved");
			return "redirect:/resolutions/" + id;
		}, () -> {
			model.addAttribute("resolution", resolution);
			return "resolutions/resolution-form";
		});
	}

	@GetMapping("/{id:\\d+}/tasks/new")
	@TrainingWriter
	String newTask(@SignedIn CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("form", TaskForm.empty());
		return taskForm(me, id, null, model);
	}

	@PostMapping("/{id:\\d+}/tasks/new")
	@TrainingWriter
	String addTask(@SignedIn CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") TaskForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		return Forms.submit(result, () -> {
			resolutions.addTask(me, id, form.command());
			redirect.addFlashAttribute("flash", "resolutions.flash.taskAdded");
			return "redirect:/resolutions/" + id;
		}, () -> taskForm(me, id, null, model));
	}

	@GetMapping("/{id:\\d+}/tasks/{taskId:\\d+}/edit")
	@TrainingWriter
	String editTask(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable long taskId, Model model) {
		model.addAttribute("form", TaskForm.of(resolutions.task(me, id, taskId)));
		return taskForm(me, id, taskId, model);
	}

	@PostMapping("/{id:\\d+}/tasks/{taskId:\\d+}/edit")
	@TrainingWriter
	String updateTask(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable long taskId,
			@Valid @ModelAttribute("form") TaskForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		resolutions.task(me, id, taskId);
		return Forms.submit(result, () -> {
			resolutions.updateTask(me, id, taskId, form.version() == null ? -1 : form.version(),
					form.command());
			redirect.addFlashAttribute("flash", "resolutions.flash.taskSaved");
			return "redirect:/resolutions/" + id;
		}, () -> taskForm(me, id, taskId, model));
	}

	@PostMapping("/{id:\\d+}/tasks/{taskId:\\d+}/delete")
	@TrainingWriter
	String deleteTask(@SignedIn CurrentUser me, @PathVariable long id, @PathVariable long taskId,
			@RequestParam int version,
			RedirectAttributes redirect) {
		resolutions.deleteTask(me, id, taskId, version);
		redirect.addFlashAttribute("flash", "resolutions.flash.taskDeleted");
		return "redirect:/resolutions/" + id;
	}

	/** Plan items and events of the resolution's year and the next, to link the task to. */
	private String taskForm(CurrentUser me, long id, Long taskId, Model model) {
		ResolutionView resolution = resolutions.resolution(me, id);
		int year = resolution.adoptedOn().getYear();
		List<PlanItemRef> items = new ArrayList<>(plans.itemOptions(me, year));
		items.addAll(plans.itemOptions(me, year + 1));
		List<EventRow> eventOptions = new ArrayList<>();
		for (int y : new int[] { year, year + 1 }) {
			events.search(me, new EventCriteria(y, null, null, null, null, null, null, null, EventCriteria.Sort.DATE, false,
					0, EventCriteria.MAX_SIZE)).getContent().stream()
				.filter(e -> e.status() != EventStatus.CANCELLED)
				.forEach(eventOptions::add);
		}
		model.addAttribute("resolution", resolution);
		model.addAttribute("taskId", taskId);
		model.addAttribute("itemOptions", items);
		model.addAttribute("eventOptions", eventOptions);
		model.addAttribute("statuses", TaskStatus.values());
		return "resolutions/task-form";
	}
}
