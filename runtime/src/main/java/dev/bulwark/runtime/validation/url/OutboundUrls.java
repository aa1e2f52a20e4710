package dev.bulwark.runtime.validation.url;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code @OutboundUrl} check against server-side request forgery (OWASP API7): a URL the server will fetch must
 * name a public host. It looks at the text only and never resolves a name.
 *
 * <p>What it cannot see: where a public-looking name resolves (DNS rebinding, {@code 127.0.0.1.nip.io}) and where
 * a redirect leads. An application that fetches the URL must resolve the host once, pass every address to
 * {@link #checkResolved}, connect to that same address, and not follow redirects (or check each hop the same way).
 *
 * <p>Every problem is one of the fixed, short reasons below; none of them repeats the input.
 */
public final class OutboundUrls {
  public static final String NOT_A_URL = "is not a valid absolute URL";
  public static final String TOO_LONG = "is longer than allowed";
  public static final String SCHEME_NOT_ALLOWED = "uses a scheme that is not allowed";
  public static final String USER_INFO = "must not contain user info";
  public static final String NO_HOST = "must name a host";
  public static final String BAD_HOST = "has a host that is not a valid DNS name or IP address";
  public static final String BAD_PORT = "has an invalid port";
  public static final String NON_CANONICAL_IP = "has an IP address in a non-canonical form";
  public static final String LOCAL_NAME = "names a local or internal host";
  public static final String METADATA = "points at a cloud metadata service";
  public static final String LOOPBACK = "points at a loopback address";
  public static final String PRIVATE = "points at a private network address";
  public static final String LINK_LOCAL = "points at a link-local address";
  public static final String UNIQUE_LOCAL = "points at a unique-local address";
  public static final String SHARED = "points at a shared (carrier-grade NAT) address";
  public static final String MULTICAST = "points at a multicast or broadcast address";
  public static final String RESERVED = "points at a reserved or special-purpose address";
  public static final String EMBEDDED_IPV4 = "points at an IPv6 address that embeds an IPv4 address";

  /** The schemes {@code @OutboundUrl} allows unless told otherwise. */
  public static final Set<String> DEFAULT_SCHEMES = Set.of("http", "https");

  private OutboundUrls() {}

  /**
   * Why {@code url} must not be fetched, or empty when it may be (a {@code null} URL is left to {@code @NotNull}).
   *
   * @param schemes the allowed schemes, lower case
   * @param maxLength the longest accepted URL, in characters
   */
  public static Optional<String> problem(String url, Set<String> schemes, int maxLength) {
    Objects.requireNonNull(schemes, "schemes");
    if (schemes.isEmpty() || maxLength <= 0) {
      throw new IllegalArgumentException("@OutboundUrl needs at least one scheme and a maxLength above 0");
    }
    if (url == null) {
      return Optional.empty();
    }
    if (url.length() > maxLength) {
      return Optional.of(TOO_LONG);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of(NOT_A_URL);
    }
    if (!uri.isAbsolute()) {
      return Optional.of(NOT_A_URL);
    }
    if (!schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
      return Optional.of(SCHEME_NOT_ALLOWED);
    }
    if (uri.isOpaque() || uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
      return Optional.of(NO_HOST);
    }
    if (uri.getRawUserInfo() != null || uri.getRawAuthority().indexOf('@') >= 0) {
      return Optional.of(USER_INFO);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      // java.net.URI fell back to a registry-based authority: not a DNS name or an IP literal it could read.
      return Optional.of(BAD_HOST);
    }
    Optional<String> port = portProblem(uri);
    if (port.isPresent()) {
      return port;
    }
    return HostRules.problem(host);
  }

  /**
   * Why the server must not connect to an address it resolved for an {@code @OutboundUrl}, or empty when it may.
   * The same address rules as {@link #problem}: call it on every address the name resolved to, then connect to
   * the address that passed, not to the name again.
   */
  public static Optional<String> checkResolved(InetAddress address) {
    Objects.requireNonNull(address, "address");
    return AddressRules.problem(address);
  }

  /**
   * The authority must read exactly as host and port: {@code host:} with an empty port, {@code host:080} or a port
   * out of range are the kind of disagreement between parsers that SSRF filters are bypassed with.
   */
  private static Optional<String> portProblem(URI uri) {
    String authority = uri.getRawAuthority();
    String host = uri.getHost();
    int port = uri.getPort();
    String expected = port == -1 ? host : host + ":" + port;
    if (!authority.equals(expected)) {
      return Optional.of(authority.startsWith(host + ":") ? BAD_PORT : BAD_HOST);
    }
    if (port == 0 || port > 65_535) {
      return Optional.of(BAD_PORT);
    }
    return Optional.empty();
  }
}
