package dev.bulwark.sample;

import dev.bulwark.annotations.GeneratedKey;
import dev.bulwark.annotations.Repository;
import dev.bulwark.annotations.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Posts in SQL; the owner is the user's numeric id. */
@Repository
interface PostStore {
  /** A post to insert. */
  record NewPostRow(long ownerId, String title, String body, Instant createdAt) {}

  /** A stored post. */
  record PostRow(long id, long ownerId, String title, String body, Instant createdAt) {}

  @Sql("INSERT INTO posts (owner_id, title, body, created_at) VALUES (:p.ownerId, :p.title, :p.body, :p.createdAt)")
  @GeneratedKey("id")
  long insert(NewPostRow p);

  @Sql("SELECT id, owner_id, title, body, created_at FROM posts WHERE id = :id")
  Optional<PostRow> find(long id);

  @Sql("SELECT owner_id FROM posts WHERE id = :id")
  Optional<Long> ownerOf(long id);

  @Sql("SELECT id, owner_id, title, body, created_at FROM posts WHERE owner_id = :owner ORDER BY id LIMIT :limit")
  List<PostRow> byOwner(long owner, int limit);

  /** {@code pattern} is a LIKE pattern whose own {@code %}, {@code _} and {@code !} are escaped with {@code !}. */
  @Sql("SELECT id, owner_id, title, body, created_at FROM posts WHERE LOWER(title) LIKE :pattern ESCAPE '!'"
      + " ORDER BY id LIMIT :limit")
  List<PostRow> search(String pattern, int limit);

  @Sql("UPDATE posts SET title = :title, body = :body WHERE id = :id")
  int update(long id, String title, String body);

  @Sql("DELETE FROM posts WHERE id = :id")
  int delete(long id);
}
