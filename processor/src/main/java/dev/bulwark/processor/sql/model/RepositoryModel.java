package dev.bulwark.processor.sql.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/** A clean {@code @Repository} interface: its methods, and whether any of them touches an encrypted column. */
public record RepositoryModel(ClassName interfaceName, List<QueryModel> queries, boolean encrypted) {
  /** The generated implementation, {@code <Interface>_Jdbc}, next to the interface. */
  public ClassName implementationName() {
    return ClassName.get(interfaceName.packageName(), String.join("_", interfaceName.simpleNames()) + "_Jdbc");
  }
}
