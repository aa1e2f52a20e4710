package dev.bulwark.processor.sql.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * One {@code @Sql} method: its parameters, its statement as parts, the binds in {@code ?} order, and its result.
 * For a batch, {@code batchParameter} names the {@code List} parameter whose elements are bound one row at a time.
 */
public record QueryModel(String methodName, List<Parameter> parameters, List<SqlPart> sql, List<BindModel> binds,
    ResultModel result, String batchParameter, TypeName batchElement) {
  /** A method parameter. */
  public record Parameter(String name, TypeName type) {}

  /** Whether the statement is fixed text (no identifier placeholder). */
  public boolean fixedSql() {
    return sql.stream().allMatch(p -> p instanceof SqlPart.Fixed);
  }
}
