package dev.bulwark.processor.sql.model;

import com.palantir.javapoet.TypeName;

/** What a repository method returns, and how the statement is executed to get it. */
public record ResultModel(Kind kind, TypeName returnType, RowModel row, String generatedKey) {
  /** The shapes of result. */
  public enum Kind {
    /** {@code void}: executeUpdate, result ignored. */
    NONE,
    /** {@code int} or {@code long}: executeUpdate's count. */
    COUNT,
    /** {@code int[]} or {@code void} over a {@code List} parameter: executeBatch. */
    BATCH,
    /** A scalar key read from getGeneratedKeys. */
    GENERATED_KEY,
    /** Exactly one row. */
    ONE,
    /** Zero or one row. */
    OPTIONAL,
    /** Any number of rows. */
    LIST
  }
}
