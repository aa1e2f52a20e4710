package dev.bulwark.auth.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where finished audit lines go. The default writes to the SLF4J logger {@value #LOGGER_NAME}, so the
 * application routes and retains audit lines apart from its other logs; tests pass a sink that collects lines.
 */
@FunctionalInterface
public interface AuditSink {

  /** The SLF4J logger name used by {@link #slf4j()}. */
  String LOGGER_NAME = "bulwark.audit";

  /**
   * Writes one line. {@code line} is a single JSON object with every control and line-breaking character
   * escaped; {@code event} is the event it came from, for sinks that route by outcome.
   */
  void write(AuditEvent event, String line);

  /** A sink on the {@value #LOGGER_NAME} logger: INFO for successes, WARN for failures and denials. */
  static AuditSink slf4j() {
    Logger logger = LoggerFactory.getLogger(LOGGER_NAME);
    return (event, line) -> {
      if (event.outcome() == AuditOutcome.SUCCESS) {
        logger.info("{}", line);
      } else {
        logger.warn("{}", line);
      }
    };
  }
}
