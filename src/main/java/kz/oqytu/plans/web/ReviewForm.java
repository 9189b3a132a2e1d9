package kz.oqytu.plans.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Size;

import kz.oqytu.plans.PlanHeader;
import kz.oqytu.plans.PlanItemView;
import kz.oqytu.plans.PlanReview;

/**
 * The year-end review: shortcomings and corrections, the items kept for next year ({@code carried},
 * checkboxes by item id) and a note per item ({@code notes[id]}, keyed by the id as text).
 */
record ReviewForm(@Size(max = 4000, message = "{validation.tooLong}") String shortcomings,
		@Size(max = 4000, message = "{validation.tooLong}") String corrections, Set<Long> carried,
		Map<String, String> notes, Integer version) {

	static ReviewForm of(PlanHeader plan, List<PlanItemView> items) {
		Set<Long> carried = new HashSet<>();
		Map<String, String> notes = new HashMap<>();
		for (PlanItemView item : items) {
			if (item.carryOver()) {
				carried.add(item.id());
			}
			if (item.reviewNote() != null) {
				notes.put(Long.toString(item.id()), item.reviewNote());
			}
		}
		return new ReviewForm(plan.reviewShortcomings(), plan.reviewCorrections(), carried, notes, plan.version());
	}

	PlanReview review(List<PlanItemView> items) {
		Map<Long, PlanReview.ItemReview> reviews = new HashMap<>();
		for (PlanItemView item : items) {
			reviews.put(item.id(), new PlanReview.ItemReview(carried != null && carried.contains(item.id()),
					notes == null ? null : notes.get(Long.toString(item.id()))));
		}
		return new PlanReview(shortcomings, corrections, reviews);
	}

	public boolean carries(long id) {
		return carried != null && carried.contains(id);
	}

	public String note(long id) {
		return notes == null ? null : notes.get(Long.toString(id));
	}
}
