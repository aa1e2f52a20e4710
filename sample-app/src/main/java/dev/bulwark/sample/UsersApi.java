package dev.bulwark.sample;

import dev.bulwark.annotations.Body;
import dev.bulwark.annotations.Caller;
import dev.bulwark.annotations.GET;
import dev.bulwark.annotations.HttpApi;
import dev.bulwark.annotations.POST;
import dev.bulwark.annotations.Secured;
import dev.bulwark.annotations.Status;
import dev.bulwark.auth.Principal;
import java.util.List;
import java.util.Set;

/** The caller's own account: profile, second factor, API keys. */
@HttpApi(value = "/api/users/me", roles = Role.class)
@Secured(roles = {"user", "admin"})
public interface UsersApi {
  /** A TOTP enrolment, shown once: the secret, its otpauth URI for an authenticator app, and recovery codes. */
  record MfaEnrolment(String secret, String otpauthUri, List<String> recoveryCodes) {}

  /** A code from the authenticator app. */
  record MfaCode(String code) {}

  /** What a new API key may do. */
  record NewApiKey(Set<String> scopes) {}

  /** A new API key: the key itself is shown this once and stored only as a hash. */
  record ApiKeyCreated(String id, String key, Set<String> scopes) {}

  @GET
  AuthApi.Profile me(@Caller Principal me);

  @POST("/mfa")
  @Status(201)
  MfaEnrolment enrolMfa(@Caller Principal me);

  @POST("/mfa/confirm")
  AuthApi.Profile confirmMfa(@Body MfaCode code, @Caller Principal me);

  @POST("/api-keys")
  @Status(201)
  ApiKeyCreated createApiKey(@Body NewApiKey request, @Caller Principal me);
}
