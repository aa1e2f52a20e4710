package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rate limit: at most {@link #capacity()} requests per {@link #period()} for each {@link #key()}. Repeat it for a
 * burst and a sustained limit. On an interface it is the default for its endpoints; a method's own limits replace
 * the interface's. A 429 carries {@code Retry-After}, and every limited response the IETF {@code RateLimit} and
 * {@code RateLimit-Policy} headers.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(RateLimited.List.class)
public @interface RateLimited {
  /** Requests allowed per period; more than zero. */
  long capacity();

  /** The period: a whole number and a unit, {@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h} or {@code 1d}. */
  String period();

  /** What the limit counts by. */
  RateKey key() default RateKey.PRINCIPAL;

  /** Count only failed attempts (a 4xx from the implementation): for login, token refresh, password reset. */
  boolean failuresOnly() default false;

  /** For {@link RateKey#ACCOUNT}: the body component that names the account, such as {@code "email"}. */
  String account() default "";

  /**
   * A name for the bucket, {@code [a-z0-9][a-z0-9._-]*}: every endpoint that declares a limit of this name (with
   * the same capacity, period and key) draws from one shared bucket, such as {@code "writes"} across create, update
   * and delete. Unnamed limits have a bucket of their own per endpoint.
   */
  String name() default "";

  /**
   * The caller tier this limit applies to, such as {@code "pro"}: the value of the principal's tier claim
   * ({@code plan} unless the {@code RateLimits} says otherwise). A caller whose tier has limits on the endpoint gets
   * those; every other caller gets the endpoint's limits without a tier, which must exist. Only for
   * {@link RateKey#PRINCIPAL} and {@link RateKey#API_KEY} limits.
   */
  String tier() default "";

  /** When the store does not answer: refuse with 503 (the default) or let the request through and audit it. */
  OnStoreFailure onStoreFailure() default OnStoreFailure.FAIL_CLOSED;

  /** Several limits on one element. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @interface List {
    /** The limits. */
    RateLimited[] value();
  }
}
