package dev.bulwark.sample;

import dev.bulwark.auth.Principal;
import dev.bulwark.data.ForeignKeyViolation;
import dev.bulwark.data.Transactions;
import dev.bulwark.runtime.http.HttpProblem;
import dev.bulwark.sample.CommentStore.CommentRow;
import dev.bulwark.sample.CommentStore.NewCommentRow;
import dev.bulwark.sample.PostStore.NewPostRow;
import dev.bulwark.sample.PostStore.PostRow;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The posts API over {@link PostStore} and {@link CommentStore}: plain Java, no HTTP and no access checks (the
 * generated routes do those).
 */
final class Posts implements PostsApi {
  private static final int MAX_LIMIT = 100;

  private final DataSource dataSource;
  private final PostStore posts;
  private final CommentStore comments;
  private final Clock clock;

  Posts(DataSource dataSource, PostStore posts, CommentStore comments, Clock clock) {
    this.dataSource = dataSource;
    this.posts = posts;
    this.comments = comments;
    this.clock = clock;
  }

  Optional<String> ownerOf(long id) {
    return posts.ownerOf(id).map(Accounts::publicId);
  }

  @Override
  public List<PostView> list(Optional<Integer> limit, Principal me) {
    int n = Math.max(0, Math.min(limit.orElse(20), MAX_LIMIT));
    return posts.byOwner(caller(me), n).stream().map(Posts::view).toList();
  }

  @Override
  public Optional<PostView> get(long id) {
    return posts.find(id).map(Posts::view);
  }

  @Override
  public List<PostTitle> search(String q) {
    // The needle is a value, never SQL; only LIKE's own wildcards in it need escaping to match literally.
    String needle = q.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return posts.search("%" + needle + "%", MAX_LIMIT).stream().map(row -> new PostTitle(row.id(), row.title())).toList();
  }

  @Override
  public PostView create(NewPost post, Principal me) {
    NewPostRow row = new NewPostRow(caller(me), post.title(), post.body(), now());
    long id = posts.insert(row);
    return new PostView(id, me.id(), row.title(), row.body(), row.createdAt());
  }

  @Override
  public Optional<PostView> update(long id, NewPost post) {
    return Transactions.inTransaction(dataSource, () -> posts.update(id, post.title(), post.body()) == 0
        ? Optional.<PostView>empty() : posts.find(id).map(Posts::view));
  }

  @Override
  public void delete(long id) {
    Transactions.inTransaction(dataSource, () -> {
      comments.deleteByPost(id);
      posts.delete(id);
    });
  }

  @Override
  public List<CommentView> comments(long id) {
    requirePost(id);
    return comments.byPost(id).stream().map(Posts::view).toList();
  }

  @Override
  public CommentView comment(long id, NewComment comment, Principal me) {
    requirePost(id);
    NewCommentRow row = new NewCommentRow(id, caller(me), comment.content(), now());
    long commentId;
    try {
      commentId = comments.insert(row);
    } catch (ForeignKeyViolation e) {
      throw HttpProblem.of(404, "no post " + id); // deleted between the check and the insert
    }
    return new CommentView(commentId, id, me.id(), row.content(), row.createdAt());
  }

  private void requirePost(long id) {
    if (posts.ownerOf(id).isEmpty()) {
      throw HttpProblem.of(404, "no post " + id);
    }
  }

  /** Microseconds: what both databases keep, so a value reads back as it was returned. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static long caller(Principal me) {
    return Accounts.number(me.id()).orElseThrow(() -> HttpProblem.of(401, "account no longer exists"));
  }

  private static PostView view(PostRow row) {
    return new PostView(row.id(), Accounts.publicId(row.ownerId()), row.title(), row.body(), row.createdAt());
  }

  private static CommentView view(CommentRow row) {
    return new CommentView(row.id(), row.postId(), Accounts.publicId(row.authorId()), row.content(), row.createdAt());
  }
}
