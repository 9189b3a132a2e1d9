package kz.oqytu.shared.xlsx;

/** The uploaded file is not a workbook we accept; the message key says why, in the user's words. */
public class SpreadsheetRejectedException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public SpreadsheetRejectedException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public SpreadsheetRejectedException(String messageKey, Throwable cause) {
		super(messageKey, cause);
		this.messageKey = messageKey;
		this.arguments = new Object[0];
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}
}
