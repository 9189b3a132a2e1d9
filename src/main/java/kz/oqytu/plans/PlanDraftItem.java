package kz.oqytu.plans;

/**
 * A plan item drafted from the coverage gap (decision 0050): the item as a command, and why it is in
 * the plan, in Kazakh and Russian like its title.
 */
public record PlanDraftItem(PlanItemCommand command, String reasonKk, String reasonRu) {
}
