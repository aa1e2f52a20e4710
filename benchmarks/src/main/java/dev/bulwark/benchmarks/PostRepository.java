package dev.bulwark.benchmarks;

import dev.bulwark.annotations.Repository;
import dev.bulwark.annotations.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The repository under test: one row by key, and a short list. */
@Repository
public interface PostRepository {
  /** A post as the benchmarks read it. */
  record Post(long id, long ownerId, String title, String body, Instant createdAt) {}

  @Sql("SELECT id, owner_id, title, body, created_at FROM posts WHERE id = :id")
  Optional<Post> find(long id);

  @Sql("SELECT id, owner_id, title, body, created_at FROM posts WHERE owner_id = :owner ORDER BY id")
  List<Post> byOwner(long owner);
}
