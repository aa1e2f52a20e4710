package dev.bulwark.sample;

import dev.bulwark.annotations.Body;
import dev.bulwark.annotations.Caller;
import dev.bulwark.annotations.HttpApi;
import dev.bulwark.annotations.POST;
import dev.bulwark.annotations.Public;
import dev.bulwark.annotations.RateKey;
import dev.bulwark.annotations.RateLimited;
import dev.bulwark.annotations.Waive;
import dev.bulwark.annotations.Secured;
import dev.bulwark.annotations.Status;
import dev.bulwark.auth.Principal;
import dev.bulwark.annotations.NotSensitive;
import dev.bulwark.annotations.Sensitive;
import dev.bulwark.annotations.Validated;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.Set;

/** Registration, login, token refresh and logout. */
@HttpApi(value = "/api/auth", roles = Role.class)
public interface AuthApi {
  /** What a new user sends; the password is checked against the password policy too. */
  @Validated
  record Register(@NotBlank @Email @Size(max = 254) String email,
      @Sensitive(input = true) @NotNull @Size(max = 128) String password,
      @NotBlank @Size(max = 100) String name) {
    @Override
    public String toString() {
      return "Register[email=" + email + ", name=" + name + "]";
    }
  }

  /** What a user logs in with; {@code totp} once a second factor is enrolled. */
  @Validated
  record Login(@NotNull @Size(max = 254) String email,
      @Sensitive(input = true) @NotNull @Size(max = 1024) String password,
      @Sensitive(input = true) @Size(max = 32) Optional<String> totp) {
    @Override
    public String toString() {
      return "Login[email=" + email + "]";
    }
  }

  /** A refresh token, to exchange or to revoke. */
  @Validated
  record RefreshRequest(@Sensitive(input = true) @NotBlank @Size(max = 256) String refreshToken) {
    @Override
    public String toString() {
      return "RefreshRequest[refreshToken=(redacted)]";
    }
  }

  /** An access token and a refresh token: issued to the caller, so they are the one place tokens are returned. */
  record Tokens(
      @NotSensitive(reason = "issued to the caller who just authenticated") String accessToken,
      @NotSensitive(reason = "issued to the caller who just authenticated") String refreshToken,
      @NotSensitive(reason = "the token type, not a token") String tokenType,
      long expiresIn) {
    @Override
    public String toString() {
      return "Tokens[(redacted), expiresIn=" + expiresIn + "]";
    }
  }

  /** A user as the API shows it: no password hash, no secret. */
  record Profile(String id, String email, String name, Set<String> roles, boolean mfaEnabled) {}

  @POST("/register")
  @Status(201)
  @Public(reason = "anyone may sign up")
  @RateLimited(capacity = 20, period = "1h", key = RateKey.CLIENT_IP)
  @Waive(rule = "BW305", reason = "sign-up creates a credential rather than checking one; it is limited per client IP")
  Profile register(@Body Register request);

  @POST("/login")
  @Public(reason = "logging in is how a caller gets credentials")
  @RateLimited(capacity = 20, period = "15m", key = RateKey.CLIENT_IP, failuresOnly = true)
  @RateLimited(capacity = 5, period = "15m", key = RateKey.ACCOUNT, account = "email", failuresOnly = true)
  Tokens login(@Body Login request);

  @POST("/refresh")
  @Public(reason = "the refresh token is the credential")
  @RateLimited(capacity = 30, period = "15m", key = RateKey.CLIENT_IP, failuresOnly = true)
  Tokens refresh(@Body RefreshRequest request);

  @POST("/logout")
  @Secured(roles = {"user", "admin"})
  @RateLimited(capacity = 30, period = "15m", key = RateKey.PRINCIPAL)
  void logout(@Body RefreshRequest request, @Caller Principal me);
}
