package dev.bulwark.data.it;

import dev.bulwark.annotations.Repository;
import dev.bulwark.annotations.Sql;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every supported type, as record components, parameters and scalar results. */
@Repository
public interface TypesStore {
  enum Color { RED, GREEN }

  record AllTypes(long id, String name, short small, Integer count32, long big, Long bigBoxed, float ratio,
      Double weight, boolean active, Boolean verified, BigDecimal amount, UUID token, Instant happenedAt,
      LocalDate birthDay, LocalDateTime localStamp, OffsetDateTime zonedStamp, Color color, byte[] payload) {}

  /** A row read into primitives only. */
  record Primitives(long id, long big) {}

  @Sql("""
      INSERT INTO all_types (id, name, small, count32, big, big_boxed, ratio, weight, active, verified, amount, token,
        happened_at, birth_day, local_stamp, zoned_stamp, color, payload)
      VALUES (:t.id, :t.name, :t.small, :t.count32, :t.big, :t.bigBoxed, :t.ratio, :t.weight, :t.active, :t.verified,
        :t.amount, :t.token, :t.happenedAt, :t.birthDay, :t.localStamp, :t.zonedStamp, :t.color, :t.payload)""")
  int insert(AllTypes t);

  @Sql("""
      SELECT id, name, small, count32, big, big_boxed, ratio, weight, active, verified, amount, token, happened_at,
        birth_day, local_stamp, zoned_stamp, color, payload
      FROM all_types WHERE id = :id""")
  Optional<AllTypes> find(long id);

  @Sql("""
      UPDATE all_types SET name = :name, count32 = :count, token = :token, happened_at = :at, birth_day = :day,
        local_stamp = :local, zoned_stamp = :zoned, color = :color, payload = :payload, amount = :amount,
        verified = :verified, weight = :weight, big_boxed = :bigBoxed
      WHERE id = :id""")
  int update(long id, String name, Integer count, UUID token, Instant at, LocalDate day, LocalDateTime local,
      OffsetDateTime zoned, Color color, byte[] payload, BigDecimal amount, Boolean verified, Double weight,
      Long bigBoxed);

  @Sql("SELECT name FROM all_types WHERE id = :id")
  Optional<String> name(long id);

  @Sql("SELECT token FROM all_types WHERE id = :id")
  UUID token(long id);

  @Sql("SELECT happened_at FROM all_types WHERE id = :id")
  Instant happenedAt(long id);

  @Sql("SELECT color FROM all_types WHERE id = :id")
  Color color(long id);

  @Sql("SELECT payload FROM all_types WHERE id = :id")
  byte[] payload(long id);

  @Sql("SELECT active FROM all_types WHERE id = :id")
  boolean active(long id);

  @Sql("SELECT count32 FROM all_types ORDER BY id")
  List<Integer> counts();

  @Sql("SELECT count(*) FROM all_types WHERE amount = :amount AND birth_day = :day AND color = :color")
  long countBy(BigDecimal amount, LocalDate day, Color color);

  @Sql("SELECT id, big_boxed AS big FROM all_types WHERE id = :id")
  Primitives primitives(long id);
}
