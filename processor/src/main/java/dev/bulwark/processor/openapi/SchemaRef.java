package dev.bulwark.processor.openapi;

/** A reference to the component schema of a record, by its qualified name; named when the document is written. */
public record SchemaRef(String qualifiedName) {}
