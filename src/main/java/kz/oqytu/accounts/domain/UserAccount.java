package kz.oqytu.accounts.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import kz.oqytu.accounts.Role;
import kz.oqytu.shared.time.UnionClock;

@Entity
@Table(name = "app_user")
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
	@SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, unique = true)
	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "full_name", nullable = false)
	private String fullName;

	private String email;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(name = "scope_unit_id", nullable = false)
	private long scopeUnitId;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now(UnionClock.current());

	@Column(name = "last_login_at")
	private Instant lastLoginAt;

	@Version
	private int version;

	protected UserAccount() {
	}

	UserAccount(String username, String passwordHash, String fullName, String email, Role role, long scopeUnitId) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.fullName = fullName;
		this.email = email;
		this.role = role;
		this.scopeUnitId = scopeUnitId;
	}

	void change(String fullName, String email, Role role, long scopeUnitId) {
		this.fullName = fullName;
		this.email = email;
		this.role = role;
		this.scopeUnitId = scopeUnitId;
	}

	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	String getFullName() {
		return fullName;
	}

	String getEmail() {
		return email;
	}

	Role getRole() {
		return role;
	}

	long getScopeUnitId() {
		return scopeUnitId;
	}

	boolean isEnabled() {
		return enabled;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	Instant getLastLoginAt() {
		return lastLoginAt;
	}

	void setLastLoginAt(Instant lastLoginAt) {
		this.lastLoginAt = lastLoginAt;
	}

	/** Invited and not yet accepted: no password has been chosen. */
	boolean isInvited() {
		return passwordHash == null;
	}

	int getVersion() {
		return version;
	}
}
