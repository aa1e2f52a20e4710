package dev.bulwark.processor.sql.writing;

import static dev.bulwark.processor.sql.writing.DataTypes.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.bulwark.processor.sql.model.BindModel;
import dev.bulwark.processor.sql.model.QueryModel;
import dev.bulwark.processor.sql.model.ResultModel;
import dev.bulwark.processor.sql.model.ResultModel.Kind;
import dev.bulwark.processor.sql.model.RowModel;
import dev.bulwark.processor.sql.model.SqlPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** Writes one repository method: lease, prepare, bind, execute, map, and translate any SQLException. */
final class MethodWriter {
  private final QueryModel query;
  private final RepositoryWriter.Members members;
  private final NameAllocator locals = new NameAllocator();
  private final String lease;
  private final String statement;
  private final String rows;
  private final String row;
  private final String failure;

  MethodWriter(QueryModel query, RepositoryWriter.Members members) {
    this.query = query;
    this.members = members;
    for (QueryModel.Parameter p : query.parameters()) {
      locals.newName(p.name(), p);
    }
    this.lease = locals.newName("lease");
    this.statement = locals.newName("statement");
    this.rows = locals.newName("rows");
    this.row = locals.newName("row");
    this.failure = locals.newName("e");
  }

  MethodSpec write() {
    ResultModel result = query.result();
    MethodSpec.Builder method = MethodSpec.methodBuilder(query.methodName())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(result.returnType());
    for (QueryModel.Parameter p : query.parameters()) {
      method.addParameter(p.type(), p.name());
    }
    String context = members.context(query);
    CodeBlock.Builder body = CodeBlock.builder();
    if (result.kind() == Kind.BATCH) {
      body.beginControlFlow("if ($N.isEmpty())", query.batchParameter())
          .addStatement(result.returnType() == TypeName.VOID ? "return" : "return new int[0]")
          .endControlFlow();
    }
    CodeBlock sql = sql(body);
    CodeBlock prepare = result.kind() == Kind.GENERATED_KEY
        ? CodeBlock.of("$N.connection().prepareStatement($L, new String[] {$S})", lease, sql, result.generatedKey())
        : CodeBlock.of("$N.connection().prepareStatement($L)", lease, sql);
    body.beginControlFlow("try ($T $N = $T.lease(this.dataSource);\n    $T $N = $L)",
        LEASE, lease, TRANSACTIONS, PREPARED_STATEMENT, statement, prepare);
    if (result.kind() == Kind.BATCH) {
      String element = locals.newName("element");
      body.beginControlFlow("for ($T $N : $N)", query.batchElement(), element, query.batchParameter());
      bindAll(body, element);
      body.addStatement("$N.addBatch()", statement).endControlFlow();
      body.addStatement(result.returnType() == TypeName.VOID ? "$N.executeBatch()" : "return $N.executeBatch()", statement);
    } else {
      bindAll(body, null);
      execute(body, result, context);
    }
    body.nextControlFlow("catch ($T $N)", SQL_EXCEPTION, failure)
        .addStatement("throw $T.translate($S, $N)", DATA_ACCESS_EXCEPTION, context, failure)
        .endControlFlow();
    return method.addCode(body.build()).build();
  }

  /** A constant for fixed SQL; for SQL with identifiers, a local that joins fixed text and the enums' fixed text. */
  private CodeBlock sql(CodeBlock.Builder body) {
    if (query.fixedSql()) {
      return CodeBlock.of("$N", members.sqlConstant(query, ((SqlPart.Fixed) query.sql().get(0)).sql()));
    }
    List<CodeBlock> pieces = new ArrayList<>();
    for (SqlPart part : query.sql()) {
      if (part instanceof SqlPart.Fixed fixed) {
        pieces.add(CodeBlock.of("$S", fixed.sql()));
      } else if (part instanceof SqlPart.Identifier identifier) {
        TypeName enumType = query.parameters().stream().filter(p -> p.name().equals(identifier.parameter()))
            .findFirst().orElseThrow().type();
        pieces.add(CodeBlock.of("$N($N)", members.identifierSwitch(identifier, enumType), identifier.parameter()));
      }
    }
    String local = locals.newName("sql");
    body.addStatement("$T $N = $L", String.class, local, CodeBlock.join(pieces, " + "));
    return CodeBlock.of("$N", local);
  }

  private void bindAll(CodeBlock.Builder body, String element) {
    for (int i = 0; i < query.binds().size(); i++) {
      BindModel bind = query.binds().get(i);
      String base = bind.parameter().equals(query.batchParameter()) ? element : bind.parameter();
      CodeBlock value = bind.component() == null ? CodeBlock.of("$N", base) : CodeBlock.of("$N.$N()", base, bind.component());
      CodeBlock rowKey = bind.encryption() == null ? null
          : CodeBlock.of("$N.$N()", base, bind.encryption().rowKeyComponent());
      body.add(JdbcCode.bind(statement, i + 1, bind.type(), value, bind.encryption(), rowKey));
    }
  }

  private void execute(CodeBlock.Builder body, ResultModel result, String context) {
    switch (result.kind()) {
      case NONE -> body.addStatement("$N.executeUpdate()", statement);
      case COUNT -> body.addStatement(result.returnType() == TypeName.LONG ? "return $N.executeLargeUpdate()"
          : "return $N.executeUpdate()", statement);
      case GENERATED_KEY -> {
        body.addStatement("$N.executeUpdate()", statement);
        body.beginControlFlow("try ($T $N = $N.getGeneratedKeys())", RESULT_SET, rows, statement)
            .beginControlFlow("if (!$N.next())", rows)
            .addStatement("throw new $T($S, $S)", UNEXPECTED_ROW_COUNT, context, "no generated key")
            .endControlFlow()
            .addStatement("return $L", JdbcCode.read(rows, CodeBlock.of("1"), result.row().scalar()))
            .endControlFlow();
      }
      case ONE, OPTIONAL -> {
        RowModel model = result.row();
        body.beginControlFlow("try ($T $N = $N.executeQuery())", RESULT_SET, rows, statement)
            .beginControlFlow("if (!$N.next())", rows);
        if (result.kind() == Kind.OPTIONAL) {
          body.addStatement("return $T.empty()", Optional.class);
        } else {
          body.addStatement("throw new $T($S, $S)", UNEXPECTED_ROW_COUNT, context, "no row");
        }
        body.endControlFlow()
            .addStatement("$T $N = $L", model.type(), row, readRow(model, null))
            .beginControlFlow("if ($N.next())", rows)
            .addStatement("throw new $T($S, $S)", UNEXPECTED_ROW_COUNT, context, "more than one row")
            .endControlFlow()
            .addStatement(result.kind() == Kind.OPTIONAL ? CodeBlock.of("return $T.ofNullable($N)", Optional.class, row)
                : CodeBlock.of("return $N", row))
            .endControlFlow();
      }
      case LIST -> {
        RowModel model = result.row();
        String list = locals.newName("result");
        body.beginControlFlow("try ($T $N = $N.executeQuery())", RESULT_SET, rows, statement)
            .addStatement("$T $N = new $T<>()", ParameterizedTypeName.get(ClassName.get(List.class), model.type().box()),
                list, ArrayList.class);
        String columns = null;
        if (!model.isScalar()) {
          columns = locals.newName("columns");
          body.addStatement("int[] $N = $T.indexes($N, $N)", columns, COLUMNS, rows, members.mapper(model)[1]);
        }
        body.beginControlFlow("while ($N.next())", rows)
            .addStatement("$N.add($L)", list, readRow(model, columns))
            .endControlFlow()
            .addStatement("return $N", list)
            .endControlFlow();
      }
      default -> throw new IllegalStateException("batch is written by write()");
    }
  }

  /** The expression for one row: the first column for a scalar, else the mapper over resolved column indexes. */
  private CodeBlock readRow(RowModel model, String columns) {
    if (model.isScalar()) {
      return JdbcCode.read(rows, CodeBlock.of("1"), model.scalar());
    }
    String[] mapper = members.mapper(model);
    CodeBlock indexes = columns != null ? CodeBlock.of("$N", columns)
        : CodeBlock.of("$T.indexes($N, $N)", COLUMNS, rows, mapper[1]);
    return CodeBlock.of("$N($N, $L)", mapper[0], rows, indexes);
  }
}
