package dev.bulwark.data.it;

import dev.bulwark.annotations.Encrypted;
import dev.bulwark.annotations.Repository;
import dev.bulwark.annotations.Sql;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An e-mail address encrypted at rest, bound to its row by the user's id. */
@Repository
public interface UserStore {
  record User(UUID id, @Encrypted(table = "users", rowKey = "id") String email, String name) {}

  @Sql("INSERT INTO users (id, email, name) VALUES (:u.id, :u.email, :u.name)")
  void insert(User u);

  @Sql("UPDATE users SET email = :u.email, name = :u.name WHERE id = :u.id")
  int update(User u);

  @Sql("SELECT id, email, name FROM users WHERE id = :id")
  Optional<User> find(UUID id);

  @Sql("UPDATE users SET email_index = :index WHERE id = :id")
  int setEmailIndex(UUID id, byte[] index);

  @Sql("SELECT id, email, name FROM users WHERE email_index = :index")
  Optional<User> byEmailIndex(byte[] index);

  @Sql("SELECT id, email, name FROM users ORDER BY name")
  List<User> all();
}
