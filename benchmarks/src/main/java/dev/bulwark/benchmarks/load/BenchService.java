package dev.bulwark.benchmarks.load;

import dev.bulwark.auth.Principal;
import dev.bulwark.benchmarks.Signup;

/** The implementation every variant calls once its checks have passed: the same small piece of work for all. */
final class BenchService implements BenchApi {
  @Override
  public Receipt create(Signup order, Principal me) {
    return receipt(me.id(), order);
  }

  static Receipt receipt(String owner, Signup order) {
    return new Receipt("r-" + Integer.toHexString(order.name().hashCode()), owner, order.name(), order.country(),
        order.tags().size());
  }
}
