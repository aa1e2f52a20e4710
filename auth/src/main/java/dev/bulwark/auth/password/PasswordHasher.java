package dev.bulwark.auth.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with Argon2id (Bouncy Castle, pure Java), stored as PHC strings.
 *
 * <p>The password is used exactly as given: encoded to UTF-8 without normalisation, trimming or truncation.
 * A password that cannot be encoded (an unpaired surrogate) or is longer than {@link #MAX_PASSWORD_BYTES} is
 * refused by {@link #hash} and never verifies. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * PasswordHasher hasher = PasswordHasher.argon2id();
 * String stored = hasher.hash(password);           // "$argon2id$v=19$m=19456,t=2,p=1$...$..."
 * boolean ok = hasher.verify(attempt, stored);
 * if (ok && hasher.needsRehash(stored)) { store(hasher.hash(attempt)); }
 * }</pre>
 */
public final class PasswordHasher {

  /**
   * The longest password, in UTF-8 bytes, that is hashed at all. A backstop behind {@link PasswordPolicy}'s
   * own limits so that no caller can feed the KDF an unbounded input.
   */
  public static final int MAX_PASSWORD_BYTES = 1024;

  private final Argon2Settings settings;
  private final SecureRandom random;

  private PasswordHasher(Argon2Settings settings, SecureRandom random) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A hasher with {@link Argon2Settings#OWASP_DEFAULT}. */
  public static PasswordHasher argon2id() {
    return argon2id(Argon2Settings.OWASP_DEFAULT);
  }

  /** A hasher with the given settings (already checked against OWASP's minimums). */
  public static PasswordHasher argon2id(Argon2Settings settings) {
    return new PasswordHasher(settings, new SecureRandom());
  }

  /** The settings new hashes are made with. */
  public Argon2Settings settings() {
    return settings;
  }

  /**
   * Hashes {@code password} with a fresh random salt.
   *
   * @throws IllegalArgumentException if the password is empty, longer than {@link #MAX_PASSWORD_BYTES} or
   *     not valid UTF-16 (the message never contains the password)
   */
  public String hash(CharSequence password) {
    byte[] bytes = utf8(password).orElseThrow(() -> new IllegalArgumentException(
        "password must be 1 to " + MAX_PASSWORD_BYTES + " bytes of valid Unicode"));
    try {
      byte[] salt = new byte[settings.saltBytes()];
      random.nextBytes(salt);
      byte[] hash = derive(bytes, salt, settings.memoryKiB(), settings.iterations(), settings.parallelism(),
          settings.hashBytes());
      return new PhcString(settings.memoryKiB(), settings.iterations(), settings.parallelism(), salt, hash)
          .encode();
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Whether {@code password} matches {@code storedHash}, compared in constant time. The stored hash's own
   * parameters are used, so hashes made with older settings still verify.
   *
   * @throws IllegalArgumentException if {@code storedHash} is not an Argon2id PHC string (a corrupt record is a
   *     server fault, not a wrong password)
   */
  public boolean verify(CharSequence password, String storedHash) {
    PhcString stored = parse(storedHash);
    Optional<byte[]> encoded = utf8(password);
    if (encoded.isEmpty()) {
      return false;
    }
    byte[] bytes = encoded.get();
    try {
      byte[] actual = derive(bytes, stored.salt(), stored.memoryKiB(), stored.iterations(),
          stored.parallelism(), stored.hash().length);
      return MessageDigest.isEqual(actual, stored.hash());
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Whether {@code storedHash} was made with other parameters than this hasher's settings, so it should be
   * replaced by {@link #hash} after the next successful login.
   *
   * @throws IllegalArgumentException if {@code storedHash} is not an Argon2id PHC string
   */
  public boolean needsRehash(String storedHash) {
    PhcString stored = parse(storedHash);
    return stored.memoryKiB() != settings.memoryKiB()
        || stored.iterations() != settings.iterations()
        || stored.parallelism() != settings.parallelism()
        || stored.salt().length != settings.saltBytes()
        || stored.hash().length != settings.hashBytes();
  }

  private static PhcString parse(String storedHash) {
    return PhcString.parse(storedHash).orElseThrow(() -> new IllegalArgumentException(
        "stored password hash is not an Argon2id v19 PHC string within Bulwark's bounds"));
  }

  private static byte[] derive(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism,
      int length) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKiB)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }

  // Strict UTF-8: an unpaired surrogate is refused rather than silently replaced by '?', which would make
  // different passwords hash alike.
  static Optional<byte[]> utf8(CharSequence password) {
    if (password == null || password.length() == 0 || password.length() > MAX_PASSWORD_BYTES) {
      return Optional.empty();
    }
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer;
    try {
      buffer = encoder.encode(CharBuffer.wrap(password));
    } catch (CharacterCodingException invalid) {
      return Optional.empty();
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
    if (bytes.length > MAX_PASSWORD_BYTES) {
      Arrays.fill(bytes, (byte) 0);
      return Optional.empty();
    }
    return Optional.of(bytes);
  }
}
