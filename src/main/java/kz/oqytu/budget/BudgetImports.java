package kz.oqytu.budget;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.shared.imports.ImportPreview;

/**
 * Excel import of a year's budgets: a template pre-filled with the bodies in the user's scope and
 * their recorded figures, a preview with row-numbered errors, and an all-or-nothing commit that
 * validates the file again before writing.
 */
public interface BudgetImports {

	byte[] template(CurrentUser user, int year);

	ImportPreview<BudgetImportRow> preview(CurrentUser user, byte[] content);

	/** Writes every row or nothing; says how many budgets were written and for which years. */
	Imported commit(CurrentUser user, byte[] content);

	/** The outcome of a commit: budgets written, and their years, newest first. */
	record Imported(int budgets, java.util.List<Integer> years) {
	}
}
