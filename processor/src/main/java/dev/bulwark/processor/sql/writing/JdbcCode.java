package dev.bulwark.processor.sql.writing;

import static dev.bulwark.processor.sql.writing.DataTypes.BINDS;
import static dev.bulwark.processor.sql.writing.DataTypes.COLUMNS;

import com.palantir.javapoet.CodeBlock;
import dev.bulwark.processor.sql.model.Encryption;
import dev.bulwark.processor.sql.model.JdbcType;
import dev.bulwark.processor.sql.model.ValueType;

/** The code that binds one value to a {@code ?} and the code that reads one column: typed calls only. */
final class JdbcCode {
  private JdbcCode() {}

  /** {@code statement.setLong(1, id);} or {@code Binds.setString(statement, 2, post.title());}. */
  static CodeBlock bind(String statement, int index, ValueType type, CodeBlock value, Encryption encryption,
      CodeBlock rowKey) {
    if (encryption != null) {
      CodeBlock ciphertext = CodeBlock.of("this.cipher.$L($L, $S, $S, $L)",
          encryption.text() ? "encryptString" : "encrypt", value, encryption.table(), encryption.column(), rowKey);
      return CodeBlock.of("$T.setBytes($L, $L, $L);\n", BINDS, statement, index, ciphertext);
    }
    if (type.primitive()) {
      return CodeBlock.of("$L.$L($L, $L);\n", statement, type.jdbc().primitiveSetter(), index, value);
    }
    return CodeBlock.of("$T.$L($L, $L, $L);\n", BINDS, type.jdbc().bindsSetter(), statement, index, value);
  }

  /** The expression that reads column {@code column} (an index expression) of {@code rows} as {@code type}. */
  static CodeBlock read(String rows, CodeBlock column, ValueType type) {
    JdbcType jdbc = type.jdbc();
    if (type.primitive()) {
      return CodeBlock.of("$T.$L($L, $L)", COLUMNS, jdbc.requiredReader(), rows, column);
    }
    switch (jdbc) {
      case STRING:
        return CodeBlock.of("$L.getString($L)", rows, column);
      case BIG_DECIMAL:
        return CodeBlock.of("$L.getBigDecimal($L)", rows, column);
      case BYTES:
        return CodeBlock.of("$L.getBytes($L)", rows, column);
      case ENUM:
        return CodeBlock.of("$T.getEnum($L, $L, $T::valueOf)", COLUMNS, rows, column, type.type());
      default:
        return CodeBlock.of("$T.$L($L, $L)", COLUMNS, jdbc.nullableReader(), rows, column);
    }
  }

  /** The expression that reads and decrypts an encrypted column. */
  static CodeBlock decrypt(String rows, CodeBlock column, Encryption encryption, CodeBlock rowKey) {
    return CodeBlock.of("this.cipher.$L($L.getBytes($L), $S, $S, $L)", encryption.text() ? "decryptString" : "decrypt",
        rows, column, encryption.table(), encryption.column(), rowKey);
  }
}
