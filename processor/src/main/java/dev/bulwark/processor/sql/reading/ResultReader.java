package dev.bulwark.processor.sql.reading;

import com.palantir.javapoet.TypeName;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.rules.Rule;
import dev.bulwark.processor.sql.model.ColumnModel;
import dev.bulwark.processor.sql.model.JdbcType;
import dev.bulwark.processor.sql.model.ResultModel;
import dev.bulwark.processor.sql.model.ResultModel.Kind;
import dev.bulwark.processor.sql.model.RowModel;
import dev.bulwark.processor.sql.model.ValueType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads what a method returns and how to execute its statement for it, and where the select list can be read,
 * checks it against the result type both ways.
 */
final class ResultReader {
  static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE");
  private static final Set<String> CHANGE_KEYWORDS = Set.of("INSERT", "UPDATE", "MERGE");
  private static final Set<JdbcType> KEY_TYPES = Set.of(JdbcType.INT, JdbcType.LONG, JdbcType.UUID, JdbcType.STRING);

  private final Diagnostics diagnostics;
  private final RowReader rows;

  ResultReader(Diagnostics diagnostics, RowReader rows) {
    this.diagnostics = diagnostics;
    this.rows = rows;
  }

  /** The result model, or empty after reporting why. */
  Optional<ResultModel> read(ExecutableElement method, TypeMirror type, String context, String keyword,
      Optional<List<String>> labels, boolean batch) {
    AnnotationMirror key = SqlAnnotations.find(method, SqlAnnotations.GENERATED_KEY);
    TypeName name = TypeName.get(type);
    if (key != null) {
      return generatedKey(method, key, type, context, keyword, batch);
    }
    if (batch) {
      boolean ints = type.getKind() == TypeKind.ARRAY && ((ArrayType) type).getComponentType().getKind() == TypeKind.INT;
      if (type.getKind() == TypeKind.VOID || ints) {
        return Optional.of(new ResultModel(Kind.BATCH, name, null, null));
      }
      diagnostics.error(method, Rule.BW411, context, type, "a batch (a List of records) returns int[], one count per row, or void");
      return Optional.empty();
    }
    boolean query = QUERY_KEYWORDS.contains(keyword);
    if (type.getKind() == TypeKind.VOID) {
      if (query) {
        diagnostics.error(method, Rule.BW411, context, type, "a " + keyword + " must return what it reads");
        return Optional.empty();
      }
      return Optional.of(new ResultModel(Kind.NONE, name, null, null));
    }
    if (!query && (type.getKind() == TypeKind.INT || type.getKind() == TypeKind.LONG)) {
      return Optional.of(new ResultModel(Kind.COUNT, name, null, null));
    }
    Kind kind = Kind.ONE;
    TypeMirror rowType = type;
    if (ValueTypes.declared(type, "java.util.Optional") != null) {
      kind = Kind.OPTIONAL;
      rowType = ValueTypes.argument(type);
    } else if (ValueTypes.declared(type, "java.util.List") != null) {
      kind = Kind.LIST;
      rowType = ValueTypes.argument(type);
    }
    StringBuilder why = new StringBuilder();
    Optional<RowModel> row = rows.read(rowType, why);
    if (row.isEmpty()) {
      diagnostics.error(method, Rule.BW411, context, type, why);
      return Optional.empty();
    }
    if (labels.isPresent() && !matches(method, context, rowType, row.get(), labels.get())) {
      return Optional.empty();
    }
    return Optional.of(new ResultModel(kind, name, row.get(), null));
  }

  private Optional<ResultModel> generatedKey(ExecutableElement method, AnnotationMirror key, TypeMirror type,
      String context, String keyword, boolean batch) {
    String column = SqlAnnotations.string(key, "value");
    Optional<ValueType> value = ValueTypes.of(type);
    if (batch) {
      diagnostics.error(method, key, Rule.BW414, column, context, "is on a batch");
    } else if (!CHANGE_KEYWORDS.contains(keyword)) {
      diagnostics.error(method, key, Rule.BW414, column, context, "is on a " + (keyword.isEmpty() ? "statement" : keyword));
    } else if (!SqlScanner.identifier(column)) {
      diagnostics.error(method, key, Rule.BW414, column, context, "names no plain column");
    } else if (value.isEmpty() || !KEY_TYPES.contains(value.get().jdbc())) {
      diagnostics.error(method, key, Rule.BW414, column, context, "returns " + type + ", which is no key type");
    } else {
      RowModel row = new RowModel(TypeName.get(type), value.get(), List.of());
      return Optional.of(new ResultModel(Kind.GENERATED_KEY, TypeName.get(type), row, column));
    }
    return Optional.empty();
  }

  /** The static check of a readable select list against the row: every column has a place, every place a column. */
  private boolean matches(ExecutableElement method, String context, TypeMirror rowType, RowModel row, List<String> labels) {
    if (row.isScalar()) {
      if (labels.size() != 1) {
        diagnostics.error(method, Rule.BW412, labels.get(1), context, "the scalar result " + rowType + ", which takes one column");
        return false;
      }
      return true;
    }
    boolean ok = true;
    String typeName = rowType.toString().substring(rowType.toString().lastIndexOf('.') + 1);
    for (String label : labels) {
      if (row.columns().stream().noneMatch(c -> c.label().equals(label))) {
        diagnostics.error(method, Rule.BW412, label, context, typeName);
        ok = false;
      }
    }
    for (ColumnModel column : row.columns()) {
      if (!labels.contains(column.label())) {
        diagnostics.error(method, Rule.BW413, column.component(), typeName, context, column.label());
        ok = false;
      }
    }
    return ok;
  }
}
