package dev.bulwark.data.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.data.DataAccessException;
import dev.bulwark.data.it.TypesStore.AllTypes;
import dev.bulwark.data.it.TypesStore.Color;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every supported type bound and read back exactly, and SQL NULL in every nullable place, on H2 and PostgreSQL. */
class TypeMappingTest extends DatabaseTest {
  private static final Instant AT = Instant.parse("2026-03-04T05:06:07.123456Z");
  private static final LocalDateTime LOCAL = LocalDateTime.parse("1999-12-31T23:59:59.999999");
  private static final OffsetDateTime ZONED = OffsetDateTime.parse("2026-06-01T10:00:00.5+02:00");

  private static AllTypes full(long id) {
    byte[] payload = new byte[256];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) i;
    }
    return new AllTypes(id, "Grüße, 世界 'quoted' \"double\" \\ %_", Short.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE,
        Long.MAX_VALUE, 1.5f, -2.25e100, true, false, new BigDecimal("12345678901234567890.0123456789"),
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), AT, LocalDate.of(1970, 1, 1), LOCAL, ZONED,
        Color.GREEN, payload);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void everyTypeRoundTrips(Db db) {
    TypesStore store = new TypesStore_Jdbc(database(db).dataSource);
    AllTypes in = full(1);
    assertEquals(1, store.insert(in));
    AllTypes out = store.find(1).orElseThrow();
    assertEquals(in.id(), out.id());
    assertEquals(in.name(), out.name());
    assertEquals(in.small(), out.small());
    assertEquals(in.count32(), out.count32());
    assertEquals(in.big(), out.big());
    assertEquals(in.bigBoxed(), out.bigBoxed());
    assertEquals(in.ratio(), out.ratio());
    assertEquals(in.weight(), out.weight());
    assertEquals(in.active(), out.active());
    assertEquals(in.verified(), out.verified());
    assertEquals(0, in.amount().compareTo(out.amount()), out.amount().toString());
    assertEquals(in.token(), out.token());
    assertEquals(in.happenedAt(), out.happenedAt());
    assertEquals(in.birthDay(), out.birthDay());
    assertEquals(in.localStamp(), out.localStamp());
    assertTrue(in.zonedStamp().isEqual(out.zonedStamp()), "same instant: " + out.zonedStamp());
    assertEquals(in.color(), out.color());
    assertArrayEquals(in.payload(), out.payload());
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void scalarsOfEveryKind(Db db) {
    TypesStore store = new TypesStore_Jdbc(database(db).dataSource);
    AllTypes in = full(1);
    store.insert(in);
    store.insert(nulls(2));
    assertEquals(in.name(), store.name(1).orElseThrow());
    assertTrue(store.name(2).isEmpty(), "a NULL scalar in an Optional is empty");
    assertTrue(store.name(3).isEmpty(), "no row is empty");
    assertEquals(in.token(), store.token(1));
    assertNull(store.token(2));
    assertEquals(AT, store.happenedAt(1));
    assertEquals(Color.GREEN, store.color(1));
    assertNull(store.color(2));
    assertArrayEquals(in.payload(), store.payload(1));
    assertTrue(store.active(1));
    assertEquals(Arrays.asList(Integer.MAX_VALUE, null), store.counts());
    assertEquals(1, store.countBy(in.amount(), in.birthDay(), Color.GREEN));
    assertEquals(0, store.countBy(in.amount(), in.birthDay(), Color.RED));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void nullsAreBoundAndReadAsNull(Db db) {
    TypesStore store = new TypesStore_Jdbc(database(db).dataSource);
    store.insert(nulls(1));
    AllTypes out = store.find(1).orElseThrow();
    for (Object value : Arrays.asList(out.count32(), out.bigBoxed(), out.weight(), out.verified())) {
      assertNull(value);
    }
    assertNull(out.name());
    assertNull(out.amount());
    assertNull(out.token());
    assertNull(out.happenedAt());
    assertNull(out.birthDay());
    assertNull(out.localStamp());
    assertNull(out.zonedStamp());
    assertNull(out.color());
    assertNull(out.payload());

    store.insert(full(2));
    assertEquals(1, store.update(2, null, null, null, null, null, null, null, null, null, null, null, null, null),
        "every nullable parameter binds NULL with its own SQL type");
    AllTypes cleared = store.find(2).orElseThrow();
    assertNull(cleared.name());
    assertNull(cleared.token());
    assertNull(cleared.payload());
    assertNull(cleared.color());
    assertNull(cleared.amount());
    assertNull(cleared.verified());
    assertNull(cleared.bigBoxed());
    assertEquals(Long.MIN_VALUE, cleared.big(), "untouched columns keep their values");

    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    assertEquals(1, store.update(2, "n", 7, UUID.randomUUID(), now, LocalDate.of(2000, 2, 29), LOCAL,
        now.atOffset(ZoneOffset.ofHours(-5)), Color.RED, new byte[] {0}, BigDecimal.TEN, true, 0.0, 0L));
    AllTypes set = store.find(2).orElseThrow();
    assertEquals(now, set.happenedAt());
    assertEquals(Long.valueOf(0), set.bigBoxed(), "0 is not NULL");
    assertEquals(Double.valueOf(0.0), set.weight());
    assertEquals(Boolean.TRUE, set.verified());
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void aNullIntoAPrimitiveIsAnErrorNotZero(Db db) {
    TypesStore store = new TypesStore_Jdbc(database(db).dataSource);
    store.insert(nulls(1));
    DataAccessException e = assertThrows(DataAccessException.class, () -> store.primitives(1));
    assertEquals("TypesStore.primitives failed: database error", e.getMessage());
    assertFalse(e.getMessage().contains("SELECT"));
  }

  private static AllTypes nulls(long id) {
    return new AllTypes(id, null, (short) 0, null, 0, null, 0f, null, false, null, null, null, null, null, null, null,
        null, null);
  }
}
