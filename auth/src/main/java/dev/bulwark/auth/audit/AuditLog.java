package dev.bulwark.auth.audit;

import java.time.Clock;
import java.util.Objects;

/**
 * Records security events as one structured JSON line each, by default on the SLF4J logger
 * {@value AuditSink#LOGGER_NAME}.
 *
 * <p>A line holds the time, the event, the outcome, the request id, the principal, the client IP, a stable
 * reason code, a target and free-form details, in that order. It never holds a password, token, key or secret:
 * there is no field for one, details named like one are redacted, and values that look like one are replaced
 * by {@code [REDACTED]}. Control and line-breaking characters are escaped so a user-supplied value cannot
 * forge a line. Usable outside HTTP; thread-safe.
 *
 * <pre>{@code
 * AuditLog audit = AuditLog.slf4j();
 * audit.record(AuditEvent.of(AuditEventType.API_KEY_CREATED, AuditOutcome.SUCCESS)
 *     .requestId(rid).principal(me.id()).clientIp(ip).target(created.record().keyId()).build());
 * }</pre>
 * gives
 * <pre>{"ts":"2026-01-01T00:00:00Z","event":"API_KEY_CREATED","outcome":"SUCCESS","request_id":"r-1",
 * "principal":"user-42","client_ip":"192.0.2.7","target":"0123456789abcdef"}</pre>
 */
public final class AuditLog {

  private final AuditSink sink;
  private final Clock clock;

  private AuditLog(AuditSink sink, Clock clock) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** An audit log on the {@value AuditSink#LOGGER_NAME} SLF4J logger with the UTC system clock. */
  public static AuditLog slf4j() {
    return new AuditLog(AuditSink.slf4j(), Clock.systemUTC());
  }

  /** An audit log writing to {@code sink}, stamping lines with {@code clock}. */
  public static AuditLog to(AuditSink sink, Clock clock) {
    return new AuditLog(sink, clock);
  }

  /** Writes {@code event} as one line. */
  public void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    sink.write(event, JsonLine.write(clock.instant(), event));
  }

  /** A shortcut for an event with only the common fields. */
  public void record(AuditEventType type, AuditOutcome outcome, String requestId, String principalId,
      String clientIp, Enum<?> reason) {
    record(AuditEvent.of(type, outcome).requestId(requestId).principal(principalId).clientIp(clientIp)
        .reason(reason).build());
  }
}
