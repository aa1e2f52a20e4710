package dev.bulwark.runtime.validation.sanitize;

import dev.bulwark.annotations.Sanitize;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The {@code @Sanitize} policies, as pure functions that generated handlers (and WebSocket or GraphQL code) call.
 *
 * <p>{@link Sanitize.Policy#TEXT} removes every tag (and the content of script, style and similar elements) and
 * HTML-escapes {@code &}, {@code <} and {@code >} in what remains, so the result is safe as HTML text content.
 * {@link Sanitize.Policy#BASIC_HTML} keeps a small formatting subset through the OWASP Java HTML Sanitizer.
 * {@link Sanitize.Policy#CUSTOM} runs a policy the application registered by name at start. A {@code null} value
 * stays {@code null}: presence is {@code @NotNull}'s job.
 */
public final class Sanitizers {
  private Sanitizers() {}

  /** The value sanitized by a built-in policy; for {@link Sanitize.Policy#CUSTOM} call {@link #applyCustom}. */
  public static String apply(Sanitize.Policy policy, String value) {
    Objects.requireNonNull(policy, "policy");
    if (value == null) {
      return null;
    }
    return switch (policy) {
      case TEXT -> PlainTextPolicy.sanitize(value);
      case BASIC_HTML -> BasicHtmlPolicy.sanitize(value);
      case CUSTOM -> throw new IllegalArgumentException(
          "Policy.CUSTOM has no built-in behaviour; call Sanitizers.applyCustom(name, value) with the policy's name");
    };
  }

  /**
   * Whether sanitizing by a built-in policy would leave the value exactly as it is (the {@code REJECT} mode).
   * A value that passes is byte for byte what {@link #apply} would have produced, so rejecting the rest keeps the
   * same guarantee as cleaning. {@code null} is clean.
   */
  public static boolean isClean(Sanitize.Policy policy, String value) {
    return value == null || apply(policy, value).equals(value);
  }

  /**
   * Registers an application policy under a name, once, at start. Registering the same operator again is a no-op;
   * a different operator under a taken name is refused, so two parts of an application cannot silently disagree.
   * An OWASP {@code PolicyFactory} registers as {@code Sanitizers.register("comment", factory::sanitize)}.
   *
   * @throws IllegalArgumentException when the name is not 1 to 64 letters, digits, '.', '_' or '-', starting with a
   *     letter
   * @throws IllegalStateException when another operator is already registered under the name
   */
  public static void register(String name, UnaryOperator<String> custom) {
    CustomPolicies.register(name, custom);
  }

  /**
   * The value sanitized by the application policy registered under {@code name}.
   *
   * @throws IllegalStateException when no policy is registered under the name, or the policy returned null
   */
  public static String applyCustom(String name, String value) {
    UnaryOperator<String> custom = CustomPolicies.require(name);
    if (value == null) {
      return null;
    }
    String result = custom.apply(value);
    if (result == null) {
      throw new IllegalStateException("custom sanitizing policy '" + name + "' returned null for a non-null value");
    }
    return result;
  }

  /** Whether the application policy registered under {@code name} would leave the value exactly as it is. */
  public static boolean isCleanCustom(String name, String value) {
    String result = applyCustom(name, value);
    return value == null || result.equals(value);
  }

  /** Whether a policy is registered under {@code name}. */
  public static boolean isRegistered(String name) {
    return CustomPolicies.find(name) != null;
  }

  /**
   * Fails fast at start when a policy an API needs has not been registered.
   *
   * @throws IllegalStateException naming the missing policy and how to register it
   */
  public static void requireRegistered(String name) {
    CustomPolicies.require(name);
  }
}
