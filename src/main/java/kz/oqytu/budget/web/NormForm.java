package kz.oqytu.budget.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;

import kz.oqytu.budget.TrainingNorm;

/** The norm's share in percent ("10" or "9,5") and the date it takes effect. */
record NormForm(
		@NotBlank(message = "{validation.required}") @Pattern(regexp = "^\\d{1,3}(?:[.,]\\d)?$", message = "{budget.error.normShare}") String share,
		@NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
		Integer version) {

	static NormForm empty() {
		return new NormForm(null, null, null);
	}

	static NormForm of(TrainingNorm norm) {
		return new NormForm(norm.share().value().stripTrailingZeros().toPlainString(), norm.effectiveFrom(),
				norm.version());
	}

	BigDecimal shareValue() {
		return new BigDecimal(share.replace(',', '.'));
	}
}
