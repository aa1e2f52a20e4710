package dev.bulwark.runtime.validation;

import dev.bulwark.runtime.http.HttpProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The violations found while validating one request. Generated code adds to it and, once every parameter and the
 * body have been checked, calls {@link #throwIfAny()}: the client gets one 400 listing every field at fault, never
 * the rejected values. Paths are only built when something is wrong, so a valid request allocates nothing here.
 */
public final class Violations {
  /** The most violations one response lists; past it the list ends, so a huge invalid body cannot bloat the answer. */
  public static final int MAX_REPORTED = 100;

  private List<HttpProblem.FieldError> errors;

  /** Records a violation at {@code path.name}. */
  public void add(String path, String name, String message) {
    add(name == null ? path : path + "." + name, message);
  }

  /** Records a violation at {@code path.name[index]}. */
  public void add(String path, String name, int index, String message) {
    add(path + "." + name + "[" + index + "]", message);
  }

  /** Records a violation at a full path. */
  public void add(String fullPath, String message) {
    if (errors == null) {
      errors = new ArrayList<>(4);
    }
    if (errors.size() < MAX_REPORTED) {
      errors.add(new HttpProblem.FieldError(fullPath, message));
    }
  }

  /** Whether nothing was found. */
  public boolean isEmpty() {
    return errors == null;
  }

  /** A 400 listing every violation, if there is any. */
  public void throwIfAny() {
    if (errors != null) {
      throw HttpProblem.badRequest(errors, errors.size() + " constraint violation(s), first at " + errors.get(0).field());
    }
  }
}
