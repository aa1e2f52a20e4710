package dev.bulwark.data;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Typed binds for values that may be null: each one calls the typed setter, or {@code setNull} with the matching
 * SQL type. Generated code binds primitives with the statement's own setters and everything else through these.
 * java.time values go through {@code setObject} with their JDBC 4.2 type; an {@link Instant} is bound as a UTC
 * {@code TIMESTAMP WITH TIME ZONE}, an enum by its constant name.
 */
public final class Binds {
  private Binds() {}

  public static void setString(PreparedStatement s, int i, String v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.VARCHAR);
    } else {
      s.setString(i, v);
    }
  }

  public static void setShort(PreparedStatement s, int i, Short v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.SMALLINT);
    } else {
      s.setShort(i, v);
    }
  }

  public static void setInt(PreparedStatement s, int i, Integer v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.INTEGER);
    } else {
      s.setInt(i, v);
    }
  }

  public static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.BIGINT);
    } else {
      s.setLong(i, v);
    }
  }

  public static void setFloat(PreparedStatement s, int i, Float v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.REAL);
    } else {
      s.setFloat(i, v);
    }
  }

  public static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.DOUBLE);
    } else {
      s.setDouble(i, v);
    }
  }

  public static void setBoolean(PreparedStatement s, int i, Boolean v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.BOOLEAN);
    } else {
      s.setBoolean(i, v);
    }
  }

  public static void setBigDecimal(PreparedStatement s, int i, BigDecimal v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.NUMERIC);
    } else {
      s.setBigDecimal(i, v);
    }
  }

  /** A UUID through {@code setObject} without a type, which both H2 and PostgreSQL map to their uuid type. */
  public static void setUuid(PreparedStatement s, int i, UUID v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.OTHER);
    } else {
      s.setObject(i, v);
    }
  }

  public static void setInstant(PreparedStatement s, int i, Instant v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      s.setObject(i, v.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  public static void setOffsetDateTime(PreparedStatement s, int i, OffsetDateTime v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      s.setObject(i, v, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  public static void setLocalDate(PreparedStatement s, int i, LocalDate v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.DATE);
    } else {
      s.setObject(i, v, Types.DATE);
    }
  }

  public static void setLocalDateTime(PreparedStatement s, int i, LocalDateTime v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.TIMESTAMP);
    } else {
      s.setObject(i, v, Types.TIMESTAMP);
    }
  }

  /** An enum by its constant name, so renaming a constant is a visible migration, never a silent reordering. */
  public static void setEnum(PreparedStatement s, int i, Enum<?> v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.VARCHAR);
    } else {
      s.setString(i, v.name());
    }
  }

  public static void setBytes(PreparedStatement s, int i, byte[] v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.VARBINARY);
    } else {
      s.setBytes(i, v);
    }
  }
}
