package dev.bulwark.auth.audit;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One security event: what happened, how it ended, and who, from where, in which request.
 *
 * <p>There is deliberately no field for a password, token, key or secret. A detail whose key names one
 * ({@code password}, {@code token}, ...) has its value replaced by {@code [REDACTED]}, and free-form values that
 * look like credentials are redacted when the line is written.
 *
 * <pre>{@code
 * audit.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, AuditOutcome.FAILURE)
 *     .requestId(requestId).clientIp(ip).reason(e.reason()).detail("login", email).build());
 * }</pre>
 *
 * @param type what happened
 * @param outcome how it ended
 * @param requestId the request's id, or null
 * @param principalId the authenticated (or claimed) account id, or null
 * @param clientIp the client address as resolved behind trusted proxies, or null
 * @param reason a stable code (an enum constant's name), or null
 * @param target what was acted on (an API key id, a route), or null
 * @param details other free-form values, sorted by key
 */
public record AuditEvent(
    AuditEventType type,
    AuditOutcome outcome,
    String requestId,
    String principalId,
    String clientIp,
    String reason,
    String target,
    Map<String, String> details) {

  /** The most details one event may carry. */
  public static final int MAX_DETAILS = 16;

  private static final Pattern DETAIL_KEY = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  // Matched against the words of a lower_snake key, so "refresh_token" and "password_hash" are caught while
  // "key_id" or "shipping" are not.
  private static final Set<String> SECRET_WORDS = Set.of(
      "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "authorization", "auth", "cookie",
      "session", "credential", "credentials", "otp", "totp", "code", "codes", "recovery", "pin", "hash", "bearer",
      "jwt", "private");

  /** Validates the components and sorts the details. */
  public AuditEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(outcome, "outcome");
    if (reason != null && !REASON.matcher(reason).matches()) {
      throw new IllegalArgumentException("audit reason must be an UPPER_SNAKE code (an enum name)");
    }
    details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
    if (details.size() > MAX_DETAILS) {
      throw new IllegalArgumentException("an audit event carries at most " + MAX_DETAILS + " details");
    }
    for (String key : details.keySet()) {
      if (!DETAIL_KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("audit detail keys are lower_snake_case, 1 to 32 characters (was \""
            + key + "\")");
      }
    }
  }

  /** A builder for an event of {@code type} ending with {@code outcome}. */
  public static Builder of(AuditEventType type, AuditOutcome outcome) {
    return new Builder(type, outcome);
  }

  /** Whether a detail key names a credential, so its value must never be written. */
  static boolean namesSecret(String key) {
    if (key.contains("api_key")) {
      return true;
    }
    for (String word : key.split("_")) {
      if (SECRET_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Builds an {@link AuditEvent}. */
  public static final class Builder {
    private final AuditEventType type;
    private final AuditOutcome outcome;
    private String requestId;
    private String principalId;
    private String clientIp;
    private String reason;
    private String target;
    private final Map<String, String> details = new TreeMap<>();

    private Builder(AuditEventType type, AuditOutcome outcome) {
      this.type = type;
      this.outcome = outcome;
    }

    /** The request id. */
    public Builder requestId(String value) {
      this.requestId = value;
      return this;
    }

    /** The account id. */
    public Builder principal(String value) {
      this.principalId = value;
      return this;
    }

    /** The client address. */
    public Builder clientIp(String value) {
      this.clientIp = value;
      return this;
    }

    /** The stable reason, an enum constant (its name is written). */
    public Builder reason(Enum<?> value) {
      this.reason = value == null ? null : value.name();
      return this;
    }

    /** What was acted on. */
    public Builder target(String value) {
      this.target = value;
      return this;
    }

    /** A free-form detail; {@code key} is lower_snake_case. A null value is left out. */
    public Builder detail(String key, String value) {
      if (value != null) {
        details.put(key, value);
      }
      return this;
    }

    /** The event. */
    public AuditEvent build() {
      return new AuditEvent(type, outcome, requestId, principalId, clientIp, reason, target, details);
    }
  }
}
