package dev.bulwark.data.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.data.DataAccessException;
import dev.bulwark.data.UniqueViolation;
import dev.bulwark.data.UnexpectedRowCount;
import dev.bulwark.data.it.PostStore.Direction;
import dev.bulwark.data.it.PostStore.NewPost;
import dev.bulwark.data.it.PostStore.Post;
import dev.bulwark.data.it.PostStore.Sort;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Generated keys, batches, single and optional rows, update counts, enum ORDER BY and SQLState mapping. */
class PostStoreTest extends DatabaseTest {
  private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @ParameterizedTest
  @EnumSource(Db.class)
  void generatedKeysAreReturned(Db db) {
    PostStore posts = new PostStore_Jdbc(database(db).dataSource);
    long first = posts.insert(new NewPost(OWNER, "a", T0));
    long second = posts.insert(new NewPost(OWNER, "b", T0));
    assertTrue(second > first);
    assertEquals(new Post(first, OWNER, "a", T0), posts.find(first).orElseThrow());
    assertEquals("b", posts.get(second).title());
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void batchesInsertEveryRow(Db db) {
    PostStore posts = new PostStore_Jdbc(database(db).dataSource);
    int[] counts = posts.insertAll(List.of(new NewPost(OWNER, "x", T0), new NewPost(OWNER, "y", T0.plusSeconds(1)),
        new NewPost(OWNER, "z", T0.plusSeconds(2))));
    assertArrayEquals(new int[] {1, 1, 1}, counts);
    assertEquals(3, posts.count());
    assertArrayEquals(new int[0], posts.insertAll(List.of()));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void rowCountsAndEmptyResults(Db db) {
    PostStore posts = new PostStore_Jdbc(database(db).dataSource);
    long id = posts.insert(new NewPost(OWNER, "a", T0));
    assertTrue(posts.find(id + 1).isEmpty());
    UnexpectedRowCount none = assertThrows(UnexpectedRowCount.class, () -> posts.get(id + 1));
    assertEquals("PostStore.get failed: expected exactly one row, found no row", none.getMessage());
    posts.insert(new NewPost(OWNER, "b", T0));
    assertThrows(UnexpectedRowCount.class, () -> posts.get(-1), "two rows for a single-row method");
    assertEquals(1, posts.rename(id, "renamed"));
    assertEquals(0, posts.rename(id + 100, "nothing"));
    assertEquals("renamed", posts.get(id).title());
    assertEquals(1, posts.delete(id));
    assertEquals(0, posts.delete(id));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void orderByComesFromEnumsOnly(Db db) {
    PostStore posts = new PostStore_Jdbc(database(db).dataSource);
    posts.insertAll(List.of(new NewPost(OWNER, "b", T0.plusSeconds(2)), new NewPost(OWNER, "c", T0),
        new NewPost(OWNER, "a", T0.plusSeconds(1)), new NewPost(UUID.randomUUID(), "other", T0)));
    assertEquals(List.of("a", "b", "c"), titles(posts.byOwner(OWNER, Sort.TITLE, Direction.ASC)));
    assertEquals(List.of("c", "b", "a"), titles(posts.byOwner(OWNER, Sort.TITLE, Direction.DESC)));
    assertEquals(List.of("c", "a", "b"), titles(posts.byOwner(OWNER, Sort.CREATED, Direction.ASC)));
    assertEquals(List.of("b", "c", "a"), titles(posts.byOwner(OWNER, Sort.ID, Direction.ASC)));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void aUniqueViolationIsItsOwnExceptionWithoutSqlOrValues(Db db) {
    PostStore posts = new PostStore_Jdbc(database(db).dataSource);
    posts.insert(new NewPost(OWNER, "secret-title", T0));
    DataAccessException e = assertThrows(DataAccessException.class,
        () -> posts.insert(new NewPost(OWNER, "secret-title", T0)));
    assertInstanceOf(UniqueViolation.class, e);
    assertEquals("23505", e.sqlState());
    assertEquals("PostStore.insert failed: unique constraint violation (SQLState 23505)", e.getMessage());
    assertFalse(e.getMessage().contains("secret") || e.getMessage().contains("INSERT"));
    assertInstanceOf(SQLException.class, e.getCause(), "the driver's detail is kept for the log only");
    UniqueViolation batch = assertThrows(UniqueViolation.class,
        () -> posts.insertAll(List.of(new NewPost(OWNER, "fresh", T0), new NewPost(OWNER, "secret-title", T0))));
    assertEquals("23505", batch.sqlState());
  }

  private static List<String> titles(List<Post> posts) {
    return posts.stream().map(Post::title).toList();
  }
}
