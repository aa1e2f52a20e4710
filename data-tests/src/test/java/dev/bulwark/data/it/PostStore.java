package dev.bulwark.data.it;

import dev.bulwark.annotations.GeneratedKey;
import dev.bulwark.annotations.Repository;
import dev.bulwark.annotations.Sql;
import dev.bulwark.annotations.SqlText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Generated keys, batches, Optional and single rows, counts, and ORDER BY from enums. */
@Repository
public interface PostStore {
  enum Sort {
    @SqlText("p.title") TITLE,
    @SqlText("p.created_at") CREATED,
    @SqlText("p.id") ID
  }

  enum Direction { ASC, DESC }

  record NewPost(UUID ownerId, String title, Instant createdAt) {}

  record Post(long id, UUID ownerId, String title, Instant createdAt) {}

  @Sql("INSERT INTO posts (owner_id, title, created_at) VALUES (:p.ownerId, :p.title, :p.createdAt)")
  @GeneratedKey("id")
  long insert(NewPost p);

  @Sql("INSERT INTO posts (owner_id, title, created_at) VALUES (:posts.ownerId, :posts.title, :posts.createdAt)")
  int[] insertAll(List<NewPost> posts);

  @Sql("SELECT id, owner_id, title, created_at FROM posts WHERE id = :id")
  Optional<Post> find(long id);

  @Sql("SELECT id, owner_id, title, created_at FROM posts WHERE id = :id OR :id < 0")
  Post get(long id);

  @Sql("""
      SELECT p.id, p.owner_id, p.title, p.created_at FROM posts p
      WHERE p.owner_id = :owner ORDER BY ${sort} ${direction}, p.id""")
  List<Post> byOwner(UUID owner, Sort sort, Direction direction);

  @Sql("SELECT count(*) FROM posts")
  long count();

  @Sql("UPDATE posts SET title = :title WHERE id = :id")
  int rename(long id, String title);

  @Sql("DELETE FROM posts WHERE id = :id")
  int delete(long id);
}
