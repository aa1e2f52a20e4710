package dev.bulwark.runtime.validation.sanitize;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The application's named sanitizing policies: written at start, read on every request. */
final class CustomPolicies {
  /** Names as the processor can see them in {@code @Sanitize(custom = "...")}, so a typo is caught there too. */
  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

  private static final Map<String, UnaryOperator<String>> POLICIES = new ConcurrentHashMap<>();

  private CustomPolicies() {}

  static void register(String name, UnaryOperator<String> custom) {
    requireValidName(name);
    if (custom == null) {
      throw new IllegalArgumentException("custom sanitizing policy '" + name + "' must not be null");
    }
    UnaryOperator<String> previous = POLICIES.putIfAbsent(name, custom);
    if (previous != null && previous != custom) {
      throw new IllegalStateException("a different custom sanitizing policy is already registered as '" + name
          + "'; register each name once, at start");
    }
  }

  static UnaryOperator<String> find(String name) {
    return name == null ? null : POLICIES.get(name);
  }

  static UnaryOperator<String> require(String name) {
    UnaryOperator<String> custom = find(name);
    if (custom == null) {
      throw new IllegalStateException("no custom sanitizing policy is registered as '" + name
          + "'; call Sanitizers.register(\"" + name + "\", policy) at start, before the server handles requests");
    }
    return custom;
  }

  private static void requireValidName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a custom sanitizing policy name must be 1 to 64 letters, digits, '.', '_'"
          + " or '-', starting with a letter (was " + (name == null ? "null" : "'" + name + "'") + ")");
    }
  }
}
