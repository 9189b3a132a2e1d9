package kz.oqytu.shared.xlsx;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import kz.oqytu.shared.NumberFormats;

/**
 * Opens the {@link XlsxWriter} of an export: its print footer says when the file was made, on the
 * application's {@link Clock} (the union's zone), in the reader's language ("Сформировано: 03.12.2026 18:05").
 */
@Component
public class XlsxWriters {

	private final Clock clock;

	private final MessageSource messages;

	XlsxWriters(Clock clock, MessageSource messages) {
		this.clock = clock;
		this.messages = messages;
	}

	public XlsxWriter open(Locale locale) {
		return open(locale, false);
	}

	/** @param compressTempFiles as {@link XlsxWriter#XlsxWriter(boolean)}: for large exports */
	public XlsxWriter open(Locale locale, boolean compressTempFiles) {
		return new XlsxWriter(compressTempFiles, madeAt(locale));
	}

	/** "Сформировано: 03.12.2026 18:05": the footer line of every export, Excel and PDF. */
	public String madeAt(Locale locale) {
		String time = NumberFormats.dateTime(LocalDateTime.now(clock));
		return messages.getMessage("export.madeAt", new Object[] { time }, time, locale);
	}
}
