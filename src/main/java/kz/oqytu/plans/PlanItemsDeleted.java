package kz.oqytu.plans;

import java.util.List;

/**
 * Items of a regional plan are being deleted (one by hand, or the drafted ones a new draft replaces).
 * Published inside the deleting transaction, before the rows go: a module that keeps links to plan items
 * by id (the resolutions' tasks) forgets them, and a failure rolls the deletion back.
 */
public record PlanItemsDeleted(List<Long> itemIds) {
}
