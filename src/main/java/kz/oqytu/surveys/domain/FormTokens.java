package kz.oqytu.surveys.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the server signs for the public survey: the device cookie (a random id and its HMAC), the
 * one-time form token (survey, device, moment issued and a random nonce, with their HMAC) and the
 * keyed hashes of address and browser. The key comes from {@code oqytu.surveys.device-key}, else
 * from the database (drawn once, so that every instance signs alike); each use has a key of its own
 * derived from it.
 */
@Component
class FormTokens {

	/** A form token's content once its signature is verified. */
	record FormToken(long surveyId, UUID device, Instant issuedAt, UUID nonce) {
	}

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder B64D = Base64.getUrlDecoder();

	private static final int MAC_BYTES = 16;

	private static final int PAYLOAD_BYTES = 48;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SurveyProperties properties;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private volatile byte[] master;

	private final ThreadLocal<Mac> deviceMac = ThreadLocal.withInitial(() -> mac("device"));

	private final ThreadLocal<Mac> formMac = ThreadLocal.withInitial(() -> mac("form"));

	private final ThreadLocal<Mac> hashMac = ThreadLocal.withInitial(this::hashMac);

	FormTokens(SurveyProperties properties, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Reads the key at start, so that no answer pays for it. */
	@EventListener(ApplicationReadyEvent.class)
	void loadKey() {
		master();
	}

	// ---- device cookie

	UUID newDevice() {
		return UUID.randomUUID();
	}

	String deviceCookie(UUID device) {
		String id = device.toString();
		return id + "." + B64.encodeToString(sign(deviceMac.get(), id.getBytes(StandardCharsets.US_ASCII)));
	}

	/** The device of a cookie this server signed; empty for a missing, malformed or forged one. */
	Optional<UUID> device(String cookie) {
		if (cookie == null || cookie.length() != 36 + 1 + 22 || cookie.charAt(36) != '.') {
			return Optional.empty();
		}
		String id = cookie.substring(0, 36);
		byte[] expected = sign(deviceMac.get(), id.getBytes(StandardCharsets.US_ASCII));
		if (!MessageDigest.isEqual(expected, decode(cookie.substring(37)))) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	// ---- one-time form token

	String formToken(long surveyId, UUID device, Instant issuedAt) {
		UUID nonce = UUID.randomUUID();
		ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES)
			.putLong(surveyId)
			.putLong(device.getMostSignificantBits())
			.putLong(device.getLeastSignificantBits())
			.putLong(issuedAt.toEpochMilli())
			.putLong(nonce.getMostSignificantBits())
			.putLong(nonce.getLeastSignificantBits());
		byte[] bytes = payload.array();
		return B64.encodeToString(bytes) + "." + B64.encodeToString(sign(formMac.get(), bytes));
	}

	/** The content of a form token this server signed; empty for anything else. */
	Optional<FormToken> formToken(String token) {
		if (token == null || token.length() != 64 + 1 + 22 || token.charAt(64) != '.') {
			return Optional.empty();
		}
		byte[] bytes = decode(token.substring(0, 64));
		if (bytes.length != PAYLOAD_BYTES
				|| !MessageDigest.isEqual(sign(formMac.get(), bytes), decode(token.substring(65)))) {
			return Optional.empty();
		}
		ByteBuffer payload = ByteBuffer.wrap(bytes);
		return Optional.of(new FormToken(payload.getLong(), new UUID(payload.getLong(), payload.getLong()),
				Instant.ofEpochMilli(payload.getLong()), new UUID(payload.getLong(), payload.getLong())));
	}

	// ---- keyed hashes (never reversible to an address without the key)

	/** Address, browser string and languages, per survey: one browser answering many times. */
	String fingerprint(String address, String userAgent, String acceptLanguage, String surveyToken) {
		return hash(address + "|" + userAgent + "|" + acceptLanguage + "|" + surveyToken);
	}

	/** The address alone, per survey: one address answering in bulk, whatever browser it claims. */
	String addressKey(String address, String surveyToken) {
		return hash("address|" + address + "|" + surveyToken);
	}

	private String hash(String source) {
		// doFinal resets the keyed Mac for its next use on this thread
		return HexFormat.of().formatHex(hashMac.get().doFinal(source.getBytes(StandardCharsets.UTF_8)), 0, 16);
	}

	// ---- keys

	private static byte[] sign(Mac mac, byte[] data) {
		byte[] full = mac.doFinal(data);
		byte[] truncated = new byte[MAC_BYTES];
		System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
		return truncated;
	}

	private static byte[] decode(String text) {
		try {
			return B64D.decode(text);
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	private Mac hashMac() {
		return properties.fingerprintSecret() != null
				? mac(properties.fingerprintSecret().getBytes(StandardCharsets.UTF_8)) : mac("fingerprint");
	}

	private Mac mac(String purpose) {
		return mac(mac(master()).doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
	}

	private static Mac mac(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] master() {
		byte[] key = master;
		if (key == null) {
			synchronized (this) {
				key = master;
				if (key == null) {
					key = properties.deviceKey() != null ? properties.deviceKey().getBytes(StandardCharsets.UTF_8)
							: stored();
					master = key;
				}
			}
		}
		return key;
	}

	/** The stored key, drawn now when no instance has drawn it yet (the first insert wins). */
	private byte[] stored() {
		byte[] drawn = new byte[32];
		RANDOM.nextBytes(drawn);
		return ownTransaction.execute(status -> {
			jdbc.sql("insert into survey_secret (name, secret) values ('device-key', :secret) on conflict (name) do nothing")
				.param("secret", drawn)
				.update();
			return jdbc.sql("select secret from survey_secret where name = 'device-key'").query(byte[].class).single();
		});
	}
}
