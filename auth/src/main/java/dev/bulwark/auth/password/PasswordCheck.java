package dev.bulwark.auth.password;

import java.util.List;

/**
 * The outcome of {@link PasswordPolicy#check}: the problems found, in a stable order, and never the password
 * itself, so the result may be logged or sent to the client as it is.
 *
 * @param problems what is wrong; empty when the password is acceptable
 */
public record PasswordCheck(List<PasswordProblem> problems) {

  /** Copies the problems. */
  public PasswordCheck {
    problems = List.copyOf(problems);
  }

  /** Whether the password is acceptable. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** Whether {@code problem} was found. */
  public boolean has(PasswordProblem problem) {
    return problems.contains(problem);
  }
}
