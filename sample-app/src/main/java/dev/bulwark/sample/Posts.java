package dev.bulwark.sample;

import dev.bulwark.auth.Principal;
import dev.bulwark.runtime.http.HttpProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The posts API implemented in memory: plain Java, no HTTP and no access checks (the generated routes do those). */
final class Posts implements PostsApi {
  private static final int MAX_LIMIT = 100;
  private static final int MAX_TITLE = 200;
  private static final int MAX_BODY = 20_000;
  private static final int MAX_QUERY = 100;

  private final Map<Long, PostView> posts = new ConcurrentSkipListMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Clock clock;

  Posts(Clock clock) {
    this.clock = clock;
  }

  Optional<String> ownerOf(long id) {
    return Optional.ofNullable(posts.get(id)).map(PostView::ownerId);
  }

  @Override
  public List<PostView> list(Optional<Integer> limit, Principal me) {
    int n = Math.max(0, Math.min(limit.orElse(20), MAX_LIMIT));
    return posts.values().stream().filter(p -> p.ownerId().equals(me.id())).limit(n).toList();
  }

  @Override
  public Optional<PostView> get(long id) {
    return Optional.ofNullable(posts.get(id));
  }

  @Override
  public List<PostView> search(String q) {
    if (q.length() > MAX_QUERY) {
      throw HttpProblem.badField("query.q", "is longer than " + MAX_QUERY + " characters");
    }
    String needle = q.toLowerCase(Locale.ROOT);
    List<PostView> found = new ArrayList<>();
    for (PostView post : posts.values()) {
      if (post.title().toLowerCase(Locale.ROOT).contains(needle) && found.size() < MAX_LIMIT) {
        found.add(post);
      }
    }
    return found;
  }

  @Override
  public PostView create(NewPost post, Principal me) {
    check(post);
    long id = ids.incrementAndGet();
    PostView view = new PostView(id, me.id(), post.title(), post.body(), clock.instant());
    posts.put(id, view);
    return view;
  }

  @Override
  public Optional<PostView> update(long id, NewPost post) {
    check(post);
    return Optional.ofNullable(posts.computeIfPresent(id,
        (key, old) -> new PostView(id, old.ownerId(), post.title(), post.body(), old.createdAt())));
  }

  @Override
  public void delete(long id) {
    posts.remove(id);
  }

  /** Bounds until the validation issue compiles constraints for the sample's bodies. */
  private static void check(NewPost post) {
    if (post.title() == null || post.title().isBlank() || post.title().length() > MAX_TITLE) {
      throw HttpProblem.badField("body.title", "is required and at most " + MAX_TITLE + " characters");
    }
    if (post.body() != null && post.body().length() > MAX_BODY) {
      throw HttpProblem.badField("body.body", "is at most " + MAX_BODY + " characters");
    }
  }
}
