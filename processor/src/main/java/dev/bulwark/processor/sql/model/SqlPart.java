package dev.bulwark.processor.sql.model;

import java.util.List;

/** A piece of the statement sent to the driver: fixed text, or an identifier chosen by an enum parameter. */
public sealed interface SqlPart {
  /** Text with every bind already a {@code ?}. */
  record Fixed(String sql) implements SqlPart {}

  /** A <code>${name}</code> placeholder: the enum parameter and the fixed SQL of each of its constants. */
  record Identifier(String parameter, List<Choice> choices) implements SqlPart {}

  /** One enum constant and the SQL text it stands for, checked at compile time. */
  record Choice(String constant, String sql) {}
}
