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
      "annotate it with exactly one of @PathParam, @QueryParam, @HeaderParam, @Body or @Caller"),
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
  BW101("Every endpoint has an access decision", "%s has no access decision",
      "annotate the method or its interface with @Secured(roles = ...) or @Public(reason = \"...\"); this rule cannot be waived"),
  BW102("An element has one access decision", "%s has both @Secured and @Public",
      "keep the one you mean; a method-level decision replaces the interface's"),
  BW103("A public endpoint says why", "@Public on %s has a blank reason",
      "write why anonymous access is right, e.g. @Public(reason = \"anonymous readers may search\")"),
  BW104("Roles come from the declared role set", "the role '%s' on %s is not a constant of %s",
      "use one of %s, or add the role to the enum"),
  BW105("A secured endpoint names its roles", "@Secured on %s names no role",
      "list the roles that may call it, e.g. @Secured(roles = \"user\")"),
  BW106("A role or permission set is declared", "%s names %s but its @HttpApi declares no %s set",
      "declare the enum of allowed values, e.g. @HttpApi(value = \"/api\", %s = Role.class)"),
  BW107("Permissions come from the declared permission set", "the permission '%s' on %s is not a constant of %s",
      "use one of %s, or add the permission to the enum"),
  BW108("@Caller injects the principal", "the @Caller parameter %s of %s has the type %s",
      "declare it as dev.bulwark.auth.Principal (Optional<Principal> on a @Public endpoint)"),
  BW109("A public endpoint's caller may be absent", "the @Caller parameter %s of %s is %s on a %s endpoint",
      "use Optional<Principal> on a @Public endpoint and Principal on a @Secured one"),
  BW110("An ownership check fits its endpoint", "the ownership check %s of %s does not fit: %s",
      "implement dev.bulwark.runtime.security.Ownership<ID> with ID the type of the path parameter named by ownerParam"),
  BW111("A secured endpoint accepts some credential", "@Secured on %s accepts no scheme",
      "leave schemes at its default (BEARER) or list Scheme.BEARER and/or Scheme.API_KEY"),
  BW112("An endpoint has at most one caller", "%s declares %d @Caller parameters", "keep one @Caller parameter"),
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
