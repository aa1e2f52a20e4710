package dev.bulwark.processor.sql.model;

/** An {@code @Encrypted} value: its table and column (the associated data), and the component holding the row key. */
public record Encryption(String table, String column, String rowKeyComponent, boolean text) {}
