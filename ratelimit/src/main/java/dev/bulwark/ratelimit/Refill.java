package dev.bulwark.ratelimit;

/** How a bandwidth gets its tokens back. */
public enum Refill {
  /** Tokens come back one by one, spread evenly over the period (a smooth rate; Bucket4j's greedy refill). */
  GREEDY,
  /** All tokens come back at once at the end of each period (a fixed window; Bucket4j's interval refill). */
  INTERVAL
}
