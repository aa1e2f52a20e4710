package dev.bulwark.runtime.validation;

/**
 * An application's own constraint, named by {@code @Check(MyCheck.class)}. The generated validator holds one instance
 * (so it must be thread-safe) and calls it for every non-null value; it must not throw.
 *
 * @param <T> the type of the values it checks
 */
@FunctionalInterface
public interface CustomCheck<T> {
  /** Whether the value satisfies the constraint. */
  boolean isValid(T value);
}
