package dev.bulwark.benchmarks;

import dev.bulwark.ratelimit.LimitSpec;
import dev.bulwark.ratelimit.LocalRateLimiter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The local rate-limit store's memory (issue 5): bytes per tracked key, and the store's size under a flood of
 * 1,000,000 distinct keys against the default bound of 100,000. Heap figures are taken after the collector has
 * settled (several System.gc() rounds until the used heap stops moving), before and after, with the store kept
 * reachable. Run with a fixed heap, e.g. {@code java -Xms2g -Xmx2g -XX:+UseParallelGC}. Prints one TSV line per
 * measurement: {@code measurement<TAB>value<TAB>unit}.
 */
public final class RateLimitMemory {
  private RateLimitMemory() {}

  public static void main(String[] args) {
    int flood = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    LimitSpec spec = LimitSpec.of("bench.create", 100, "1h");

    // 1. Bytes per key: a bound above the flood, so every key stays.
    long before = settledHeap();
    LocalRateLimiter unbounded = LocalRateLimiter.builder().maximumKeys(flood * 2L).build();
    int perKeySample = Math.min(flood, 200_000);
    for (int i = 0; i < perKeySample; i++) {
      unbounded.tryConsume(spec, "principal:u" + i);
    }
    long held = unbounded.trackedKeys();
    long after = settledHeap();
    double perKey = (after - before) / (double) held;
    print("bytes_per_key", String.format("%.0f", perKey), "bytes (" + held + " keys of about 12 characters)");
    reachable(unbounded);
    unbounded = null;

    // 2. A flood of distinct keys against the default bound.
    before = settledHeap();
    LocalRateLimiter bounded = LocalRateLimiter.builder().maximumKeys(100_000).build();
    long start = System.nanoTime();
    for (int i = 0; i < flood; i++) {
      bounded.tryConsume(spec, "flood:" + i);
    }
    long nanos = System.nanoTime() - start;
    long tracked = bounded.trackedKeys();
    after = settledHeap();
    print("flood_keys", Integer.toString(flood), "distinct keys sent");
    print("flood_tracked_keys", Long.toString(tracked), "keys held afterwards (bound 100000)");
    print("flood_store_mb", String.format("%.1f", (after - before) / 1e6), "MB of heap held by the store");
    print("flood_ns_per_new_key", String.format("%.0f", nanos / (double) flood), "ns per first-seen key, eviction included");
    reachable(bounded);
  }

  private static void print(String name, String value, String unit) {
    System.out.println(name + "\t" + value + "\t" + unit);
  }

  private static volatile Object sink;

  private static void reachable(Object o) {
    sink = o;
    sink = null;
  }

  private static long settledHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(last - used) < 64 * 1024) {
        return used;
      }
      last = used;
    }
    return last;
  }
}
