package dev.bulwark.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The account store, in memory for now: by id and by normalized e-mail address. */
final class Accounts {
  private final Map<String, Account> byId = new ConcurrentHashMap<>();
  private final Map<String, String> idByEmail = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** Adds an account; empty when the e-mail address is taken. */
  synchronized Optional<Account> add(String email, String name, String passwordHash, java.util.Set<Role> roles) {
    String key = normalize(email);
    if (idByEmail.containsKey(key)) {
      return Optional.empty();
    }
    Account account = new Account("u" + ids.incrementAndGet(), email, name, passwordHash, java.util.Set.copyOf(roles));
    byId.put(account.id(), account);
    idByEmail.put(key, account.id());
    return Optional.of(account);
  }

  Optional<Account> byEmail(String email) {
    String id = idByEmail.get(normalize(email));
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  Optional<Account> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  void replaceHash(String id, String passwordHash) {
    byId.computeIfPresent(id, (k, a) -> new Account(a.id(), a.email(), a.name(), passwordHash, a.roles()));
  }

  List<Account> all() {
    List<Account> all = new ArrayList<>(byId.values());
    all.sort(java.util.Comparator.comparing(Account::id));
    return all;
  }

  static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
