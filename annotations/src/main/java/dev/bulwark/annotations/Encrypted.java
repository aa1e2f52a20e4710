package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a {@code String} or {@code byte[]} record component as AES-256-GCM ciphertext, bound to its table, column
 * and row, so a ciphertext copied to another row or column fails to decrypt.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Encrypted {
  /** The table the column belongs to, part of the associated data. */
  String table();

  /** The component of the same record that identifies the row (its value is part of the associated data). */
  String rowKey();
}
