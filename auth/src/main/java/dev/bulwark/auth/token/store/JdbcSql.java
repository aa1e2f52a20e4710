package dev.bulwark.auth.token.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every statement {@link JdbcTokenStore} runs, built once from a validated table prefix. Values are always
 * {@code ?} parameters; the only text ever put into SQL is the prefix, which matches {@link #PREFIX}.
 */
final class JdbcSql {

  /** Lower case, so PostgreSQL's unquoted identifiers and H2's match without quoting; short enough for 63. */
  static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  final String prefix;
  final String grants;
  final String families;
  final String denied;

  final String selectGrant;
  final String insertGrant;
  final String spendGrant;
  final String familyExists;
  final String insertFamily;
  final String revokeFamily;
  final String revokeActiveFamily;
  final String extendDenial;
  final String insertDenial;
  final String isDenied;
  final String purgeGrants;
  final String purgeFamilies;
  final String purgeDenied;

  JdbcSql(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("JdbcTokenStore tablePrefix must match " + PREFIX.pattern()
          + " (lower case letter first, then lower case letters, digits or '_', at most 40), for example \"bulwark_\"");
    }
    this.prefix = prefix;
    this.grants = prefix + "refresh_grant";
    this.families = prefix + "refresh_family";
    this.denied = prefix + "denied_jti";

    String grantColumns = "g.token_hash, g.family_id, g.subject, g.roles, g.scopes, g.expires_at, g.family_expires_at";
    // LEFT JOIN: a grant whose family row is gone counts as revoked, as in the in-memory store.
    selectGrant = "SELECT " + grantColumns + ", g.spent, f.revoked FROM " + grants + " g LEFT JOIN " + families
        + " f ON f.family_id = g.family_id WHERE g.token_hash = ?";
    insertGrant = "INSERT INTO " + grants + " (token_hash, family_id, subject, roles, scopes, expires_at, "
        + "family_expires_at, spent) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)";
    // The one statement that makes spend atomic: of concurrent callers, on any number of instances, the row
    // lock lets exactly one see spent = FALSE; the family condition makes a revocation that committed first win.
    spendGrant = "UPDATE " + grants + " SET spent = TRUE WHERE token_hash = ? AND spent = FALSE AND EXISTS "
        + "(SELECT 1 FROM " + families + " f WHERE f.family_id = ? AND f.revoked = FALSE)";
    familyExists = "SELECT 1 FROM " + families + " WHERE family_id = ?";
    insertFamily = "INSERT INTO " + families + " (family_id, expires_at, revoked) VALUES (?, ?, FALSE)";
    revokeFamily = "UPDATE " + families + " SET revoked = TRUE WHERE family_id = ?";
    revokeActiveFamily = "UPDATE " + families + " SET revoked = TRUE WHERE family_id = ? AND revoked = FALSE";
    extendDenial = "UPDATE " + denied + " SET expires_at = CASE WHEN expires_at < ? THEN ? ELSE expires_at END "
        + "WHERE jti = ?";
    insertDenial = "INSERT INTO " + denied + " (jti, expires_at) VALUES (?, ?)";
    isDenied = "SELECT 1 FROM " + denied + " WHERE jti = ? AND expires_at > ?";
    purgeGrants = "DELETE FROM " + grants + " WHERE expires_at <= ? OR family_expires_at <= ?";
    purgeFamilies = "DELETE FROM " + families + " WHERE expires_at <= ?";
    purgeDenied = "DELETE FROM " + denied + " WHERE expires_at <= ?";
  }

  /** The DDL for the database {@code productName} names, prefix filled in, one statement per element. */
  List<String> schema(String productName) {
    String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
    String resource;
    if (name.contains("postgres")) {
      resource = "jdbc-token-store-postgresql.sql";
    } else if (name.equals("h2")) {
      resource = "jdbc-token-store-h2.sql";
    } else {
      throw new IllegalStateException("JdbcTokenStore.createSchema() knows PostgreSQL and H2, not '" + productName
          + "'; create the tables yourself from jdbc-token-store-postgresql.sql (see docs/auth-tokens.md)");
    }
    return statements(read(resource));
  }

  private String read(String resource) {
    try (InputStream in = JdbcSql.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bulwark-auth is missing its resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("could not read " + resource, e);
    }
  }

  private List<String> statements(String script) {
    StringBuilder code = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String statement : code.toString().split(";")) {
      if (!statement.isBlank()) {
        out.add(statement.strip().replace("${prefix}", prefix));
      }
    }
    return out;
  }
}
