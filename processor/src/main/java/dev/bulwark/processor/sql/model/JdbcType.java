package dev.bulwark.processor.sql.model;

/**
 * The Java types a repository can bind and read, with the calls that do it: the statement's own setter for a
 * primitive, otherwise a null-aware {@code Binds} helper; a {@code Columns} reader that refuses NULL for a
 * primitive, otherwise one that returns {@code null}.
 */
public enum JdbcType {
  STRING("setString", "setString", null, null),
  SHORT("setShort", "setShort", "requiredShort", "getShort"),
  INT("setInt", "setInt", "requiredInt", "getInt"),
  LONG("setLong", "setLong", "requiredLong", "getLong"),
  FLOAT("setFloat", "setFloat", "requiredFloat", "getFloat"),
  DOUBLE("setDouble", "setDouble", "requiredDouble", "getDouble"),
  BOOLEAN("setBoolean", "setBoolean", "requiredBoolean", "getBoolean"),
  BIG_DECIMAL(null, "setBigDecimal", null, null),
  UUID(null, "setUuid", null, "getUuid"),
  INSTANT(null, "setInstant", null, "getInstant"),
  LOCAL_DATE(null, "setLocalDate", null, "getLocalDate"),
  LOCAL_DATE_TIME(null, "setLocalDateTime", null, "getLocalDateTime"),
  OFFSET_DATE_TIME(null, "setOffsetDateTime", null, "getOffsetDateTime"),
  ENUM(null, "setEnum", null, "getEnum"),
  BYTES(null, "setBytes", null, null);

  private final String primitiveSetter;
  private final String bindsSetter;
  private final String requiredReader;
  private final String nullableReader;

  JdbcType(String primitiveSetter, String bindsSetter, String requiredReader, String nullableReader) {
    this.primitiveSetter = primitiveSetter;
    this.bindsSetter = bindsSetter;
    this.requiredReader = requiredReader;
    this.nullableReader = nullableReader;
  }

  /** The {@code PreparedStatement} setter for the primitive form, or {@code null}. */
  public String primitiveSetter() {
    return primitiveSetter;
  }

  /** The {@code Binds} method for the reference form. */
  public String bindsSetter() {
    return bindsSetter;
  }

  /** The {@code Columns} reader that refuses NULL for the primitive form. */
  public String requiredReader() {
    return requiredReader;
  }

  /**
   * The {@code Columns} reader for the reference form, or {@code null} when the {@code ResultSet} getter itself
   * returns null for NULL ({@code getString}, {@code getBigDecimal}, {@code getBytes}).
   */
  public String nullableReader() {
    return nullableReader;
  }
}
