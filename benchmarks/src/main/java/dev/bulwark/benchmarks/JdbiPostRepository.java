package dev.bulwark.benchmarks;

import dev.bulwark.benchmarks.PostRepository.Post;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The same two queries as a JDBI SqlObject, for comparison. */
@RegisterConstructorMapper(Post.class)
public interface JdbiPostRepository {
  @SqlQuery("SELECT id, owner_id, title, body, created_at FROM posts WHERE id = :id")
  Optional<Post> find(@Bind("id") long id);

  @SqlQuery("SELECT id, owner_id, title, body, created_at FROM posts WHERE owner_id = :owner ORDER BY id")
  List<Post> byOwner(@Bind("owner") long owner);
}
