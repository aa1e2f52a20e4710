package dev.bulwark.benchmarks.load;

import dev.bulwark.annotations.Body;
import dev.bulwark.annotations.Caller;
import dev.bulwark.annotations.HttpApi;
import dev.bulwark.annotations.POST;
import dev.bulwark.annotations.RateKey;
import dev.bulwark.annotations.RateLimited;
import dev.bulwark.annotations.Secured;
import dev.bulwark.auth.Principal;
import dev.bulwark.benchmarks.Signup;

/**
 * The load benchmark's one endpoint, as a Bulwark user writes it: a POST that needs a Bearer token with the
 * {@code user} role, takes one token of a per-caller bucket, binds and validates the five-field {@link Signup} and
 * returns a {@link Receipt}. The limit is high enough that a benchmark never reaches it (every request does the
 * whole check; none is refused).
 */
@HttpApi(value = "/bench", roles = BenchApi.Role.class)
public interface BenchApi {
  /** The roles the endpoint may name. */
  enum Role { user, admin }

  /** What the endpoint returns. */
  record Receipt(String id, String owner, String name, String country, int tags) {}

  @POST("/orders")
  @Secured(roles = "user")
  @RateLimited(capacity = 1_000_000, period = "1s", key = RateKey.PRINCIPAL)
  Receipt create(@Body Signup order, @Caller Principal me);
}
