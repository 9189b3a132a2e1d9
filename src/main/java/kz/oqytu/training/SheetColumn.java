package kz.oqytu.training;

/** A column of an uploaded sheet as the user sees it in Excel: its letter and its header text. */
public record SheetColumn(int index, String letter, String header) {
}
