package dev.bulwark.ratelimit.clientip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the client address of a request from its socket peer and forwarding headers, without letting a
 * client choose it, and turns it into a rate-limit key.
 *
 * <pre>{@code
 * ClientIpResolver ips = ClientIpResolver.builder()
 *     .trustedProxies(List.of("10.0.0.0/8", "fd00::/8"))
 *     .build();
 * InetAddress client = ips.resolve(peer, xForwardedForValues, forwardedValues);
 * String key = ips.clientKey(client);          // "203.0.113.7/32" or "2001:db8:1234:5600:0:0:0:0/56"
 * }</pre>
 *
 * <p>The peer is the answer unless it is inside a trusted-proxy network. Only then is the configured header
 * read, right to left, skipping trusted hops and stopping at the first untrusted one: every hop left of that
 * was written by someone we do not trust. A malformed header, an {@code unknown} or obfuscated hop, or a
 * header past the size caps yields the peer, so garbage never picks a key. Parsing never does a DNS lookup.
 */
public final class ClientIpResolver {

  /** Header values longer than this in total are not read (a proxy chain is a handful of hops). */
  public static final int MAX_HEADER_CHARS = 4096;
  /** Chains with more hops than this are not walked. */
  public static final int MAX_HOPS = 32;

  private final List<Cidr> trusted;
  private final ProxyHeader header;
  private final int ipv4Prefix;
  private final int ipv6Prefix;

  private ClientIpResolver(Builder builder) {
    this.trusted = List.copyOf(builder.trusted);
    this.header = builder.header;
    this.ipv4Prefix = builder.ipv4Prefix;
    this.ipv6Prefix = builder.ipv6Prefix;
  }

  /** Starts a resolver; with no trusted proxies it always answers the peer. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The client address.
   *
   * @param peer the socket's remote address
   * @param xForwardedFor every {@code X-Forwarded-For} field value, in order (empty when absent)
   * @param forwarded every {@code Forwarded} field value, in order (empty when absent)
   */
  public InetAddress resolve(InetAddress peer, List<String> xForwardedFor, List<String> forwarded) {
    Objects.requireNonNull(peer, "peer");
    if (!isTrusted(peer)) {
      return peer;
    }
    List<String> values = header == ProxyHeader.X_FORWARDED_FOR ? xForwardedFor : forwarded;
    if (values == null || values.isEmpty() || totalLength(values) > MAX_HEADER_CHARS) {
      return peer;
    }
    Optional<List<InetAddress>> hops = header == ProxyHeader.X_FORWARDED_FOR ? xffHops(values) : forwardedHops(values);
    if (hops.isEmpty() || hops.get().isEmpty() || hops.get().size() > MAX_HOPS) {
      return peer;
    }
    List<InetAddress> chain = hops.get();
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (!isTrusted(chain.get(i))) {
        return chain.get(i);
      }
    }
    return chain.get(0); // every hop is one of ours: the request began inside the trusted network
  }

  /** The same, with the peer as a literal (as Javalin's {@code req().getRemoteAddr()} gives it). */
  public InetAddress resolve(String peerLiteral, List<String> xForwardedFor, List<String> forwarded) {
    InetAddress peer = IpLiterals.parseHop(peerLiteral).orElseThrow(
        () -> new IllegalArgumentException("the socket peer is not an IP address literal"));
    return resolve(peer, xForwardedFor, forwarded);
  }

  /**
   * The rate-limit key of an address: IPv4 by its /32 and IPv6 by its /56 by default, because one IPv6
   * subscriber usually holds a whole /56 (or /48, /64) and could otherwise rotate addresses for free.
   */
  public String clientKey(InetAddress address) {
    int prefix = address instanceof Inet6Address ? ipv6Prefix : ipv4Prefix;
    byte[] masked = Cidr.mask(address.getAddress(), prefix);
    return IpLiterals.byAddress(masked).orElseThrow().getHostAddress() + "/" + prefix;
  }

  /** Whether any trusted-proxy network is configured; without one the forwarding headers are never read. */
  public boolean hasTrustedProxies() {
    return !trusted.isEmpty();
  }

  /** Whether {@code address} is inside a trusted-proxy network. */
  public boolean isTrusted(InetAddress address) {
    for (Cidr cidr : trusted) {
      if (cidr.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<List<InetAddress>> xffHops(List<String> values) {
    List<InetAddress> hops = new ArrayList<>();
    for (String value : values) {
      if (value == null) {
        return Optional.empty();
      }
      for (String part : value.split(",", -1)) {
        Optional<InetAddress> hop = IpLiterals.parseHop(part.trim());
        if (hop.isEmpty()) {
          return Optional.empty();
        }
        hops.add(hop.get());
      }
    }
    return Optional.of(hops);
  }

  private static Optional<List<InetAddress>> forwardedHops(List<String> values) {
    Optional<List<String>> nodes = ForwardedParser.forNodes(values);
    if (nodes.isEmpty()) {
      return Optional.empty();
    }
    List<InetAddress> hops = new ArrayList<>();
    for (String node : nodes.get()) {
      Optional<InetAddress> hop = IpLiterals.parseHop(node); // "unknown" and "_hidden" fail here, by design
      if (hop.isEmpty()) {
        return Optional.empty();
      }
      hops.add(hop.get());
    }
    return Optional.of(hops);
  }

  private static long totalLength(List<String> values) {
    long total = 0;
    for (String value : values) {
      total += value == null ? 0 : value.length();
    }
    return total;
  }

  /** Configures a {@link ClientIpResolver}. */
  public static final class Builder {
    private final List<Cidr> trusted = new ArrayList<>();
    private ProxyHeader header = ProxyHeader.X_FORWARDED_FOR;
    private int ipv4Prefix = 32;
    private int ipv6Prefix = 56;

    private Builder() {}

    /**
     * Adds trusted-proxy networks such as {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a single address.
     *
     * @throws IllegalArgumentException naming the first entry that does not parse, and why
     */
    public Builder trustedProxies(Collection<String> cidrs) {
      for (String cidr : cidrs) {
        trusted.add(Cidr.parse(cidr));
      }
      return this;
    }

    /**
     * Adds the comma-separated list of an environment variable such as {@code BULWARK_TRUSTED_PROXIES};
     * blank entries are skipped.
     */
    public Builder trustedProxies(String commaSeparated) {
      if (commaSeparated != null) {
        for (String cidr : commaSeparated.split(",")) {
          if (!cidr.isBlank()) {
            trusted.add(Cidr.parse(cidr));
          }
        }
      }
      return this;
    }

    /** Which header the trusted proxies write; default {@link ProxyHeader#X_FORWARDED_FOR}. */
    public Builder header(ProxyHeader header) {
      this.header = Objects.requireNonNull(header, "header");
      return this;
    }

    /** The prefix IPv4 clients are grouped by; default 32 (one address). */
    public Builder ipv4Prefix(int prefix) {
      if (prefix < 8 || prefix > 32) {
        throw new IllegalArgumentException("ipv4Prefix must be between 8 and 32 (was " + prefix + ")");
      }
      this.ipv4Prefix = prefix;
      return this;
    }

    /** The prefix IPv6 clients are grouped by; default 56. */
    public Builder ipv6Prefix(int prefix) {
      if (prefix < 16 || prefix > 128) {
        throw new IllegalArgumentException("ipv6Prefix must be between 16 and 128 (was " + prefix + ")");
      }
      this.ipv6Prefix = prefix;
      return this;
    }

    /** Builds the resolver. */
    public ClientIpResolver build() {
      return new ClientIpResolver(this);
    }
  }
}
