package dev.bulwark.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.auth.apikey.ApiKeys;
import dev.bulwark.auth.apikey.InMemoryApiKeyStore;
import dev.bulwark.auth.jwt.JwsAlgorithm;
import dev.bulwark.auth.jwt.JwtKey;
import dev.bulwark.auth.jwt.JwtVerifier;
import dev.bulwark.auth.jwt.KeySet;
import dev.bulwark.runtime.limits.RateLimits;
import dev.bulwark.runtime.routing.Route;
import dev.bulwark.runtime.routing.RouteSet;
import dev.bulwark.runtime.security.Access;
import dev.bulwark.runtime.security.Security;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sample's endpoints, as the build declares them: from the security inventory the processor writes
 * ({@code META-INF/bulwark/inventory.json}, docs/inventory.md) when it is on the classpath, otherwise from the generated
 * route classes themselves (their routes and the {@link Access} each handler enforces, read by reflection). Either
 * way a new endpoint joins API5, API8 and API9 without a new test.
 */
final class Inventory {
  static final String RESOURCE = "META-INF/bulwark/inventory.json";
  /** The sample's generated route classes, for the fallback. */
  static final List<String> ROUTE_CLASSES = List.of("dev.bulwark.sample.AuthApi_Routes", "dev.bulwark.sample.UsersApi_Routes",
      "dev.bulwark.sample.PostsApi_Routes", "dev.bulwark.sample.AdminApi_Routes");
  /** The sample's role set, from its role enum (a new role joins API5 by itself). */
  static final List<String> ROLES = roles();

  private static List<String> roles() {
    try {
      List<String> out = new ArrayList<>();
      for (Object constant : Class.forName("dev.bulwark.sample.Role").getEnumConstants()) {
        out.add(((Enum<?>) constant).name());
      }
      return out;
    } catch (ClassNotFoundException e) {
      throw new AssertionError("the sample's Role enum is gone", e);
    }
  }

  /**
   * One endpoint: its method, path template, name, and (for a secured one) the schemes and any-of roles; from the
   * JSON inventory also its entry there ({@code null} from the route classes, which do not say).
   */
  record Endpoint(String method, String path, String name, boolean isPublic, Set<String> schemes, Set<String> roles,
      JsonNode entry) {
    /** Whether the endpoint has an object-level (ownership) check; false when unknown. */
    boolean owned() {
      return entry != null && entry.path("ownership").isObject();
    }

    /** A body that passes the endpoint's validation, built from the inventory's constraints; null without a body. */
    String validBody() {
      if (entry == null || !entry.path("body").isObject()) {
        return null;
      }
      StringBuilder json = new StringBuilder("{");
      for (JsonNode field : entry.path("body").path("fields")) {
        String name = field.path("field").asText();
        if (name.indexOf('.', 5) >= 0 || name.contains("[")) {
          continue; // only the body's own components
        }
        String type = field.path("type").asText();
        boolean email = field.path("constraints").toString().contains("\"Email\"");
        String value = type.startsWith("java.util.") ? "[]" : type.equals("java.lang.String")
            ? (email ? "\"someone@example.com\"" : "\"valid text\"") : type.contains("oolean") ? "false" : "1";
        json.append(json.length() > 1 ? "," : "").append('"').append(name.substring(5)).append("\":").append(value);
      }
      return json.append('}').toString();
    }

    /** The path with each {@code {variable}} filled in with {@code value}. */
    String concrete(String value) {
      return path.replaceAll("\\{[^}]+}", value);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static List<Endpoint> cached;

  private Inventory() {}

  /** Where the endpoints came from, for messages. */
  static String source() {
    return sampleInventory() != null ? sampleInventory() + "" : "the generated route classes";
  }

  /**
   * The sample's inventory on the classpath, or null. This module's own fixture (API7) gets an inventory of its own
   * from the processor too, so the one that lists the sample's APIs is picked.
   */
  static java.net.URL sampleInventory() {
    try {
      for (java.net.URL url : java.util.Collections.list(Inventory.class.getClassLoader().getResources(RESOURCE))) {
        try (InputStream in = url.openStream()) {
          if (new ObjectMapper().readTree(in).path("apis").toString().contains("\"dev.bulwark.sample.")) {
            return url;
          }
        }
      }
      return null;
    } catch (IOException e) {
      throw new AssertionError("cannot list " + RESOURCE, e);
    }
  }

  static synchronized List<Endpoint> endpoints() {
    if (cached == null) {
      cached = sampleInventory() != null ? fromJson() : fromRouteClasses();
      cached.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
    }
    return cached;
  }

  /** The distinct path templates, each with the methods declared on it. */
  static Map<String, Set<String>> methodsByPath() {
    Map<String, Set<String>> out = new HashMap<>();
    for (Endpoint e : endpoints()) {
      out.computeIfAbsent(e.path(), p -> new TreeSet<>()).add(e.method());
    }
    return out;
  }

  static List<Endpoint> fromJson() {
    try (InputStream in = sampleInventory().openStream()) {
      JsonNode doc = new ObjectMapper().readTree(in);
      List<Endpoint> out = new ArrayList<>();
      for (JsonNode e : doc.path("endpoints")) {
        JsonNode access = e.path("access");
        boolean isPublic = "public".equals(access.path("decision").asText());
        Set<String> roles = new TreeSet<>();
        access.path("roles").forEach(r -> roles.add(r.asText()));
        Set<String> schemes = new TreeSet<>();
        e.path("authentication").forEach(s -> schemes.add(s.asText()));
        String api = e.path("api").asText();
        out.add(new Endpoint(e.path("method").asText(), e.path("path").asText(),
            api.substring(api.lastIndexOf('.') + 1) + "." + e.path("javaMethod").asText(), isPublic, schemes, roles, e));
      }
      if (out.isEmpty()) {
        throw new AssertionError(RESOURCE + " lists no endpoint");
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot read " + RESOURCE, e);
    }
  }

  static List<Endpoint> fromRouteClasses() {
    List<Endpoint> out = new ArrayList<>();
    for (String className : ROUTE_CLASSES) {
      try {
        Class<?> type = Class.forName(className);
        Map<String, Access> access = new HashMap<>();
        for (Field f : type.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) && f.getType() == Access.class) {
            f.setAccessible(true);
            Access a = (Access) f.get(null);
            access.put(a.name(), a);
          }
        }
        for (Route route : instantiate(type).routes()) {
          Access a = access.get(route.name());
          Set<String> schemes = new TreeSet<>();
          if (a != null) {
            a.schemes().forEach(s -> schemes.add(s.name()));
          }
          out.add(new Endpoint(route.method(), route.template().text(), route.name(), a == null, schemes,
              a == null ? Set.of() : new TreeSet<>(a.anyRole()), null));
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("cannot read the routes of " + className, e);
      }
    }
    return out;
  }

  /** A route set with inert collaborators: only its {@code routes()} list is read, never a handler run. */
  private static RouteSet instantiate(Class<?> type) throws ReflectiveOperationException {
    Constructor<?> shortest = null;
    for (Constructor<?> c : type.getConstructors()) {
      if (shortest == null || c.getParameterCount() < shortest.getParameterCount()) {
        shortest = c;
      }
    }
    Class<?>[] params = shortest.getParameterTypes();
    Object[] args = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      args[i] = inert(params[i]);
    }
    return (RouteSet) shortest.newInstance(args);
  }

  private static Object inert(Class<?> type) throws ReflectiveOperationException {
    if (type == Security.class) {
      KeySet keys = KeySet.of(JwtKey.hmac("inert", JwsAlgorithm.HS256, SampleUnderTest.JWT_SECRET));
      return Security.builder().jwt(JwtVerifier.builder(keys).issuer("inert").audience("inert").build())
          .apiKeys(ApiKeys.create(new InMemoryApiKeyStore(), Clock.systemUTC()), owner -> Set.of()).build();
    }
    if (type == RateLimits.class) {
      return RateLimits.local();
    }
    if (type.isInterface()) {
      return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
        throw new UnsupportedOperationException("inert");
      });
    }
    Constructor<?> c = type.getDeclaredConstructors()[0];
    c.setAccessible(true);
    return c.newInstance(new Object[c.getParameterCount()]);
  }

  /** The roles that do not open {@code e}: every declared role outside its any-of set. */
  static Set<String> rolesBelow(Endpoint e) {
    Set<String> below = new LinkedHashSet<>(ROLES);
    below.removeAll(e.roles());
    return below;
  }
}
