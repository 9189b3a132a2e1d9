package kz.oqytu.plans;

import java.util.Map;

/**
 * The year-end review: the shortcomings found, the corrections for next year's plan, and for each
 * item (by id) whether it goes into next year's plan and what to change in it.
 */
public record PlanReview(String shortcomings, String corrections, Map<Long, ItemReview> items) {

	public record ItemReview(boolean carryOver, String note) {
	}
}
