package kz.oqytu.resolutions.web;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import kz.oqytu.resolutions.LinkKind;
import kz.oqytu.resolutions.TaskCommand;
import kz.oqytu.resolutions.TaskLink;
import kz.oqytu.resolutions.TaskStatus;
import kz.oqytu.resolutions.TaskView;

/**
 * A resolution's task with what carries it out: plan items and events chosen from lists, and
 * methodical materials typed by number ("12, 15"), as the materials module is another's.
 */
record TaskForm(@NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String description,
		@Size(max = 300, message = "{validation.tooLong}") String responsible,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
		@NotNull(message = "{validation.required}") TaskStatus status,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
		@Size(max = 4000, message = "{validation.tooLong}") String executionNotes,
		Set<Long> planItemIds,
		Set<Long> eventIds,
		@Pattern(regexp = "^[0-9 ,;]*$", message = "{resolutions.error.materialIds}") @Size(max = 500, message = "{validation.tooLong}") String materialIds,
		Integer version) {

	static TaskForm empty() {
		return new TaskForm(null, null, null, TaskStatus.NOT_STARTED, null, null, Set.of(), Set.of(), null, null);
	}

	static TaskForm of(TaskView t) {
		return new TaskForm(t.description(), t.responsible(), t.deadline(), t.status(), t.completedOn(), t.executionNotes(),
				ids(t, LinkKind.PLAN_ITEM), ids(t, LinkKind.EVENT),
				t.links(LinkKind.MATERIAL).stream().map(l -> Long.toString(l.targetId())).collect(Collectors.joining(", ")),
				t.version());
	}

	private static Set<Long> ids(TaskView t, LinkKind kind) {
		return t.links(kind).stream().map(TaskLink::targetId).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	TaskCommand command() {
		Set<Long> materials = new LinkedHashSet<>();
		if (materialIds != null) {
			for (String part : materialIds.split("[ ,;]+")) {
				if (!part.isBlank()) {
					materials.add(Long.valueOf(part.length() > 18 ? "0" : part));
				}
			}
		}
		return new TaskCommand(description, responsible, deadline, status, completedOn, executionNotes,
				planItemIds == null ? Set.of() : planItemIds, eventIds == null ? Set.of() : eventIds, materials);
	}
}
