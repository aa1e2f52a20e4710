package dev.bulwark.data.it;

import dev.bulwark.annotations.GeneratedKey;
import dev.bulwark.annotations.Repository;
import dev.bulwark.annotations.Sql;
import java.util.List;

/** Free text in and out, for the injection corpus. */
@Repository
public interface NoteStore {
  @Sql("INSERT INTO notes (body) VALUES (:body)")
  @GeneratedKey("id")
  long insert(String body);

  @Sql("SELECT body FROM notes WHERE id = :id")
  String body(long id);

  @Sql("SELECT id FROM notes WHERE body = :body ORDER BY id")
  List<Long> idsWithBody(String body);

  @Sql("SELECT count(*) FROM notes")
  long count();
}
