package dev.bulwark.processor.model;

/** Where a parameter's value comes from, with the prefix used in field paths of 400 responses. */
public enum ParamSource {
  PATH("path"),
  QUERY("query"),
  HEADER("header"),
  BODY("body"),
  CALLER("caller");

  private final String fieldPrefix;

  ParamSource(String fieldPrefix) {
    this.fieldPrefix = fieldPrefix;
  }

  /** {@code path}, {@code query}, {@code header} or {@code body}. */
  public String fieldPrefix() {
    return fieldPrefix;
  }
}
