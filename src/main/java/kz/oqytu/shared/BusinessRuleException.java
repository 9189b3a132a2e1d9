package kz.oqytu.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A rule of the domain was broken by the user's input. Carries a message key (and arguments) so
 * the web layer can show the reason in the user's language, next to the field when one is named.
 * A controller that does not catch it (a hand-made address, a year out of range on a page) answers
 * 400 with the error page, never 500: the request was wrong, not the server.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class BusinessRuleException extends RuntimeException {

	private final String messageKey;

	private final String field;

	private final transient Object[] arguments;

	public BusinessRuleException(String messageKey, Object... arguments) {
		this(null, messageKey, arguments);
	}

	public BusinessRuleException(String field, String messageKey, Object... arguments) {
		super(messageKey);
		// Every message key has a dot. Two String arguments choose this constructor, so an argument meant for the
		// message became the key and the page said "??2025_ru??": cast such an argument to Object. Checked where
		// assertions run (the tests), so that a path the tests take cannot do it again unnoticed.
		assert messageKey != null && messageKey.indexOf('.') > 0
				: "not a message key: " + messageKey + " (field " + field + "): cast a String argument to Object";
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public String field() {
		return field;
	}

	public Object[] arguments() {
		return arguments;
	}
}
