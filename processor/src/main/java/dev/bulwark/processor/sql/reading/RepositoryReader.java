package dev.bulwark.processor.sql.reading;

import com.palantir.javapoet.ClassName;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.rules.Rule;
import dev.bulwark.processor.sql.model.BindModel;
import dev.bulwark.processor.sql.model.ColumnModel;
import dev.bulwark.processor.sql.model.QueryModel;
import dev.bulwark.processor.sql.model.RepositoryModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.ElementFilter;

/**
 * Turns a {@code @Repository} interface into its model: every abstract method, its own and inherited ones (each
 * resolved against the repository, so a generic base interface works), must be one clean {@code @Sql} method.
 */
public final class RepositoryReader {
  private final ProcessingEnvironment env;
  private final Diagnostics diagnostics;
  private final QueryReader queries;

  public RepositoryReader(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.env = env;
    this.diagnostics = diagnostics;
    this.queries = new QueryReader(diagnostics);
  }

  /** The model, or empty when any rule was broken (each one reported). */
  public Optional<RepositoryModel> read(TypeElement type) {
    int before = diagnostics.errorCount();
    if (type.getKind() != ElementKind.INTERFACE) {
      diagnostics.error(type, SqlAnnotations.find(type, SqlAnnotations.REPOSITORY), Rule.BW401, type.getSimpleName(),
          type.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' '));
      return Optional.empty();
    }
    if (!type.getTypeParameters().isEmpty()) {
      diagnostics.error(type, Rule.BW401, type.getSimpleName(), "generic interface; a repository binds concrete types");
      return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type.asType();
    List<QueryModel> models = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(env.getElementUtils().getAllMembers(type))) {
      Element owner = method.getEnclosingElement();
      if (!method.getModifiers().contains(Modifier.ABSTRACT) || owner.getKind() != ElementKind.INTERFACE
          || ((TypeElement) owner).getQualifiedName().contentEquals("java.lang.Object")) {
        continue;
      }
      AnnotationMirror sql = SqlAnnotations.find(method, SqlAnnotations.SQL);
      if (sql == null) {
        diagnostics.error(method, Rule.BW402, type.getSimpleName() + "." + method.getSimpleName());
        continue;
      }
      ExecutableType resolved = (ExecutableType) env.getTypeUtils().asMemberOf(declared, method);
      queries.read(type, method, resolved, sql).ifPresent(models::add);
    }
    if (diagnostics.errorCount() != before) {
      return Optional.empty();
    }
    models.sort(java.util.Comparator.comparing(QueryModel::methodName));
    return Optional.of(new RepositoryModel(ClassName.get(type), List.copyOf(models), encrypted(models)));
  }

  private static boolean encrypted(List<QueryModel> models) {
    for (QueryModel q : models) {
      for (BindModel b : q.binds()) {
        if (b.encryption() != null) {
          return true;
        }
      }
      if (q.result().row() != null) {
        for (ColumnModel c : q.result().row().columns()) {
          if (c.encryption() != null) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
