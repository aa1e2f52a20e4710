package dev.bulwark.data.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every line of the PayloadsAllTheThings SQL injection lists (test resources under sqli/, with LICENSE and SOURCE)
 * passed as a parameter value: no error, no extra rows, and the value stored and read back exactly.
 */
class InjectionCorpusTest extends DatabaseTest {
  private static final List<String> FILES = List.of("sqli-auth-bypass.txt", "sqli-error-based.txt", "sqli-union-select.txt");

  @ParameterizedTest
  @EnumSource(Db.class)
  void everyPayloadIsJustAValue(Db db) throws IOException {
    NoteStore notes = new NoteStore_Jdbc(database(db).dataSource);
    long sentinel = notes.insert("sentinel");
    List<String> payloads = payloads();
    Map<String, List<Long>> stored = new HashMap<>();
    for (String payload : payloads) {
      List<Long> before = stored.getOrDefault(payload, List.of());
      assertEquals(before, notes.idsWithBody(payload), "a lookup by the payload finds only rows holding it: " + payload);
      long id = notes.insert(payload);
      assertEquals(payload, notes.body(id), "stored and read back exactly");
      List<Long> after = new ArrayList<>(before);
      after.add(id);
      stored.put(payload, after);
      assertEquals(after, notes.idsWithBody(payload));
    }
    assertEquals(payloads.size() + 1, notes.count(), "one row per payload, and the sentinel");
    assertEquals("sentinel", notes.body(sentinel));
    assertTrue(payloads.size() > 600, "the whole corpus was read: " + payloads.size());
  }

  private static List<String> payloads() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String file : FILES) {
      try (InputStream in = InjectionCorpusTest.class.getResourceAsStream("/sqli/" + file)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) {
          if (!line.isEmpty()) {
            lines.add(line);
          }
        }
      }
    }
    return lines;
  }
}
