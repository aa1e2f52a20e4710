package dev.bulwark.processor.sql.writing;

import static dev.bulwark.processor.sql.writing.DataTypes.RESULT_SET;
import static dev.bulwark.processor.sql.writing.DataTypes.SQL_EXCEPTION;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.bulwark.processor.sql.model.ColumnModel;
import dev.bulwark.processor.sql.model.RowModel;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes a row mapper: read each column by the index its label resolved to, then call the constructor. Encrypted
 * columns are read last, because their associated data needs the row key read before them.
 */
final class RowMapperWriter {
  private RowMapperWriter() {}

  static MethodSpec write(String name, RowModel row) {
    NameAllocator locals = new NameAllocator();
    locals.newName("rows");
    locals.newName("columns");
    Map<String, String> localOf = new HashMap<>();
    for (ColumnModel column : row.columns()) {
      localOf.put(column.component(), locals.newName(column.component()));
    }
    CodeBlock.Builder body = CodeBlock.builder();
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < row.columns().size(); i++) {
        ColumnModel column = row.columns().get(i);
        if ((column.encryption() != null) != (pass == 1)) {
          continue;
        }
        CodeBlock index = CodeBlock.of("columns[$L]", i);
        CodeBlock value = column.encryption() == null
            ? JdbcCode.read("rows", index, column.type())
            : JdbcCode.decrypt("rows", index, column.encryption(),
                CodeBlock.of("$N", localOf.get(column.encryption().rowKeyComponent())));
        body.addStatement("$T $N = $L", column.type().type(), localOf.get(column.component()), value);
      }
    }
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < row.columns().size(); i++) {
      arguments.add(i == 0 ? "$N" : ", $N", localOf.get(row.columns().get(i).component()));
    }
    body.addStatement("return new $T($L)", row.type(), arguments.build());
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE)
        .returns(row.type())
        .addParameter(RESULT_SET, "rows")
        .addParameter(ArrayTypeName.of(TypeName.INT), "columns")
        .addException(SQL_EXCEPTION)
        .addCode(body.build())
        .build();
  }
}
