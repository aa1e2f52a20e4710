package dev.bulwark.sample;

import dev.bulwark.annotations.Body;
import dev.bulwark.annotations.Caller;
import dev.bulwark.annotations.GET;
import dev.bulwark.annotations.HttpApi;
import dev.bulwark.annotations.POST;
import dev.bulwark.annotations.RateKey;
import dev.bulwark.annotations.RateLimited;
import dev.bulwark.annotations.Secured;
import dev.bulwark.annotations.Status;
import dev.bulwark.auth.Principal;
import dev.bulwark.annotations.NotSensitive;
import dev.bulwark.annotations.Sensitive;
import dev.bulwark.annotations.Validated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/** The caller's own account: profile, second factor, API keys. */
@HttpApi(value = "/api/users/me", roles = Role.class)
@Secured(roles = {"user", "admin"})
@RateLimited(capacity = 120, period = "1m", key = RateKey.PRINCIPAL)
public interface UsersApi {
  /** A TOTP enrolment, shown once: the secret, its otpauth URI for an authenticator app, and recovery codes. */
  record MfaEnrolment(
      @NotSensitive(reason = "shown once to the user who is enrolling, for their authenticator app") String secret,
      @NotSensitive(reason = "carries the secret for the authenticator app, shown once at enrolment") String otpauthUri,
      @NotSensitive(reason = "shown once at enrolment; stored only hashed") List<String> recoveryCodes) {
    @Override
    public String toString() {
      return "MfaEnrolment[(redacted)]";
    }
  }

  /** A code from the authenticator app. */
  @Validated
  record MfaCode(@Sensitive(input = true) @NotBlank @Size(max = 16) String code) {
    @Override
    public String toString() {
      return "MfaCode[(redacted)]";
    }
  }

  /** What a new API key may do. */
  @Validated
  record NewApiKey(@NotNull @Size(max = 10) Set<@Size(max = 40) String> scopes) {}

  /** A new API key: the key itself is shown this once and stored only as a hash. */
  record ApiKeyCreated(String id,
      @NotSensitive(reason = "shown once to its owner at creation; stored only hashed") String key, Set<String> scopes) {
    @Override
    public String toString() {
      return "ApiKeyCreated[id=" + id + ", key=(redacted)]";
    }
  }

  @GET
  AuthApi.Profile me(@Caller Principal me);

  @POST("/mfa")
  @Status(201)
  @RateLimited(capacity = 10, period = "1h", key = RateKey.PRINCIPAL, name = "account.security")
  MfaEnrolment enrolMfa(@Caller Principal me);

  @POST("/mfa/confirm")
  @RateLimited(capacity = 5, period = "15m", key = RateKey.PRINCIPAL, failuresOnly = true)
  AuthApi.Profile confirmMfa(@Body MfaCode code, @Caller Principal me);

  @POST("/api-keys")
  @Status(201)
  @RateLimited(capacity = 10, period = "1h", key = RateKey.PRINCIPAL, name = "account.security")
  ApiKeyCreated createApiKey(@Body NewApiKey request, @Caller Principal me);
}
