package dev.bulwark.processor.sql.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * How one row becomes a value: a scalar read from the first column ({@code scalar} set, {@code columns} empty), or
 * a record or class built through its constructor from the labelled columns, in the constructor's order.
 */
public record RowModel(TypeName type, ValueType scalar, List<ColumnModel> columns) {
  /** Whether the row is one scalar column. */
  public boolean isScalar() {
    return scalar != null;
  }
}
