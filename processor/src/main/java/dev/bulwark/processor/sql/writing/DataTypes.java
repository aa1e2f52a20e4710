package dev.bulwark.processor.sql.writing;

import com.palantir.javapoet.ClassName;

/** The types generated repositories refer to, by name: the processor never links to the data module. */
final class DataTypes {
  static final String DATA = "dev.bulwark.data";
  static final ClassName BINDS = ClassName.get(DATA, "Binds");
  static final ClassName COLUMNS = ClassName.get(DATA, "Columns");
  static final ClassName TRANSACTIONS = ClassName.get(DATA, "Transactions");
  static final ClassName LEASE = ClassName.get(DATA, "Lease");
  static final ClassName DATA_ACCESS_EXCEPTION = ClassName.get(DATA, "DataAccessException");
  static final ClassName UNEXPECTED_ROW_COUNT = ClassName.get(DATA, "UnexpectedRowCount");
  static final ClassName COLUMN_CIPHER = ClassName.get(DATA, "ColumnCipher");
  static final ClassName DATA_SOURCE = ClassName.get("javax.sql", "DataSource");
  static final ClassName PREPARED_STATEMENT = ClassName.get("java.sql", "PreparedStatement");
  static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
  static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private DataTypes() {}
}
