package dev.bulwark.runtime.bind;

/** Turns one raw parameter value into a typed value, or throws {@link IllegalArgumentException} when it cannot. */
@FunctionalInterface
public interface Converter<T> {
  /** The typed value; never {@code null}. */
  T convert(String raw);
}
