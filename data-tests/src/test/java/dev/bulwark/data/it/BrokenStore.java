package dev.bulwark.data.it;

import dev.bulwark.annotations.Repository;
import dev.bulwark.annotations.Sql;
import java.util.Optional;

/** A repository whose table is missing, so every call fails inside the driver. */
@Repository
public interface BrokenStore {
  @Sql("SELECT secret_column FROM missing_table_x WHERE id = :id")
  Optional<String> secret(long id);
}
