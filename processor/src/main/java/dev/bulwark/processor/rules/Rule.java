package dev.bulwark.processor.rules;

/**
 * The catalogue of build rules: every user error the processor reports, with its stable id, its message and how to
 * fix it. Messages read "[BWnnn] what is wrong (the value); how to fix it". The tests assert these texts and
 * {@code docs/rules.md} is rendered from this enum, so the three never drift apart.
 */
public enum Rule {
  BW001("@HttpApi must be on an interface", "%s is a %s", "declare the API as an interface and implement it in a plain class"),
  BW002("A path template must be well formed", "the path '%s' of %s is malformed: %s",
      "write paths as /segment/{variable} with letters, digits, '-', '.', '_' or '~' in literal segments, each variable filling a whole segment, no empty segment and no trailing /"),
  BW003("Every path variable has a @PathParam parameter", "the path variable {%s} in %s has no @PathParam(\"%s\") parameter",
      "add a parameter annotated @PathParam(\"%s\"), or remove the variable from the path"),
  BW004("Every @PathParam names a variable of the path", "@PathParam(\"%s\") on %s names no variable of the path '%s'",
      "add {%s} to the path template, or use @QueryParam for a query parameter"),
  BW005("Two endpoints never claim the same route", "%s and %s both claim %s %s",
      "give one of them a different path or HTTP method"),
  BW006("Every parameter has exactly one source", "the parameter %s of %s has %s",
      "annotate it with exactly one of @PathParam, @QueryParam, @HeaderParam or @Body"),
  BW007("A parameter has a supported type", "the %s parameter %s of %s has the unsupported type %s",
      "use String, a primitive or its box, BigDecimal, UUID, an enum or a java.time value (Optional of those for an optional query or header parameter, List of those for a repeated query parameter; a path parameter is never Optional or List)"),
  BW008("An endpoint returns a supported type", "%s returns the unsupported type %s",
      "return void (204), a record or class serialized as JSON, a List, Set or Map of those, a scalar, or Optional of one (404 when empty)"),
  BW009("GET and DELETE take no body", "%s is a %s endpoint and declares a @Body parameter",
      "remove the @Body parameter, or use POST, PUT or PATCH"),
  BW010("An endpoint has at most one body", "%s declares %d @Body parameters",
      "keep one @Body and wrap the values in one record"),
  BW011("Every abstract method of an API is exactly one endpoint", "%s has %s",
      "annotate it with exactly one of @GET, @POST, @PUT, @PATCH or @DELETE, or make it a default method"),
  BW012("A success status is a 2xx code", "@Status(%d) on %s is not a success status",
      "use a status from 200 to 299, such as 201 for a creation"),
  BW013("Generic signatures resolve to concrete types", "%s of %s is the type variable %s, which the API does not bind",
      "extend the generic interface with concrete type arguments (interface PostsApi extends CrudApi<Post, Long>)"),
  BW014("A parameter source is named once per endpoint", "%s and %s of %s both bind %s",
      "bind each path variable, query parameter and header to one parameter"),
  BW099("Internal error", "internal error in Bulwark, please report: %s", "report it with the stack trace below");

  private final String title;
  private final String problem;
  private final String fix;

  Rule(String title, String problem, String fix) {
    this.title = title;
    this.problem = problem;
    this.fix = fix;
  }

  /** A one-line name for the rule, used in the catalogue. */
  public String title() {
    return title;
  }

  /** The message template for what is wrong ({@link String#format} arguments). */
  public String problemTemplate() {
    return problem;
  }

  /** The fix hint template. */
  public String fixTemplate() {
    return fix;
  }

  /**
   * The full message. The arguments fill the problem template first, then any the fix template needs (the fix
   * template's placeholders take the arguments after the problem's).
   */
  public String format(Object... args) {
    int problemArgs = count(problem);
    Object[] first = java.util.Arrays.copyOfRange(args, 0, Math.min(problemArgs, args.length));
    Object[] rest = args.length > problemArgs ? java.util.Arrays.copyOfRange(args, problemArgs, args.length) : new Object[0];
    return "[" + name() + "] " + String.format(problem, first) + "; " + String.format(fix, rest);
  }

  private static int count(String template) {
    int n = 0;
    for (int i = 0; i + 1 < template.length(); i++) {
      if (template.charAt(i) == '%' && template.charAt(i + 1) != '%') {
        n++;
        i++;
      }
    }
    return n;
  }
}
