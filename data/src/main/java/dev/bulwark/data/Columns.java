package dev.bulwark.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

/**
 * Typed column reads for generated row mappers: the boxed ones return {@code null} for SQL NULL; the
 * {@code required} ones refuse a NULL instead of turning it into 0 or false. Mappers look the labels up once per
 * result set ({@link #indexes}) and read by index, so a missing column fails before the first row is read.
 */
public final class Columns {
  private Columns() {}

  /** The index of each label in the result set (case-insensitive, as JDBC specifies). */
  public static int[] indexes(ResultSet r, String[] labels) throws SQLException {
    int[] indexes = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      indexes[i] = r.findColumn(labels[i]);
    }
    return indexes;
  }

  public static short requiredShort(ResultSet r, int column) throws SQLException {
    short v = r.getShort(column);
    if (v == 0 && r.wasNull()) {
      throw nullInto(column, "short");
    }
    return v;
  }

  public static int requiredInt(ResultSet r, int column) throws SQLException {
    int v = r.getInt(column);
    if (v == 0 && r.wasNull()) {
      throw nullInto(column, "int");
    }
    return v;
  }

  public static long requiredLong(ResultSet r, int column) throws SQLException {
    long v = r.getLong(column);
    if (v == 0 && r.wasNull()) {
      throw nullInto(column, "long");
    }
    return v;
  }

  public static float requiredFloat(ResultSet r, int column) throws SQLException {
    float v = r.getFloat(column);
    if (v == 0 && r.wasNull()) {
      throw nullInto(column, "float");
    }
    return v;
  }

  public static double requiredDouble(ResultSet r, int column) throws SQLException {
    double v = r.getDouble(column);
    if (v == 0 && r.wasNull()) {
      throw nullInto(column, "double");
    }
    return v;
  }

  public static boolean requiredBoolean(ResultSet r, int column) throws SQLException {
    boolean v = r.getBoolean(column);
    if (!v && r.wasNull()) {
      throw nullInto(column, "boolean");
    }
    return v;
  }

  public static Short getShort(ResultSet r, int column) throws SQLException {
    short v = r.getShort(column);
    return v == 0 && r.wasNull() ? null : v;
  }

  public static Integer getInt(ResultSet r, int column) throws SQLException {
    int v = r.getInt(column);
    return v == 0 && r.wasNull() ? null : v;
  }

  public static Long getLong(ResultSet r, int column) throws SQLException {
    long v = r.getLong(column);
    return v == 0 && r.wasNull() ? null : v;
  }

  public static Float getFloat(ResultSet r, int column) throws SQLException {
    float v = r.getFloat(column);
    return v == 0 && r.wasNull() ? null : v;
  }

  public static Double getDouble(ResultSet r, int column) throws SQLException {
    double v = r.getDouble(column);
    return v == 0 && r.wasNull() ? null : v;
  }

  public static Boolean getBoolean(ResultSet r, int column) throws SQLException {
    boolean v = r.getBoolean(column);
    return !v && r.wasNull() ? null : v;
  }

  public static UUID getUuid(ResultSet r, int column) throws SQLException {
    return r.getObject(column, UUID.class);
  }

  /** A {@code TIMESTAMP WITH TIME ZONE} as an instant. */
  public static Instant getInstant(ResultSet r, int column) throws SQLException {
    OffsetDateTime v = r.getObject(column, OffsetDateTime.class);
    return v == null ? null : v.toInstant();
  }

  /** A {@code TIMESTAMP WITH TIME ZONE}; PostgreSQL stores the instant only, so it comes back at offset UTC. */
  public static OffsetDateTime getOffsetDateTime(ResultSet r, int column) throws SQLException {
    return r.getObject(column, OffsetDateTime.class);
  }

  public static LocalDate getLocalDate(ResultSet r, int column) throws SQLException {
    return r.getObject(column, LocalDate.class);
  }

  public static LocalDateTime getLocalDateTime(ResultSet r, int column) throws SQLException {
    return r.getObject(column, LocalDateTime.class);
  }

  /** An enum stored by constant name; {@code valueOf} is the enum's own static method, so there is no reflection. */
  public static <E extends Enum<E>> E getEnum(ResultSet r, int column, Function<String, E> valueOf)
      throws SQLException {
    String name = r.getString(column);
    if (name == null) {
      return null;
    }
    try {
      return valueOf.apply(name);
    } catch (IllegalArgumentException e) {
      throw new SQLException("column " + column + " holds a name that is no constant of the enum", e);
    }
  }

  private static SQLException nullInto(int column, String type) {
    return new SQLException("column " + column + " is NULL but is read into a " + type
        + "; declare the component with its box type to allow NULL");
  }
}
