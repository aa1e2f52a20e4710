package dev.bulwark.data.it;

/** The databases every data test runs against: embedded H2 (the default) and a real PostgreSQL. */
enum Db {
  H2("VARBINARY(4096)"),
  POSTGRESQL("BYTEA");

  final String bytes;

  Db(String bytes) {
    this.bytes = bytes;
  }
}
