package dev.bulwark.data.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.data.Transactions;
import dev.bulwark.data.UniqueViolation;
import dev.bulwark.data.it.PostStore.NewPost;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Repositories called inside a block join its transaction; any exception rolls all of it back. */
class TransactionTest extends DatabaseTest {
  private static final UUID OWNER = UUID.randomUUID();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @ParameterizedTest
  @EnumSource(Db.class)
  void commitsTogether(Db db) {
    Database database = database(db);
    PostStore posts = new PostStore_Jdbc(database.dataSource);
    NoteStore notes = new NoteStore_Jdbc(database.dataSource);
    long id = Transactions.inTransaction(database.dataSource, () -> {
      long post = posts.insert(new NewPost(OWNER, "a", T0));
      notes.insert("post " + post + " created");
      assertEquals(1, posts.count(), "the transaction sees its own uncommitted row");
      return post;
    });
    assertTrue(posts.find(id).isPresent());
    assertEquals(1, notes.count());
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void rollsBackEverythingOnAnyException(Db db) {
    Database database = database(db);
    PostStore posts = new PostStore_Jdbc(database.dataSource);
    NoteStore notes = new NoteStore_Jdbc(database.dataSource);
    assertThrows(IllegalStateException.class, () -> Transactions.inTransaction(database.dataSource, () -> {
      posts.insert(new NewPost(OWNER, "a", T0));
      notes.insert("written, then rolled back");
      throw new IllegalStateException("application failure");
    }));
    assertThrows(UniqueViolation.class, () -> Transactions.inTransaction(database.dataSource, () -> {
      posts.insertAll(List.of(new NewPost(OWNER, "b", T0)));
      posts.insert(new NewPost(OWNER, "b", T0));
    }));
    assertEquals(0, posts.count());
    assertEquals(0, notes.count());
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void nestedBlocksJoinAndOtherConnectionsSeeNothingUntilCommit(Db db) throws Exception {
    Database database = database(db);
    PostStore posts = new PostStore_Jdbc(database.dataSource);
    Transactions.inTransaction(database.dataSource, () -> {
      Transactions.inTransaction(database.dataSource, () -> {
        posts.insert(new NewPost(OWNER, "inner", T0));
      });
      long seenElsewhere = CompletableFuture.supplyAsync(posts::count).join();
      assertEquals(0, seenElsewhere, "another thread's connection must not see uncommitted rows");
      assertEquals(1, posts.count());
    });
    assertEquals(1, posts.count());
  }
}
