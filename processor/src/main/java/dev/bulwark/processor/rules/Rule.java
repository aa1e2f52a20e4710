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
  BW301("A rate limit allows something", "@RateLimited on %s has capacity %d", "use a capacity above zero"),
  BW302("A rate limit's period parses", "@RateLimited on %s has the period '%s'",
      "write a whole number and a unit: 500ms, 30s, 15m, 1h or 1d"),
  BW303("A public endpoint is not limited per caller", "@RateLimited(key = %s) on %s, which is @Public",
      "count a public endpoint by CLIENT_IP, ACCOUNT or GLOBAL: there is no authenticated caller"),
  BW304("A public endpoint that changes state is rate limited", "%s is a public %s endpoint with no rate limit",
      "add @RateLimited(capacity = ..., period = ..., key = RateKey.CLIENT_IP)"),
  BW305("A credential endpoint counts failures per account and per client", "%s takes a password but lacks %s",
      "add @RateLimited(..., key = RateKey.CLIENT_IP, failuresOnly = true) and @RateLimited(..., key = RateKey.ACCOUNT, account = \"email\", failuresOnly = true)"),
  BW306("An account key names the account", "@RateLimited(key = ACCOUNT) on %s: %s",
      "set account to the name of a String component of the @Body record, such as \"email\""),
  BW307("A tier chooses among per-caller limits", "@RateLimited(tier = \"%s\") on %s counts by %s",
      "use key = RateKey.PRINCIPAL or API_KEY for a tier (the tier is a claim of the caller), without failuresOnly"),
  BW308("Tiered limits have a default", "%s has limits for the tiers %s but none for other callers",
      "add a @RateLimited without tier: it applies to every caller whose tier has no limits of its own"),
  BW309("A named limit is one bucket", "the limit \"%s\" is %s on %s but %s on %s",
      "declare the shared limit with the same capacity, period, key and store-failure policy everywhere, or give one of them another name"),
  BW310("Limit names and tiers are short identifiers", "@RateLimited on %s has the %s '%s'",
      "use lower-case letters, digits, '.', '_' or '-' for a name ([a-z0-9][a-z0-9._-]{0,63}) and [A-Za-z0-9_-]{1,32} for a tier"),
  BW311("Every page-size parameter has an upper bound", "%s takes the page size '%s' %s",
      "add @Max(100) (at most 1000) so one request cannot read a whole table"),
  BW401("@Repository must be on an interface", "%s is a %s",
      "declare the repository as an interface; Bulwark generates its implementation, <Interface>_Jdbc"),
  BW402("Every abstract method of a repository has one @Sql", "%s has no @Sql",
      "annotate it with @Sql(\"...\"), or make it a default method"),
  BW403("An @Sql statement is well formed", "the @Sql of %s is malformed: %s",
      "close every string literal, quoted identifier and comment, and write identifier placeholders as ${name}"),
  BW404("An @Sql holds one statement", "the @Sql of %s holds more than one statement (%s)",
      "write one @Sql method per statement, and call them inside Transactions.inTransaction when they belong together"),
  BW405("An @Sql binds named parameters only", "the @Sql of %s uses the positional parameter %s",
      "bind values by name: :name for a parameter, :param.component for a record component (for PostgreSQL's jsonb ? operators, use jsonb_exists and its kin)"),
  BW406("Every bind matches a parameter", "the bind %s in the @Sql of %s matches %s",
      "rename the bind or the parameter so they agree: :parameter, or :parameter.component for a record parameter"),
  BW407("Every parameter is used", "the parameter %s of %s is never used by its @Sql",
      "bind it as :name (or :name.component, or ${name} for an enum identifier), or remove it"),
  BW408("An identifier placeholder is fed by an enum", "${%s} in the @Sql of %s is %s",
      "pass an enum parameter of that name; each constant stands for fixed SQL (@SqlText, or its own name), the only text ever spliced into a statement"),
  BW409("The SQL text of an identifier is a fixed column list", "the SQL text '%s' of %s is not a column list",
      "use column names, optionally qualified, each optionally followed by ASC or DESC and NULLS FIRST or NULLS LAST, separated by commas"),
  BW410("A bound value has a supported type", "%s of %s has the unsupported type %s",
      "bind String, a primitive or its box, BigDecimal, UUID, Instant, LocalDate, LocalDateTime, OffsetDateTime, an enum or byte[]; bind a record parameter's values as :param.component, and a List of records only as the rows of a batch"),
  BW411("A repository method returns a supported type", "%s returns %s: %s",
      "return a record or class whose constructor parameters all have supported types, a supported scalar, Optional or List of one; int, long or void for a change; int[] or void for a batch; or the key's type with @GeneratedKey"),
  BW412("Every selected column has a place in the result", "the column %s selected by %s has no place in %s",
      "add a component of that name (snake_case columns map to camelCase components), alias the column to a component's name, or remove it from the select list"),
  BW413("Every component of the result is selected", "the component %s of %s is not selected by %s (no column %s)",
      "select a column of that name, or alias an expression to it"),
  BW414("@GeneratedKey is on a single-row change that returns the key", "@GeneratedKey(\"%s\") on %s %s",
      "put @GeneratedKey(\"column\") on an INSERT (or UPDATE) method that returns the key's type: long, int, their boxes, UUID or String"),
  BW415("@Encrypted names its table and a row key of the same record", "@Encrypted on %s %s",
      "put it on a String or byte[] record component, with table naming the table and rowKey naming another component (String, int, long or UUID) of the same record that identifies the row"),
  BW201("A constraint applies to its type", "%s on %s cannot apply to the type %s",
      "remove it, or use a constraint for that type (@Size for text and collections, @Min/@Max for integers, @Past/@Future for dates)"),
  BW202("A @Pattern is a valid regular expression", "the @Pattern of %s is not a valid regular expression: %s",
      "fix the expression (java.util.regex syntax)"),
  BW203("@Valid cascades into a validated record", "@Valid on %s cascades into %s, which is not a @Validated record",
      "annotate %s with @Validated, or remove @Valid"),
  BW204("Every text, collection, map and array input has an upper bound", "%s (%s) has no upper bound",
      "add @Size(max = ...) to it (for a container's elements too: List<@Size(max = 40) String>)"),
  BW205("@Sanitize applies to text", "@Sanitize on %s cannot apply to the type %s", "put @Sanitize on a String"),
  BW206("No constraint is silently ignored", "%s has constraints that would not be validated: %s",
      "annotate the record with @Validated (and the component with @Valid when it is nested)"),
  BW207("@Validated is on a record", "@Validated on %s, which is a %s", "declare the validated type as a record"),
  BW209("A custom check fits its value", "@Check(%s) on %s does not fit: %s",
      "implement dev.bulwark.runtime.validation.CustomCheck<T> for the value's type, in a public class with a public no-argument constructor"),
  BW208("Constraint bounds make sense", "%s on %s has impossible bounds (%s)", "use 0 <= min <= max, and non-negative digit counts"),
  BW501("No response carries a sensitive value", "%s returns %s, which carries the @Sensitive value %s",
      "return a view record without it (the sample returns Profile, never Account)"),
  BW502("A record with a sensitive value does not print it", "%s has the @Sensitive component %s but the record's generated toString would print it",
      "override toString in %s and leave the value out"),
  BW503("A secret-sounding response field says what it is", "%s returns %s, whose component %s sounds secret",
      "mark it @Sensitive (and stop returning it), or @NotSensitive(reason = \"...\") when returning it is the point"),
  BW504("A sensitive request value is declared as input", "%s takes %s, which carries the @Sensitive value %s",
      "mark it @Sensitive(input = true) if clients really send it (a password at login), or remove it from the request type"),
  BW505("@NotSensitive says why", "%s has @NotSensitive with a blank reason (or with @Sensitive too)",
      "write why returning it is right, and keep only one of @Sensitive and @NotSensitive"),
  BW510("A waiver names a known rule", "@Waive(rule = \"%s\") on %s names no Bulwark rule", "use a rule id from the catalogue (docs/rules.md)"),
  BW511("A waiver waives something", "@Waive(rule = \"%s\") on %s waives nothing: the rule does not fire there",
      "remove the waiver, or move it to the element the rule fires on"),
  BW512("A waiver says why", "@Waive(rule = \"%s\") on %s has a blank reason", "write why the rule does not apply here"),
  BW513("Some rules cannot be waived", "@Waive(rule = \"%s\") on %s: that rule cannot be waived",
      "fix what the rule reports; only the rules marked waivable in docs/rules.md accept a waiver"),
  BW099("Internal error", "internal error in Bulwark, please report: %s", "report it with the stack trace below");

  /**
   * The rules a {@code @Waive} may set aside: policy rules after which the generated code is still correct. Structural
   * rules (the code could not be generated), access decisions and the waiver rules themselves never accept one.
   */
  private static final java.util.Set<String> WAIVABLE = java.util.Set.of("BW105", "BW204", "BW206", "BW305", "BW501",
      "BW502", "BW503", "BW504");

  private final String title;
  private final String problem;
  private final String fix;

  Rule(String title, String problem, String fix) {
    this.title = title;
    this.problem = problem;
    this.fix = fix;
  }

  /** Whether a {@code @Waive} on the element may set this rule aside. */
  public boolean waivable() {
    return WAIVABLE.contains(name());
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
