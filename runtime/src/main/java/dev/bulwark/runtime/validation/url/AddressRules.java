package dev.bulwark.runtime.validation.url;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which IP addresses an outbound request must not reach: everything but public unicast. The tables follow the
 * IANA special-purpose address registries; the first matching row gives the reason, so the exact metadata
 * addresses come before the ranges that contain them.
 */
final class AddressRules {
  private static final List<Cidr> IPV4 = List.of(
      // AWS, GCP, Azure, OpenStack, DigitalOcean (and AWS ECS task metadata, AWS DNS), Alibaba, Oracle, Tencent.
      Cidr.v4(169, 254, 169, 254, 32, OutboundUrls.METADATA),
      Cidr.v4(169, 254, 170, 2, 32, OutboundUrls.METADATA),
      Cidr.v4(169, 254, 169, 253, 32, OutboundUrls.METADATA),
      Cidr.v4(100, 100, 100, 200, 32, OutboundUrls.METADATA),
      Cidr.v4(192, 0, 0, 192, 32, OutboundUrls.METADATA),
      Cidr.v4(169, 254, 0, 23, 32, OutboundUrls.METADATA),
      Cidr.v4(0, 0, 0, 0, 8, OutboundUrls.RESERVED),
      Cidr.v4(10, 0, 0, 0, 8, OutboundUrls.PRIVATE),
      Cidr.v4(100, 64, 0, 0, 10, OutboundUrls.SHARED),
      Cidr.v4(127, 0, 0, 0, 8, OutboundUrls.LOOPBACK),
      Cidr.v4(169, 254, 0, 0, 16, OutboundUrls.LINK_LOCAL),
      Cidr.v4(172, 16, 0, 0, 12, OutboundUrls.PRIVATE),
      Cidr.v4(192, 0, 0, 0, 24, OutboundUrls.RESERVED),
      Cidr.v4(192, 0, 2, 0, 24, OutboundUrls.RESERVED),
      Cidr.v4(192, 88, 99, 0, 24, OutboundUrls.RESERVED),
      Cidr.v4(192, 168, 0, 0, 16, OutboundUrls.PRIVATE),
      Cidr.v4(198, 18, 0, 0, 15, OutboundUrls.RESERVED),
      Cidr.v4(198, 51, 100, 0, 24, OutboundUrls.RESERVED),
      Cidr.v4(203, 0, 113, 0, 24, OutboundUrls.RESERVED),
      Cidr.v4(224, 0, 0, 0, 4, OutboundUrls.MULTICAST),
      Cidr.v4(255, 255, 255, 255, 32, OutboundUrls.MULTICAST),
      Cidr.v4(240, 0, 0, 0, 4, OutboundUrls.RESERVED));

  private static final List<Cidr> IPV6 = List.of(
      Cidr.v6(OutboundUrls.METADATA, 128, 0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254),
      Cidr.v6(OutboundUrls.RESERVED, 128),
      Cidr.v6(OutboundUrls.LOOPBACK, 128, 0, 0, 0, 0, 0, 0, 0, 1),
      // IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96, 64:ff9b:1::/48), Teredo and 6to4 reach IPv4 hosts.
      Cidr.v6(OutboundUrls.EMBEDDED_IPV4, 96),
      Cidr.v6(OutboundUrls.EMBEDDED_IPV4, 96, 0x0064, 0xff9b),
      Cidr.v6(OutboundUrls.EMBEDDED_IPV4, 48, 0x0064, 0xff9b, 0x0001),
      Cidr.v6(OutboundUrls.EMBEDDED_IPV4, 32, 0x2001),
      Cidr.v6(OutboundUrls.EMBEDDED_IPV4, 16, 0x2002),
      Cidr.v6(OutboundUrls.RESERVED, 23, 0x2001),
      Cidr.v6(OutboundUrls.RESERVED, 32, 0x2001, 0x0db8),
      Cidr.v6(OutboundUrls.RESERVED, 20, 0x3fff),
      Cidr.v6(OutboundUrls.UNIQUE_LOCAL, 7, 0xfc00),
      Cidr.v6(OutboundUrls.LINK_LOCAL, 10, 0xfe80),
      Cidr.v6(OutboundUrls.PRIVATE, 10, 0xfec0),
      Cidr.v6(OutboundUrls.MULTICAST, 8, 0xff00));

  /** Global unicast: the only IPv6 space handed out; anything outside it is unassigned or special. */
  private static final Cidr IPV6_GLOBAL_UNICAST = Cidr.v6("", 3, 0x2000);

  private AddressRules() {}

  static Optional<String> problem(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return first(IPV4, bytes);
    }
    if (address instanceof Inet6Address) {
      Optional<String> special = first(IPV6, bytes);
      if (special.isPresent()) {
        return special;
      }
      return IPV6_GLOBAL_UNICAST.contains(bytes) ? Optional.empty() : Optional.of(OutboundUrls.RESERVED);
    }
    return Optional.of(OutboundUrls.BAD_HOST);
  }

  private static Optional<String> first(List<Cidr> table, byte[] bytes) {
    for (Cidr cidr : table) {
      if (cidr.contains(bytes)) {
        return Optional.of(cidr.reason());
      }
    }
    return Optional.empty();
  }

  /** A network prefix and the reason an address inside it is refused. */
  record Cidr(byte[] network, int bits, String reason) {
    static Cidr v4(int a, int b, int c, int d, int bits, String reason) {
      return new Cidr(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}, bits, reason);
    }

    /** An IPv6 prefix from its leading 16-bit groups; the groups not given are zero. */
    static Cidr v6(String reason, int bits, int... groups) {
      byte[] network = new byte[16];
      for (int i = 0; i < groups.length; i++) {
        network[2 * i] = (byte) (groups[i] >>> 8);
        network[2 * i + 1] = (byte) groups[i];
      }
      return new Cidr(network, bits, reason);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[whole] & mask) == (network[whole] & mask);
    }
  }
}
