package kz.oqytu.reports;

/** A figure of the table that changed since the report was approved. Values as printed. */
public record ReportDifference(String rowKey, String column, String approved, String now) {
}
