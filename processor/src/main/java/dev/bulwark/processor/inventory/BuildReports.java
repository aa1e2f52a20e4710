package dev.bulwark.processor.inventory;

import dev.bulwark.processor.TypeSteps;
import dev.bulwark.processor.model.ApiModel;
import dev.bulwark.processor.openapi.OpenApiDocuments;
import dev.bulwark.processor.openapi.Schemas;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * What the build produces besides the handlers: the security inventory and the OpenAPI documents. Each clean API is
 * read in the round that reads it (while its elements are current); the files are written once, in the last round,
 * when every API of the compilation is known, and not at all when the compilation has errors.
 */
public final class BuildReports {
  /** The title of the merged OpenAPI document; the APIs' common package by default. */
  public static final String TITLE_OPTION = "bulwark.openapi.title";
  /** The version of the OpenAPI documents; {@code 0.0.0} by default. */
  public static final String VERSION_OPTION = "bulwark.openapi.version";
  /** The processor options these reports read. */
  public static final Set<String> OPTIONS = Set.of(TITLE_OPTION, VERSION_OPTION);

  private final ProcessingEnvironment env;
  private final OpenApiDocuments openApi;
  private final Inventory inventory;
  private final List<TypeElement> originating = new ArrayList<>();
  private final List<String> packages = new ArrayList<>();
  private boolean written;

  public BuildReports(ProcessingEnvironment env) {
    this.env = env;
    Schemas schemas = new Schemas(env);
    this.openApi = new OpenApiDocuments(schemas);
    this.inventory = new Inventory(env.getElementUtils(), schemas);
  }

  /** Reads one API that passed every rule. */
  public void add(ApiModel api, TypeElement type) {
    originating.add(type);
    packages.add(api.interfaceName().packageName());
    openApi.add(api);
    inventory.add(api, type);
  }

  /** Writes every file, once; called in the last round. */
  public void write(boolean errorRaised) {
    if (written || errorRaised || inventory.isEmpty()) {
      return;
    }
    written = true;
    Map<String, String> files = new LinkedHashMap<>();
    files.put(Inventory.JSON, inventory.json());
    files.put(Inventory.MARKDOWN, inventory.markdown());
    String title = env.getOptions().getOrDefault(TITLE_OPTION, commonPackage());
    String version = env.getOptions().getOrDefault(VERSION_OPTION, "0.0.0");
    files.putAll(openApi.documents(title, version));
    Element[] from = originating.toArray(new Element[0]);
    for (Map.Entry<String, String> file : files.entrySet()) {
      try {
        FileObject resource = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", file.getKey(), from);
        try (Writer out = new java.io.OutputStreamWriter(resource.openOutputStream(), StandardCharsets.UTF_8)) {
          out.write(file.getValue());
        }
      } catch (IOException | RuntimeException e) {
        TypeSteps.internalError(env, file.getKey(), e, null);
      }
    }
  }

  /** The longest package prefix every API shares, or "API" when they share none. */
  private String commonPackage() {
    String common = packages.stream().sorted().findFirst().orElse("");
    for (String p : packages) {
      while (!(p.equals(common) || p.startsWith(common + ".")) && !common.isEmpty()) {
        int dot = common.lastIndexOf('.');
        common = dot < 0 ? "" : common.substring(0, dot);
      }
    }
    return common.isEmpty() ? "API" : common;
  }
}
