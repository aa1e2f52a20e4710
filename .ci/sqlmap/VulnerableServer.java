import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scanner's positive control: a deliberately vulnerable HTTP server, for CI only, never shipped. Each endpoint
 * builds its SQL by string concatenation against an in-memory H2 database, so sqlmap, run with the same options as
 * against the sample app, MUST report each one injectable; if it does not, the scan proves nothing and CI fails.
 *
 * <pre>
 * java -cp h2.jar .ci/sqlmap/VulnerableServer.java PORT
 *   GET  /search?q=TEXT        query parameter, in a LIKE string literal
 *   GET  /items/ID             path segment, as a number
 *   POST /lookup {"name": ..}  JSON body member, in a string literal
 * </pre>
 *
 * Binds 127.0.0.1 only. Errors answer a bare 500 without the database's message, like a careful but vulnerable app,
 * so detection has to come from the boolean, UNION or time techniques, not from an error page.
 */
public final class VulnerableServer {
  private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Connection db = DriverManager.getConnection("jdbc:h2:mem:control;DB_CLOSE_DELAY=-1");
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(100), title VARCHAR(200))");
      s.execute("INSERT INTO items VALUES (1, 'kettle', 'A blue kettle'), (2, 'mug', 'A red mug'), "
          + "(3, 'teapot', 'A white teapot')");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/search", ex -> {
      String q = queryParam(ex, "q");
      answer(ex, db, "SELECT id, name, title FROM items WHERE title LIKE '%" + q + "%' ORDER BY id");
    });
    server.createContext("/items/", ex -> {
      String id = ex.getRequestURI().getRawPath().substring("/items/".length());
      answer(ex, db, "SELECT id, name, title FROM items WHERE id = " + URLDecoder.decode(id, StandardCharsets.UTF_8));
    });
    server.createContext("/lookup", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = NAME.matcher(body);
      String name = m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : "";
      answer(ex, db, "SELECT id, name, title FROM items WHERE name = '" + name + "' ORDER BY id");
    });
    server.start();
    System.out.println("vulnerable control server on 127.0.0.1:" + port);
  }

  private static String queryParam(HttpExchange ex, String name) {
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null) {
      return "";
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static void answer(HttpExchange ex, Connection db, String sql) throws IOException {
    StringBuilder json = new StringBuilder("[");
    int status = 200;
    synchronized (db) {
      try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append("{\"id\":").append(rs.getInt(1)).append(",\"name\":\"").append(escape(rs.getString(2)))
              .append("\",\"title\":\"").append(escape(rs.getString(3))).append("\"}");
        }
      } catch (SQLException | RuntimeException e) {
        status = 500;
        json = new StringBuilder("{\"error\":\"internal error\"");
      }
    }
    byte[] bytes = json.append(status == 200 ? "]" : "}").toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
