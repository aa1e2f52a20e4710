package dev.bulwark.runtime.validation.url;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The host part of an outbound URL, as {@link java.net.URI} read it: an IP literal or a DNS name, never resolved. */
final class HostRules {
  /** Host names of cloud metadata services (the addresses are in {@link AddressRules}). */
  static final Set<String> METADATA_NAMES = Set.of(
      "metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal",
      "metadata.tencentyun.com", "metadata.platformequinix.com");

  /** Cluster-internal names that a pod resolves to its control plane. */
  static final Set<String> INTERNAL_NAMES = Set.of(
      "kubernetes.default", "kubernetes.default.svc", "localhost.localdomain", "ip6-localhost", "ip6-loopback");

  /**
   * Suffixes that never name a public host: special-use (RFC 6761 localhost, RFC 6762 local, RFC 8375 home.arpa),
   * ICANN's private-use internal, the reverse-lookup arpa tree, and the private names of common home and office
   * networks (localdomain, lan, home, corp, svc).
   */
  static final Set<String> INTERNAL_SUFFIXES = Set.of(
      "localhost", "local", "internal", "arpa", "localdomain", "lan", "home", "corp", "svc");

  /** A last label that the WHATWG URL parser (and inet_aton) would read as a number, so the host as an IPv4. */
  private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

  /** The only IPv4 form accepted: four decimal octets without leading zeros. */
  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
  private static final Pattern CANONICAL_IPV4 = Pattern.compile("(?:" + OCTET + "\\.){3}" + OCTET);

  /** What {@link java.net.URI} accepts between the brackets, minus zone ids (a '%'), which are refused. */
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private HostRules() {}

  static Optional<String> problem(String host) {
    if (host.startsWith("[")) {
      return ipv6Literal(host);
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      // "localhost." is the same host as "localhost" to a resolver; compare without the root dot.
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty() || name.endsWith(".")) {
      return Optional.of(OutboundUrls.BAD_HOST);
    }
    String last = name.substring(name.lastIndexOf('.') + 1);
    if (NUMERIC_LABEL.matcher(last).matches()) {
      return ipv4Literal(name);
    }
    return dnsName(name);
  }

  private static Optional<String> ipv4Literal(String name) {
    // 2130706433, 0177.0.0.1, 0x7f.1 and 127.1 all reach 127.0.0.1 through some client; none is written so by
    // anyone who means a public host, so every form but the canonical one is refused instead of decoded.
    if (!CANONICAL_IPV4.matcher(name).matches()) {
      return Optional.of(OutboundUrls.NON_CANONICAL_IP);
    }
    String[] parts = name.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    try {
      return AddressRules.problem(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.of(OutboundUrls.BAD_HOST);
    }
  }

  private static Optional<String> ipv6Literal(String host) {
    if (host.length() < 3 || !host.endsWith("]")
        || !IPV6_CHARS.matcher(host.substring(1, host.length() - 1)).matches()) {
      return Optional.of(OutboundUrls.BAD_HOST);
    }
    InetAddress address;
    try {
      // A bracketed literal that java.net.URI has already validated: converted, never looked up.
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      return Optional.of(OutboundUrls.BAD_HOST);
    }
    if (address instanceof Inet4Address) {
      // The JDK turns ::ffff:a.b.c.d into an Inet4Address; an IPv4-mapped URL is refused whatever it maps to.
      return Optional.of(OutboundUrls.EMBEDDED_IPV4);
    }
    return AddressRules.problem(address);
  }

  private static Optional<String> dnsName(String name) {
    if (METADATA_NAMES.contains(name)) {
      return Optional.of(OutboundUrls.METADATA);
    }
    if (name.indexOf('.') < 0) {
      // A single label is completed by the resolver's search domains: an internal host, by construction.
      return Optional.of(OutboundUrls.LOCAL_NAME);
    }
    if (INTERNAL_NAMES.contains(name)) {
      return Optional.of(OutboundUrls.LOCAL_NAME);
    }
    for (String suffix : INTERNAL_SUFFIXES) {
      if (name.endsWith("." + suffix)) {
        return Optional.of(OutboundUrls.LOCAL_NAME);
      }
    }
    return Optional.empty();
  }
}
