package dev.bulwark.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * An endpoint's access decision, resolved once: either public, with its reason, or secured, with the schemes it
 * accepts, the roles (any of) and permissions (all of) it needs, and an optional object-level check.
 */
public record AccessModel(
    boolean isPublic,
    String reason,
    List<String> schemes,
    List<String> roles,
    List<String> permissions,
    Owner owner) {

  public AccessModel {
    schemes = List.copyOf(schemes);
    roles = List.copyOf(roles);
    permissions = List.copyOf(permissions);
  }

  /** A public endpoint. */
  public static AccessModel open(String reason) {
    return new AccessModel(true, reason, List.of("BEARER"), List.of(), List.of(), null);
  }

  /** The object-level check: the application's class, the path parameter it receives, and the denial status. */
  public record Owner(ClassName type, String param, String notOwner) {
    /** The constructor parameter and field that hold the check in the generated routes. */
    public String fieldName() {
      String simple = type.simpleName();
      return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }
  }
}
