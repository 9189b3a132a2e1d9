package kz.oqytu.shared.imports;

/** Why a row of an import cannot be taken, as a message key and its arguments. */
public record RowError(String messageKey, Object... arguments) {
}
