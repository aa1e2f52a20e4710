package dev.bulwark.sample;

import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.Principal;
import dev.bulwark.auth.audit.AuditEvent;
import dev.bulwark.auth.audit.AuditEventType;
import dev.bulwark.auth.audit.AuditLog;
import dev.bulwark.auth.audit.AuditOutcome;
import dev.bulwark.auth.password.LoginVerifier;
import dev.bulwark.auth.password.PasswordCheck;
import dev.bulwark.auth.password.PasswordHasher;
import dev.bulwark.auth.password.PasswordPolicy;
import dev.bulwark.auth.password.VerifiedLogin;
import dev.bulwark.auth.token.TokenIssuer;
import dev.bulwark.auth.token.TokenPair;
import dev.bulwark.auth.totp.TotpAuthenticator;
import dev.bulwark.runtime.http.HttpProblem;
import java.util.Optional;
import java.util.Set;

/**
 * The auth endpoints. Login answers an unknown account and a wrong password the same way, after the same work (the
 * verifier hashes against a dummy for unknown accounts); any failure is one 401 whatever its cause.
 */
final class AuthService implements AuthApi {
  private final Accounts accounts;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final LoginVerifier verifier;
  private final TokenIssuer tokens;
  private final TotpAuthenticator totp;
  private final AuditLog audit;

  AuthService(Accounts accounts, PasswordHasher hasher, TokenIssuer tokens, TotpAuthenticator totp, AuditLog audit) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.policy = PasswordPolicy.defaults();
    this.verifier = LoginVerifier.create(hasher);
    this.tokens = tokens;
    this.totp = totp;
    this.audit = audit;
  }

  /** How often the dummy-hash path ran: tests assert that unknown accounts took it. */
  long dummyVerifications() {
    return verifier.dummyVerifications();
  }

  @Override
  public Profile register(Register request) {
    // The generated validator has checked presence, bounds and the e-mail syntax; the policy checks strength.
    String email = request.email().strip();
    String name = request.name().strip();
    PasswordCheck check = policy.check(request.password(), email, name);
    if (!check.ok()) {
      throw HttpProblem.badField("body.password", "is too weak: " + check.problems().get(0).name().toLowerCase());
    }
    Account account = accounts.add(email, name, hasher.hash(request.password()), Set.of(Role.user))
        .orElseThrow(() -> HttpProblem.of(409, "e-mail already registered"));
    audit.record(AuditEvent.of(AuditEventType.ACCOUNT_REGISTERED, AuditOutcome.SUCCESS).principal(account.id()).build());
    return account.profile(false);
  }

  @Override
  public Tokens login(Login request) {
    String email = request.email();
    String password = request.password();
    Optional<Account> candidate = accounts.byEmail(email);
    try {
      VerifiedLogin<Account> login = verifier.verify(candidate, Account::passwordHash, password);
      Account account = login.account();
      totp.checkLogin(account.id(), request.totp().orElse(null));
      if (login.needsRehash()) {
        accounts.replaceHash(account.id(), hasher.hash(password));
      }
      audit.record(AuditEvent.of(AuditEventType.LOGIN_SUCCEEDED, AuditOutcome.SUCCESS).principal(account.id()).build());
      return tokens(tokens.issue(account.id(), account.roleNames()));
    } catch (AuthenticationException e) {
      audit.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, AuditOutcome.FAILURE).reason(e.reason()).build());
      throw HttpProblem.of(401, "login failed: " + e.reason());
    }
  }

  @Override
  public Tokens refresh(RefreshRequest request) {
    try {
      TokenPair pair = tokens.refresh(request.refreshToken());
      audit.record(AuditEvent.of(AuditEventType.TOKEN_REFRESHED, AuditOutcome.SUCCESS).build());
      return tokens(pair);
    } catch (AuthenticationException e) {
      AuditEventType type = e.reason() == AuthenticationException.Reason.REFRESH_REUSED
          ? AuditEventType.REFRESH_REUSED : AuditEventType.ACCESS_DENIED_401;
      audit.record(AuditEvent.of(type, AuditOutcome.DENIED).reason(e.reason()).build());
      throw HttpProblem.of(401, "refresh refused: " + e.reason());
    }
  }

  @Override
  public void logout(RefreshRequest request, Principal me) {
    tokens.logout(me, request.refreshToken());
    audit.record(AuditEvent.of(AuditEventType.LOGGED_OUT, AuditOutcome.SUCCESS).principal(me.id()).build());
  }

  private static Tokens tokens(TokenPair pair) {
    return new Tokens(pair.accessToken(), pair.refreshToken(), pair.tokenType(), pair.expiresInSeconds());
  }
}
