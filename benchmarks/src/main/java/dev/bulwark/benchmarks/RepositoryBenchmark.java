package dev.bulwark.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A generated repository method against the same query written by hand with JDBC, and against JDBI SqlObject, on
 * embedded H2 behind HikariCP. Run: see docs/data.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RepositoryBenchmark {
  private static final int ROWS = 1_000;

  private HikariDataSource dataSource;
  private PostRepository generated;
  private HandWrittenPostRepository handWritten;
  private JdbiPostRepository jdbi;
  private long next;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(2);
    dataSource = new HikariDataSource(config);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE posts (id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL, title VARCHAR(200) NOT NULL,"
          + " body VARCHAR(2000) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      s.execute("CREATE INDEX posts_owner ON posts (owner_id)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO posts VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 0; i < ROWS; i++) {
          insert.setLong(1, i);
          insert.setLong(2, i % 100);
          insert.setString(3, "title " + i);
          insert.setString(4, "a body of some length for post number " + i);
          insert.setObject(5, Instant.ofEpochSecond(1_700_000_000L + i).atOffset(ZoneOffset.UTC));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    generated = new PostRepository_Jdbc(dataSource);
    handWritten = new HandWrittenPostRepository(dataSource);
    jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).onDemand(JdbiPostRepository.class);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    dataSource.close();
  }

  private long nextId() {
    next = (next + 7) % ROWS;
    return next;
  }

  @Benchmark
  public Optional<PostRepository.Post> findGenerated() {
    return generated.find(nextId());
  }

  @Benchmark
  public Optional<PostRepository.Post> findHandWritten() {
    return handWritten.find(nextId());
  }

  @Benchmark
  public Optional<PostRepository.Post> findHandWrittenChecked() {
    return handWritten.findChecked(nextId());
  }

  @Benchmark
  public Optional<PostRepository.Post> findJdbi() {
    return jdbi.find(nextId());
  }

  @Benchmark
  public List<PostRepository.Post> listGenerated() {
    return generated.byOwner(nextId() % 100);
  }

  @Benchmark
  public List<PostRepository.Post> listHandWritten() {
    return handWritten.byOwner(nextId() % 100);
  }

  @Benchmark
  public List<PostRepository.Post> listJdbi() {
    return jdbi.byOwner(nextId() % 100);
  }
}
