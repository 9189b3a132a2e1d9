package kz.oqytu.accounts.domain;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in two lines why the first administrator was refused, instead of a stack trace. */
class AdminBootstrapFailureAnalyzer extends AbstractFailureAnalyzer<AdminBootstrapException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AdminBootstrapException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}
}
