package kz.oqytu.shared.xlsx;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sheet limits every import reads with, from {@code oqytu.imports.*} (defaults in {@link SheetLimits}). */
@Configuration(proxyBeanMethods = false)
class SheetLimitsConfig {

	@Bean
	SheetLimits sheetLimits(@Value("${oqytu.imports.max-rows:100000}") int rows,
			@Value("${oqytu.imports.max-columns:100}") int columns,
			@Value("${oqytu.imports.max-cells:1000000}") long cells) {
		return new SheetLimits(rows, columns, cells);
	}
}
