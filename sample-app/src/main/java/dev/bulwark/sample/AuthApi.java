package dev.bulwark.sample;

import dev.bulwark.annotations.Body;
import dev.bulwark.annotations.Caller;
import dev.bulwark.annotations.HttpApi;
import dev.bulwark.annotations.POST;
import dev.bulwark.annotations.Public;
import dev.bulwark.annotations.Secured;
import dev.bulwark.annotations.Status;
import dev.bulwark.auth.Principal;
import java.util.Optional;
import java.util.Set;

/** Registration, login, token refresh and logout. */
@HttpApi(value = "/api/auth", roles = Role.class)
public interface AuthApi {
  /** What a new user sends. */
  record Register(String email, String password, String name) {}

  /** What a user logs in with; {@code totp} once a second factor is enrolled. */
  record Login(String email, String password, Optional<String> totp) {}

  /** A refresh token, to exchange or to revoke. */
  record RefreshRequest(String refreshToken) {}

  /** An access token and a refresh token. */
  record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {}

  /** A user as the API shows it: no password hash, no secret. */
  record Profile(String id, String email, String name, Set<String> roles, boolean mfaEnabled) {}

  @POST("/register")
  @Status(201)
  @Public(reason = "anyone may sign up")
  Profile register(@Body Register request);

  @POST("/login")
  @Public(reason = "logging in is how a caller gets credentials")
  Tokens login(@Body Login request);

  @POST("/refresh")
  @Public(reason = "the refresh token is the credential")
  Tokens refresh(@Body RefreshRequest request);

  @POST("/logout")
  @Secured(roles = {"user", "admin"})
  void logout(@Body RefreshRequest request, @Caller Principal me);
}
