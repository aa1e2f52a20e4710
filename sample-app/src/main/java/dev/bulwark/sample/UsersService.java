package dev.bulwark.sample;

import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.Principal;
import dev.bulwark.auth.apikey.ApiKeys;
import dev.bulwark.auth.apikey.CreatedApiKey;
import dev.bulwark.auth.audit.AuditEvent;
import dev.bulwark.auth.audit.AuditEventType;
import dev.bulwark.auth.audit.AuditLog;
import dev.bulwark.auth.audit.AuditOutcome;
import dev.bulwark.auth.totp.TotpAuthenticator;
import dev.bulwark.auth.totp.TotpEnrolment;
import dev.bulwark.runtime.http.HttpProblem;
import java.util.Set;

/** The caller's own account. */
final class UsersService implements UsersApi {
  static final Set<String> API_KEY_SCOPES = Set.of("posts:read", "posts:write");

  private final Accounts accounts;
  private final TotpAuthenticator totp;
  private final ApiKeys apiKeys;
  private final AuditLog audit;

  UsersService(Accounts accounts, TotpAuthenticator totp, ApiKeys apiKeys, AuditLog audit) {
    this.accounts = accounts;
    this.totp = totp;
    this.apiKeys = apiKeys;
    this.audit = audit;
  }

  @Override
  public AuthApi.Profile me(Principal me) {
    return account(me).profile(totp.isEnrolled(me.id()));
  }

  @Override
  public MfaEnrolment enrolMfa(Principal me) {
    Account account = account(me);
    if (totp.isEnrolled(me.id())) {
      throw HttpProblem.of(409, "already enrolled");
    }
    TotpEnrolment enrolment = totp.enrol(account.id(), account.email());
    return new MfaEnrolment(enrolment.secretBase32(), enrolment.otpauthUri(), enrolment.recoveryCodes());
  }

  @Override
  public AuthApi.Profile confirmMfa(MfaCode code, Principal me) {
    try {
      totp.confirm(me.id(), code.code());
    } catch (AuthenticationException e) {
      audit.record(AuditEvent.of(AuditEventType.MFA_FAILED, AuditOutcome.FAILURE).principal(me.id()).reason(e.reason()).build());
      throw HttpProblem.badField("body.code", "is not a valid code");
    }
    audit.record(AuditEvent.of(AuditEventType.MFA_ENROLLED, AuditOutcome.SUCCESS).principal(me.id()).build());
    return me(me);
  }

  @Override
  public ApiKeyCreated createApiKey(NewApiKey request, Principal me) {
    Set<String> scopes = request.scopes();
    if (!API_KEY_SCOPES.containsAll(scopes)) {
      throw HttpProblem.badField("body.scopes", "must be among " + new java.util.TreeSet<>(API_KEY_SCOPES));
    }
    CreatedApiKey created = apiKeys.create(me.id(), scopes);
    audit.record(AuditEvent.of(AuditEventType.API_KEY_CREATED, AuditOutcome.SUCCESS).principal(me.id())
        .target(created.record().keyId()).build());
    return new ApiKeyCreated(created.record().keyId(), created.key(), scopes);
  }

  private Account account(Principal me) {
    return accounts.byId(me.id()).orElseThrow(() -> HttpProblem.of(401, "account no longer exists"));
  }
}
