package dev.bulwark.auth.password;

/** Why {@link PasswordPolicy} refused a password: stable codes for logs and client messages. */
public enum PasswordProblem {
  /** Fewer code points than the policy's minimum. */
  TOO_SHORT,
  /** More code points, or more UTF-8 bytes, than the policy's maximum. */
  TOO_LONG,
  /** Not valid Unicode (an unpaired surrogate), so it cannot be hashed faithfully. */
  NOT_VALID_UNICODE,
  /** On the blocklist or zxcvbn's list of common passwords (also with l33t substitutions or reversed). */
  TOO_COMMON,
  /** zxcvbn scores it below the policy's minimum (dictionary words, keyboard walks, dates, repeats). */
  TOO_WEAK,
  /** Contains the user's e-mail address, a part of it, or the user's name. */
  CONTAINS_USER_DATA,
  /** Contains one of the application's context words (its name, say). */
  CONTAINS_CONTEXT_WORD
}
