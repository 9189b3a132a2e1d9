package kz.oqytu.accounts.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsernameIgnoreCase(String username);

	boolean existsByUsernameIgnoreCase(String username);

	List<UserAccount> findAllByOrderByUsernameAsc();

	Optional<UserAccount> findByEmailIgnoreCase(String email);

	/** Administrators who can sign in: enabled, with a password chosen. */
	@Query("select count(u) from UserAccount u where u.role = kz.oqytu.accounts.Role.ADMIN and u.enabled = true and u.passwordHash is not null")
	long countEnabledAdmins();

	@Modifying
	@Query("update UserAccount u set u.lastLoginAt = :at where u.id = :id")
	void touchLastLogin(long id, java.time.Instant at);

	/** A rehash at login: the old hash must still be the stored one. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = "update app_user set password_hash = :newHash where id = :id and password_hash = :oldHash", nativeQuery = true)
	int replacePasswordHash(long id, String oldHash, String newHash);
}
