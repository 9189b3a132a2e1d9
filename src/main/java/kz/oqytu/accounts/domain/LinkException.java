package kz.oqytu.accounts.domain;

/** A single-use link was refused; the page says why ({@link LinkProblem}). */
public class LinkException extends RuntimeException {

	private final LinkProblem problem;

	LinkException(LinkProblem problem) {
		super(problem.name());
		this.problem = problem;
	}

	public LinkProblem problem() {
		return problem;
	}
}
