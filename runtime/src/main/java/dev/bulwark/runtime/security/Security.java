package dev.bulwark.runtime.security;

import dev.bulwark.annotations.NotOwner;
import dev.bulwark.annotations.Scheme;
import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.Principal;
import dev.bulwark.auth.apikey.ApiKeys;
import dev.bulwark.auth.audit.AuditEvent;
import dev.bulwark.auth.audit.AuditEventType;
import dev.bulwark.auth.audit.AuditLog;
import dev.bulwark.auth.audit.AuditOutcome;
import dev.bulwark.auth.jwt.JwtVerifier;
import dev.bulwark.runtime.http.HttpCall;
import dev.bulwark.runtime.http.HttpProblem;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication and authorization for generated handlers: the credentials a request carries are verified
 * (a Bearer JWT or an API key, as the endpoint allows), then the endpoint's roles and permissions are checked, then,
 * after binding, its object-level check. Every refusal is audited and is the same problem response for every
 * cause: what failed goes to the log only.
 */
public final class Security {
  /** The header API keys are accepted from. */
  public static final String API_KEY_HEADER = "X-API-Key";
  /**
   * The longest Authorization or X-API-Key header accepted; longer is a 401 before any parsing. Access tokens are
   * typically under 2 KiB; this stays below the 8 KiB header limit so an oversized token is a 401, not a 431.
   */
  public static final int MAX_CREDENTIAL_LENGTH = 4 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger("bulwark.security");
  private static final String BEARER_CHALLENGE = "Bearer";
  private static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

  private final JwtVerifier jwt;
  private final ApiKeys apiKeys;
  private final Function<String, Set<String>> apiKeyOwnerRoles;
  private final AuditLog audit;

  private Security(Builder builder) {
    this.jwt = builder.jwt;
    this.apiKeys = builder.apiKeys;
    this.apiKeyOwnerRoles = builder.apiKeyOwnerRoles;
    this.audit = builder.audit;
  }

  /** A builder; at least one of {@link Builder#jwt} or {@link Builder#apiKeys} is needed. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Called by generated routes at construction: an API whose endpoints accept a scheme this configuration cannot
   * verify stops the application at start, with a message saying what to configure.
   */
  public void requireSchemes(String api, Set<Scheme> used) {
    if (used.contains(Scheme.BEARER) && jwt == null) {
      throw new IllegalStateException(api + " has endpoints that accept Bearer tokens; configure Security.builder().jwt(verifier)");
    }
    if (used.contains(Scheme.API_KEY) && apiKeys == null) {
      throw new IllegalStateException(api + " has endpoints that accept API keys; configure Security.builder().apiKeys(apiKeys)");
    }
  }

  /** The authenticated caller with the endpoint's roles and permissions, or a 401 or 403 problem. */
  public Principal require(HttpCall call, Access access) {
    Principal caller = authenticate(call, access).orElseThrow(() -> {
      deny401(call, access, null);
      return unauthorized(BEARER_CHALLENGE, "no credentials");
    });
    authorize(call, access, caller);
    return caller;
  }

  /** For a public endpoint that takes an optional caller: empty when anonymous, 401 when credentials are bad. */
  public Optional<Principal> optional(HttpCall call, Access access) {
    return authenticate(call, access);
  }

  /** The object-level check's verdict: a 404 (or 403) problem when the caller does not own the object. */
  public void requireOwner(HttpCall call, Access access, Principal caller, boolean owns, NotOwner notOwner) {
    if (owns) {
      return;
    }
    audit.record(AuditEvent.of(AuditEventType.ACCESS_DENIED_403, AuditOutcome.DENIED)
        .requestId(call.requestId()).principal(caller.id()).clientIp(clientIp(call)).target(access.name())
        .detail("check", "ownership").build());
    throw HttpProblem.of(notOwner == NotOwner.FORBIDDEN ? 403 : 404, "not the owner: " + access.name());
  }

  private Optional<Principal> authenticate(HttpCall call, Access access) {
    String authorization = call.header("Authorization");
    String apiKey = call.header(API_KEY_HEADER);
    if (authorization == null && apiKey == null) {
      return Optional.empty();
    }
    if (authorization != null && apiKey != null) {
      deny401(call, access, AuthenticationException.Reason.MALFORMED);
      throw unauthorized(INVALID_TOKEN_CHALLENGE, "both Authorization and X-API-Key");
    }
    try {
      if (authorization != null) {
        if (!access.schemes().contains(Scheme.BEARER)) {
          throw new AuthenticationException(AuthenticationException.Reason.MALFORMED);
        }
        if (jwt == null) {
          throw new AuthenticationException(AuthenticationException.Reason.MALFORMED);
        }
        return Optional.of(jwt.verify(bearerToken(authorization)));
      }
      if (!access.schemes().contains(Scheme.API_KEY) || apiKeys == null || apiKey.length() > MAX_CREDENTIAL_LENGTH) {
        throw new AuthenticationException(AuthenticationException.Reason.MALFORMED);
      }
      return Optional.of(apiKeys.verify(apiKey, apiKeyOwnerRoles));
    } catch (AuthenticationException e) {
      deny401(call, access, e.reason());
      LOG.debug("[{}] credentials refused for {}: {}", call.requestId(), access.name(), e.reason(), e.getCause());
      throw unauthorized(INVALID_TOKEN_CHALLENGE, "credentials refused: " + e.reason());
    }
  }

  private void authorize(HttpCall call, Access access, Principal caller) {
    boolean roleOk = access.anyRole().isEmpty();
    for (String role : access.anyRole()) {
      if (caller.hasRole(role)) {
        roleOk = true;
        break;
      }
    }
    boolean permissionsOk = true;
    for (String permission : access.allPermissions()) {
      permissionsOk &= caller.hasScope(permission);
    }
    if (!roleOk || !permissionsOk) {
      audit.record(AuditEvent.of(AuditEventType.ACCESS_DENIED_403, AuditOutcome.DENIED)
          .requestId(call.requestId()).principal(caller.id()).clientIp(clientIp(call)).target(access.name())
          .detail("check", roleOk ? "permission" : "role").build());
      throw HttpProblem.of(403, "missing role or permission for " + access.name());
    }
  }

  private static String bearerToken(String authorization) throws AuthenticationException {
    if (authorization.length() > MAX_CREDENTIAL_LENGTH) {
      throw new AuthenticationException(AuthenticationException.Reason.TOO_LARGE);
    }
    if (authorization.length() < 8 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new AuthenticationException(AuthenticationException.Reason.MALFORMED);
    }
    String token = authorization.substring(7);
    if (token.isEmpty() || token.indexOf(' ') >= 0) {
      throw new AuthenticationException(AuthenticationException.Reason.MALFORMED);
    }
    return token;
  }

  private void deny401(HttpCall call, Access access, Enum<?> reason) {
    AuditEvent.Builder event = AuditEvent.of(AuditEventType.ACCESS_DENIED_401, AuditOutcome.DENIED)
        .requestId(call.requestId()).clientIp(clientIp(call)).target(access.name());
    if (reason != null) {
      event.reason(reason);
    }
    audit.record(event.build());
  }

  private static HttpProblem unauthorized(String challenge, String logDetail) {
    return HttpProblem.of(401, logDetail).withHeader("WWW-Authenticate", challenge);
  }

  static String clientIp(HttpCall call) {
    var address = call.exchange().remoteAddress();
    if (address == null) {
      return null;
    }
    return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
  }

  /** Builds a {@link Security}. */
  public static final class Builder {
    private JwtVerifier jwt;
    private ApiKeys apiKeys;
    private Function<String, Set<String>> apiKeyOwnerRoles = owner -> Set.of();
    private AuditLog audit = AuditLog.slf4j();

    private Builder() {}

    /** Verifies Bearer access tokens. */
    public Builder jwt(JwtVerifier verifier) {
      this.jwt = verifier;
      return this;
    }

    /** Verifies API keys from the {@code X-API-Key} header; their principals carry the key's scopes and no role. */
    public Builder apiKeys(ApiKeys keys) {
      return apiKeys(keys, owner -> Set.of());
    }

    /** Verifies API keys; a key's principal has the roles its owner has now (looked up per request). */
    public Builder apiKeys(ApiKeys keys, Function<String, Set<String>> ownerRoles) {
      if (ownerRoles == null) {
        throw new IllegalArgumentException("ownerRoles must not be null; use apiKeys(keys) for keys without roles");
      }
      this.apiKeys = keys;
      this.apiKeyOwnerRoles = ownerRoles;
      return this;
    }

    /** Where security events go; the {@code bulwark.audit} logger by default. */
    public Builder audit(AuditLog log) {
      if (log == null) {
        throw new IllegalArgumentException("audit must not be null");
      }
      this.audit = log;
      return this;
    }

    public Security build() {
      if (jwt == null && apiKeys == null) {
        throw new IllegalStateException("Security needs a JWT verifier or API keys; configure jwt(...) or apiKeys(...)");
      }
      return new Security(this);
    }
  }
}
