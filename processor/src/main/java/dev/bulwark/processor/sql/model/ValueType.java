package dev.bulwark.processor.sql.model;

import com.palantir.javapoet.TypeName;

/** A bound or read value: its JDBC mapping, its Java type, and whether it is a primitive (never NULL). */
public record ValueType(JdbcType jdbc, TypeName type, boolean primitive) {}
