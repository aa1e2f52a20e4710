package dev.bulwark.processor.sql.model;

/** A column read into a component of a result row: its label, the component, its type, and any encryption. */
public record ColumnModel(String label, String component, ValueType type, Encryption encryption) {}
