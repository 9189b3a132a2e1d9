package kz.oqytu.surveys;

import java.util.List;

import org.springframework.data.domain.Page;

import kz.oqytu.accounts.CurrentUser;

/**
 * Sample interviews with representatives of primary organizations. Staff read those of
 * organizations in their scope; methodologists and administrators record them.
 */
public interface Interviews {

	Page<InterviewView> search(CurrentUser user, InterviewCriteria criteria);

	/** Years that have interviews in the user's scope, newest first, this year always included. */
	List<Integer> years(CurrentUser user);

	InterviewView one(CurrentUser user, long id);

	long create(CurrentUser user, InterviewCommand command);

	/** Refused with {@link kz.oqytu.shared.ConflictException} when {@code version} is not the stored one. */
	void update(CurrentUser user, long id, int version, InterviewCommand command);

	void delete(CurrentUser user, long id, int version);
}
