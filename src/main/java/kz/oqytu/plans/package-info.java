/**
 * The regional annual training plan: its approval, items and their execution through training events,
 * the year-end review and the copy into next year, the items drafted from the coverage gap, and the
 * plan's workbook. Other modules keep their own things in plan items through {@link kz.oqytu.plans.PlanItemHolders}
 * and hear of deleted items through {@link kz.oqytu.plans.PlanItemsDeleted} (decision 0056).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regional plans",
		allowedDependencies = { "accounts", "organizations", "shared", "training" })
package kz.oqytu.plans;
