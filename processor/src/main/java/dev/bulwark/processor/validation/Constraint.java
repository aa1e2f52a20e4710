package dev.bulwark.processor.validation;

/**
 * One jakarta.validation constraint as read at compile time: its kind, the attributes that kind uses, and the
 * message the client sees (the constraint's own message when the user wrote one, otherwise a default).
 */
public record Constraint(Kind kind, long min, long max, String decimal, boolean inclusive, String regexp, int flags,
    String message) {

  /** The supported constraints, by their jakarta.validation simple names. */
  public enum Kind {
    NOT_NULL("NotNull"), NULL("Null"), NOT_BLANK("NotBlank"), NOT_EMPTY("NotEmpty"), SIZE("Size"), MIN("Min"),
    MAX("Max"), DECIMAL_MIN("DecimalMin"), DECIMAL_MAX("DecimalMax"), DIGITS("Digits"), POSITIVE("Positive"),
    POSITIVE_OR_ZERO("PositiveOrZero"), NEGATIVE("Negative"), NEGATIVE_OR_ZERO("NegativeOrZero"), EMAIL("Email"),
    PATTERN("Pattern"), PAST("Past"), PAST_OR_PRESENT("PastOrPresent"), FUTURE("Future"),
    FUTURE_OR_PRESENT("FutureOrPresent"), ASSERT_TRUE("AssertTrue"), ASSERT_FALSE("AssertFalse"),
    /** Bulwark's own {@code @OutboundUrl} (SSRF): the schemes in {@code regexp}, comma-separated, the bound in max. */
    OUTBOUND_URL("OutboundUrl"),
    /** Bulwark's {@code @Check(MyCheck.class)}: the check class's canonical name in {@code decimal}. */
    CUSTOM("Check");

    static final String PACKAGE = "jakarta.validation.constraints.";
    private final String simpleName;

    Kind(String simpleName) {
      this.simpleName = simpleName;
    }

    /** {@code @Size}, for messages. */
    public String annotation() {
      return "@" + simpleName;
    }

    /** The kind for a qualified annotation name, or null when it is not a supported constraint. */
    static Kind of(String qualifiedName) {
      if (qualifiedName.equals("dev.bulwark.annotations.OutboundUrl")) {
        return OUTBOUND_URL;
      }
      if (qualifiedName.equals("dev.bulwark.annotations.Check")) {
        return CUSTOM;
      }
      if (!qualifiedName.startsWith(PACKAGE)) {
        return null;
      }
      String simple = qualifiedName.substring(PACKAGE.length());
      for (Kind kind : values()) {
        if (kind.simpleName.equals(simple)) {
          return kind;
        }
      }
      return null;
    }
  }
}
