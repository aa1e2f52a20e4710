package dev.bulwark.processor.model;

/**
 * One rate limit of an endpoint: its bucket name, capacity and period, what it counts by, whether it counts only
 * failures, and for an account key the body component that names the account.
 */
public record LimitModel(String name, long capacity, String period, String key, boolean failuresOnly, String account) {}
