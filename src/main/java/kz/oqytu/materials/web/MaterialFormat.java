package kz.oqytu.materials.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import kz.oqytu.shared.NumberFormats;

/** Template formatting for the materials pages: file sizes as "340 КБ", "1,2 МБ" ({@code @materialFmt.size(n)}). */
@Component("materialFmt")
public class MaterialFormat {

	private static final long KB = 1024;

	private static final long MB = 1024 * 1024;

	private final MessageSource messages;

	MaterialFormat(MessageSource messages) {
		this.messages = messages;
	}

	public String size(long bytes) {
		var locale = LocaleContextHolder.getLocale();
		if (bytes < MB) {
			long kb = Math.max(1, (bytes + KB - 1) / KB);
			return messages.getMessage("materials.size.kb", new Object[] { NumberFormats.count(kb, locale) }, locale);
		}
		BigDecimal mb = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(MB), 1, RoundingMode.HALF_UP);
		String text = NumberFormats.money(mb, locale);
		// money() prints two decimals; one is enough for a file size
		return messages.getMessage("materials.size.mb", new Object[] { text.substring(0, text.length() - 1) }, locale);
	}
}
