package dev.bulwark.benchmarks;

import dev.bulwark.benchmarks.PostRepository.Post;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The same two queries written by hand with JDBC, the way a careful developer would: the baseline. */
final class HandWrittenPostRepository implements PostRepository {
  private final DataSource dataSource;

  HandWrittenPostRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<Post> find(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id, owner_id, title, body, created_at FROM posts WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(map(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** As {@link #find}, and refusing a second row as the generated code does: what that check costs. */
  Optional<Post> findChecked(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id, owner_id, title, body, created_at FROM posts WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        Post post = map(r);
        if (r.next()) {
          throw new IllegalStateException("more than one row");
        }
        return Optional.of(post);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Post> byOwner(long owner) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT id, owner_id, title, body, created_at FROM posts WHERE owner_id = ? ORDER BY id")) {
      s.setLong(1, owner);
      try (ResultSet r = s.executeQuery()) {
        List<Post> posts = new ArrayList<>();
        while (r.next()) {
          posts.add(map(r));
        }
        return posts;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Post map(ResultSet r) throws SQLException {
    return new Post(r.getLong("id"), r.getLong("owner_id"), r.getString("title"), r.getString("body"),
        r.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
