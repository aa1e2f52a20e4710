package dev.bulwark.processor.sql.reading;

import com.palantir.javapoet.TypeName;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.rules.Rule;
import dev.bulwark.processor.sql.model.BindModel;
import dev.bulwark.processor.sql.model.QueryModel;
import dev.bulwark.processor.sql.model.QueryModel.Parameter;
import dev.bulwark.processor.sql.model.ResultModel;
import dev.bulwark.processor.sql.model.SqlPart;
import dev.bulwark.processor.sql.model.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads one {@code @Sql} method: scans its statement, matches every bind and placeholder to a parameter (and every
 * parameter to a use), and reads its result. Every problem is reported on the most specific element; the method's
 * model is returned only when it is clean.
 */
final class QueryReader {
  private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
  private static final String ORDER = NAME + "(?:\\." + NAME + ")?(?:\\s+(?:ASC|DESC))?(?:\\s+NULLS\\s+(?:FIRST|LAST))?";
  /** The only SQL an enum constant may stand for: a list of (qualified) columns with optional sort orders. */
  private static final Pattern IDENTIFIER_TEXT = Pattern.compile("(?i)" + ORDER + "(?:\\s*,\\s*" + ORDER + ")*");

  private final Diagnostics diagnostics;
  private final RowReader rows;
  private final ResultReader results;

  QueryReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.rows = new RowReader(diagnostics);
    this.results = new ResultReader(diagnostics, rows);
  }

  /** The method's model, or empty when it broke a rule (each one reported). */
  Optional<QueryModel> read(TypeElement repository, ExecutableElement method, ExecutableType type, AnnotationMirror sql) {
    int before = diagnostics.errorCount();
    String context = repository.getSimpleName() + "." + method.getSimpleName();
    Object scanned = SqlScanner.scan(SqlAnnotations.string(sql, "value"));
    if (scanned instanceof SqlScanner.Problem problem) {
      Rule rule = switch (problem.kind()) {
        case MALFORMED -> Rule.BW403;
        case SEVERAL_STATEMENTS -> Rule.BW404;
        case POSITIONAL -> Rule.BW405;
      };
      diagnostics.error(method, sql, rule, context, problem.detail());
      return Optional.empty();
    }
    SqlScanner.Scan scan = (SqlScanner.Scan) scanned;

    Map<String, VariableElement> byName = new LinkedHashMap<>();
    Map<String, TypeMirror> types = new LinkedHashMap<>();
    List<Parameter> parameters = new ArrayList<>();
    String batch = null;
    TypeMirror batchElement = null;
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement p = method.getParameters().get(i);
      TypeMirror t = type.getParameterTypes().get(i);
      String name = p.getSimpleName().toString();
      byName.put(name, p);
      types.put(name, t);
      parameters.add(new Parameter(name, TypeName.get(t)));
      if (ValueTypes.declared(t, "java.util.List") != null && record(ValueTypes.argument(t)) != null) {
        if (batch != null) {
          diagnostics.error(p, Rule.BW410, "the parameter " + name, context,
              t + " (a batch takes its rows from one List; this is a second one)");
        }
        batch = name;
        batchElement = ValueTypes.argument(t);
      }
    }

    List<SqlPart> parts = new ArrayList<>();
    StringBuilder fixed = new StringBuilder();
    List<BindModel> binds = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (SqlScanner.Part part : scan.parts()) {
      if (part instanceof SqlScanner.Text text) {
        fixed.append(text.sql());
      } else if (part instanceof SqlScanner.Bind bind) {
        fixed.append('?');
        used.add(bind.name());
        bind(method, sql, context, bind, byName, types).ifPresent(binds::add);
      } else if (part instanceof SqlScanner.Placeholder placeholder) {
        used.add(placeholder.name());
        if (fixed.length() > 0) {
          parts.add(new SqlPart.Fixed(fixed.toString()));
          fixed.setLength(0);
        }
        identifier(method, sql, context, placeholder.name(), byName, types).ifPresent(parts::add);
      }
    }
    if (fixed.length() > 0) {
      parts.add(new SqlPart.Fixed(fixed.toString()));
    }
    for (VariableElement p : method.getParameters()) {
      if (!used.contains(p.getSimpleName().toString())) {
        diagnostics.error(p, Rule.BW407, p.getSimpleName(), context);
      }
    }

    String keyword = SelectList.firstKeyword(scan.masked());
    Optional<List<String>> labels = "SELECT".equals(keyword) ? SelectList.labels(scan.masked()) : Optional.empty();
    Optional<ResultModel> result = results.read(method, type.getReturnType(), context, keyword, labels, batch != null);
    if (result.isEmpty() || diagnostics.errorCount() != before) {
      return Optional.empty();
    }
    return Optional.of(new QueryModel(method.getSimpleName().toString(), List.copyOf(parameters), List.copyOf(parts),
        List.copyOf(binds), result.get(), batch, batchElement == null ? null : TypeName.get(batchElement)));
  }

  private Optional<BindModel> bind(ExecutableElement method, AnnotationMirror sql, String context,
      SqlScanner.Bind bind, Map<String, VariableElement> byName, Map<String, TypeMirror> types) {
    VariableElement parameter = byName.get(bind.name());
    if (parameter == null) {
      diagnostics.error(method, sql, Rule.BW406, bind.display(), context, "no parameter of " + context);
      return Optional.empty();
    }
    TypeMirror type = types.get(bind.name());
    if (bind.component() == null) {
      Optional<ValueType> value = ValueTypes.of(type);
      if (value.isEmpty()) {
        diagnostics.error(parameter, Rule.BW410, "the bind " + bind.display(), context, type);
        return Optional.empty();
      }
      return Optional.of(new BindModel(bind.name(), null, value.get(), null));
    }
    TypeMirror recordType = ValueTypes.declared(type, "java.util.List") != null ? ValueTypes.argument(type) : type;
    TypeElement record = record(recordType);
    if (record == null) {
      diagnostics.error(method, sql, Rule.BW406, bind.display(), context,
          "no record component: " + bind.name() + " is a " + type + ", not a record");
      return Optional.empty();
    }
    for (RecordComponentElement component : record.getRecordComponents()) {
      if (component.getSimpleName().contentEquals(bind.component())) {
        Optional<ValueType> value = ValueTypes.of(component.asType());
        if (value.isEmpty()) {
          diagnostics.error(parameter, Rule.BW410, "the bind " + bind.display(), context, component.asType());
          return Optional.empty();
        }
        return Optional.of(new BindModel(bind.name(), bind.component(), value.get(),
            rows.encryption(component, record.getRecordComponents())));
      }
    }
    diagnostics.error(method, sql, Rule.BW406, bind.display(), context,
        "no component of " + record.getSimpleName() + " (it has " + componentNames(record) + ")");
    return Optional.empty();
  }

  private Optional<SqlPart> identifier(ExecutableElement method, AnnotationMirror sql, String context, String name,
      Map<String, VariableElement> byName, Map<String, TypeMirror> types) {
    VariableElement parameter = byName.get(name);
    if (parameter == null) {
      diagnostics.error(method, sql, Rule.BW408, name, context, "fed by no parameter");
      return Optional.empty();
    }
    TypeMirror type = types.get(name);
    Element element = type.getKind() == TypeKind.DECLARED ? ((DeclaredType) type).asElement() : null;
    if (element == null || element.getKind() != ElementKind.ENUM) {
      diagnostics.error(parameter, Rule.BW408, name, context, "fed by a " + type + ", not an enum");
      return Optional.empty();
    }
    List<SqlPart.Choice> choices = new ArrayList<>();
    boolean ok = true;
    for (Element constant : element.getEnclosedElements()) {
      if (constant.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      AnnotationMirror text = SqlAnnotations.find(constant, SqlAnnotations.SQL_TEXT);
      String sqlText = text == null ? constant.getSimpleName().toString() : SqlAnnotations.string(text, "value");
      if (!IDENTIFIER_TEXT.matcher(sqlText).matches()) {
        diagnostics.error(constant, text, Rule.BW409, sqlText, element.getSimpleName() + "." + constant.getSimpleName());
        ok = false;
      }
      choices.add(new SqlPart.Choice(constant.getSimpleName().toString(), sqlText));
    }
    if (choices.isEmpty()) {
      diagnostics.error(parameter, Rule.BW408, name, context, "fed by an enum without constants");
      return Optional.empty();
    }
    return ok ? Optional.of(new SqlPart.Identifier(name, List.copyOf(choices))) : Optional.empty();
  }

  private static TypeElement record(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
      if (element.getKind() == ElementKind.RECORD) {
        return element;
      }
    }
    return null;
  }

  private static String componentNames(TypeElement record) {
    List<String> names = new ArrayList<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      names.add(component.getSimpleName().toString());
    }
    return String.join(", ", names);
  }
}
