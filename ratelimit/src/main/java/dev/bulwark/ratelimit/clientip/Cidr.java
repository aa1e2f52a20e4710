package dev.bulwark.ratelimit.clientip;

import java.net.InetAddress;
import java.util.Arrays;

/** A network in CIDR notation, such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
record Cidr(byte[] network, int prefixLength) {

  /**
   * Parses {@code address/prefix}, or a bare address as a single host.
   *
   * @throws IllegalArgumentException naming the entry and what is wrong with it
   */
  static Cidr parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    int slash = trimmed.indexOf('/');
    String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
    InetAddress address = IpLiterals.parse(addressPart).orElseThrow(() -> new IllegalArgumentException(
        "trusted proxy \"" + trimmed + "\" is not an IP address or CIDR; write it like 10.0.0.0/8 or 2001:db8::/32"));
    byte[] bytes = address.getAddress();
    int maxPrefix = bytes.length * 8;
    int prefix = maxPrefix;
    if (slash >= 0) {
      String prefixPart = trimmed.substring(slash + 1);
      if (!prefixPart.matches("[0-9]{1,3}") || Integer.parseInt(prefixPart) > maxPrefix) {
        throw new IllegalArgumentException("trusted proxy \"" + trimmed + "\" has a prefix length that is not "
            + "between 0 and " + maxPrefix);
      }
      prefix = Integer.parseInt(prefixPart);
    }
    byte[] network = mask(bytes, prefix);
    if (!Arrays.equals(network, bytes)) {
      throw new IllegalArgumentException("trusted proxy \"" + trimmed + "\" has host bits set; did you mean "
          + IpLiterals.byAddress(network).map(InetAddress::getHostAddress).orElse("?") + "/" + prefix + "?");
    }
    return new Cidr(network, prefix);
  }

  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
  }

  static byte[] mask(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xff << (8 - keep)));
    }
    return out;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    return IpLiterals.byAddress(network).map(InetAddress::getHostAddress).orElse("?") + "/" + prefixLength;
  }
}
