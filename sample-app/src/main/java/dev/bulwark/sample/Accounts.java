package dev.bulwark.sample;

import dev.bulwark.data.BlindIndex;
import dev.bulwark.data.Transactions;
import dev.bulwark.data.UniqueViolation;
import dev.bulwark.sample.UserStore.NewUser;
import dev.bulwark.sample.UserStore.RoleRow;
import dev.bulwark.sample.UserStore.UserRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The account store, in SQL through {@link UserStore}. The e-mail address is stored encrypted; it is looked up, and
 * kept unique, by the blind index of its normalized form. Public ids are {@code u<n>}, n the row's identity.
 */
final class Accounts {
  private static final String TABLE = "users";
  private static final String EMAIL = "email";

  private final DataSource dataSource;
  private final UserStore users;
  private final BlindIndex emailIndex;
  private final Clock clock;

  Accounts(DataSource dataSource, UserStore users, BlindIndex emailIndex, Clock clock) {
    this.dataSource = dataSource;
    this.users = users;
    this.emailIndex = emailIndex;
    this.clock = clock;
  }

  /** Adds an account; empty when the e-mail address is taken (the unique blind index said so, atomically). */
  Optional<Account> add(String email, String name, String passwordHash, Set<Role> roles) {
    NewUser user = new NewUser(UUID.randomUUID(), email, index(email), name, passwordHash, clock.instant());
    long id;
    try {
      id = Transactions.inTransaction(dataSource, () -> {
        long created = users.insert(user);
        users.addRoles(roles.stream().sorted().map(role -> new RoleRow(created, role)).toList());
        return created;
      });
    } catch (UniqueViolation e) {
      return Optional.empty();
    }
    return Optional.of(new Account(publicId(id), email, name, passwordHash, Set.copyOf(roles)));
  }

  Optional<Account> byEmail(String email) {
    return users.byEmailIndex(index(email)).map(row -> account(row, users.roles(row.id())));
  }

  Optional<Account> byId(String id) {
    return number(id).flatMap(users::byId).map(row -> account(row, users.roles(row.id())));
  }

  void replaceHash(String id, String passwordHash) {
    number(id).ifPresent(n -> users.replaceHash(n, passwordHash));
  }

  List<Account> all() {
    Map<Long, List<RoleRow>> roles = new HashMap<>();
    for (RoleRow role : users.allRoles()) {
      roles.computeIfAbsent(role.userId(), k -> new ArrayList<>()).add(role);
    }
    return users.all().stream().map(row -> account(row, roles.getOrDefault(row.id(), List.of()))).toList();
  }

  static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  static String publicId(long number) {
    return "u" + number;
  }

  /** The row id behind a public id; empty for anything that is not one of ours. */
  static Optional<Long> number(String publicId) {
    if (publicId == null || publicId.length() < 2 || publicId.length() > 20 || publicId.charAt(0) != 'u') {
      return Optional.empty();
    }
    for (int i = 1; i < publicId.length(); i++) {
      if (publicId.charAt(i) < '0' || publicId.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(Long.parseLong(publicId, 1, publicId.length(), 10));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private byte[] index(String email) {
    return emailIndex.index(TABLE, EMAIL, normalize(email));
  }

  private static Account account(UserRow row, List<RoleRow> roles) {
    Set<Role> set = EnumSet.noneOf(Role.class);
    roles.forEach(role -> set.add(role.role()));
    return new Account(publicId(row.id()), row.email(), row.name(), row.passwordHash(), Set.copyOf(set));
  }
}
