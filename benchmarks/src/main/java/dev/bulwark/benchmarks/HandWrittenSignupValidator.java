package dev.bulwark.benchmarks;

import dev.bulwark.runtime.validation.Violations;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a careful engineer would write by hand for {@link Signup}: exactly the checks, messages and paths of the
 * generated validator, inlined, with no helper calls. The benchmark's baseline for "generated costs nothing".
 */
public final class HandWrittenSignupValidator {
  // The same address syntax as the runtime's Checks.email, so both do exactly the same work.
  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private HandWrittenSignupValidator() {}

  public static void validate(Signup value, Violations violations, String path) {
    String name = value.name();
    if (name == null || isBlank(name)) {
      violations.add(path, "name", "must not be blank");
    }
    if (name != null && name.length() > 40) {
      violations.add(path, "name", "size must be between 0 and 40");
    }
    String email = value.email();
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      violations.add(path, "email", "must be a well-formed email address");
    }
    if (email != null && email.length() > 254) {
      violations.add(path, "email", "size must be between 0 and 254");
    }
    int age = value.age();
    if (age < 13) {
      violations.add(path, "age", "must be greater than or equal to 13");
    }
    if (age > 130) {
      violations.add(path, "age", "must be less than or equal to 130");
    }
    List<String> tags = value.tags();
    if (tags == null) {
      violations.add(path, "tags", "must not be null");
    } else {
      if (tags.size() > 5) {
        violations.add(path, "tags", "size must be between 0 and 5");
      }
      int i = 0;
      for (String tag : tags) {
        if (tag == null || isBlank(tag)) {
          violations.add(path, "tags", i, "must not be blank");
        }
        if (tag != null && tag.length() > 20) {
          violations.add(path, "tags", i, "size must be between 0 and 20");
        }
        i++;
      }
    }
    String country = value.country();
    if (country != null && !COUNTRY.matcher(country).matches()) {
      violations.add(path, "country", "must match the required pattern");
    }
    if (country != null && country.length() > 2) {
      violations.add(path, "country", "size must be between 0 and 2");
    }
  }

  private static boolean isBlank(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isWhitespace(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
