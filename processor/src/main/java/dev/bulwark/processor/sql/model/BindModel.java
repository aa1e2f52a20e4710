package dev.bulwark.processor.sql.model;

/**
 * One {@code ?} of the statement, in order: the parameter it comes from, the record component when it is
 * {@code :param.component} ({@code null} otherwise), its type, and its encryption ({@code null} when plain).
 */
public record BindModel(String parameter, String component, ValueType type, Encryption encryption) {}
