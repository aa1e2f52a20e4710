package dev.bulwark.sample;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The posts API implemented in memory: plain Java, no HTTP in sight. */
final class Posts implements PostsApi {
  private static final int MAX_LIMIT = 100;

  private final Map<Long, PostView> posts = new ConcurrentSkipListMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Clock clock;

  Posts(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<PostView> list(Optional<Integer> limit) {
    int n = Math.max(0, Math.min(limit.orElse(20), MAX_LIMIT));
    return posts.values().stream().limit(n).toList();
  }

  @Override
  public Optional<PostView> get(long id) {
    return Optional.ofNullable(posts.get(id));
  }

  @Override
  public List<PostView> search(String q) {
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
  public PostView create(NewPost post) {
    long id = ids.incrementAndGet();
    PostView view = new PostView(id, post.title(), post.body(), clock.instant());
    posts.put(id, view);
    return view;
  }

  @Override
  public Optional<PostView> update(long id, NewPost post) {
    return Optional.ofNullable(posts.computeIfPresent(id,
        (key, old) -> new PostView(id, post.title(), post.body(), old.createdAt())));
  }

  @Override
  public void delete(long id) {
    posts.remove(id);
  }
}
