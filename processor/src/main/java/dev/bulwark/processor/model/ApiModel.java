package dev.bulwark.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/** One {@code @HttpApi} interface, read and validated: its name, base path and endpoints in declaration order. */
public record ApiModel(ClassName interfaceName, String basePath, List<EndpointModel> endpoints) {
  public ApiModel {
    endpoints = List.copyOf(endpoints);
  }

  /** The generated routes class: {@code <Interface>_Routes} beside the interface. */
  public ClassName routesName() {
    return ClassName.get(interfaceName.packageName(), String.join("_", interfaceName.simpleNames()) + "_Routes");
  }
}
