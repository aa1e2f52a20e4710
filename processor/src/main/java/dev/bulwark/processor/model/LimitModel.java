package dev.bulwark.processor.model;

/**
 * One rate limit of an endpoint: its bucket name, capacity and period, what it counts by, whether it counts only
 * failures, for an account key the body component that names the account, the caller tier it is for ({@code ""}
 * for every caller without a tier of its own), whether it fails open when the store is down, and whether the name
 * was the user's (a bucket shared with every endpoint that declares it).
 */
public record LimitModel(String name, long capacity, String period, String key, boolean failuresOnly, String account,
    String tier, boolean failOpen, boolean named) {

  /** A limit for every caller, failing closed, with a generated name. */
  public LimitModel(String name, long capacity, String period, String key, boolean failuresOnly, String account) {
    this(name, capacity, period, key, failuresOnly, account, "", false, false);
  }

  /** Whether it counts per caller (principal or API key), the only keys a tier can choose. */
  public boolean perCaller() {
    return key.equals("PRINCIPAL") || key.equals("API_KEY");
  }
}
