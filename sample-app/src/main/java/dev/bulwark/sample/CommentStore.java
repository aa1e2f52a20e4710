package dev.bulwark.sample;

import dev.bulwark.annotations.GeneratedKey;
import dev.bulwark.annotations.Repository;
import dev.bulwark.annotations.Sql;
import java.time.Instant;
import java.util.List;

/** Comments on posts in SQL; the author is the user's numeric id. */
@Repository
interface CommentStore {
  /** A comment to insert. */
  record NewCommentRow(long postId, long authorId, String content, Instant createdAt) {}

  /** A stored comment. */
  record CommentRow(long id, long postId, long authorId, String content, Instant createdAt) {}

  @Sql("INSERT INTO comments (post_id, author_id, content, created_at)"
      + " VALUES (:c.postId, :c.authorId, :c.content, :c.createdAt)")
  @GeneratedKey("id")
  long insert(NewCommentRow c);

  @Sql("SELECT id, post_id, author_id, content, created_at FROM comments WHERE post_id = :postId ORDER BY id")
  List<CommentRow> byPost(long postId);

  @Sql("DELETE FROM comments WHERE post_id = :postId")
  int deleteByPost(long postId);
}
