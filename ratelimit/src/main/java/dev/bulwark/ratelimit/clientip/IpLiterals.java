package dev.bulwark.ratelimit.clientip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IP address literals, and only literals: nothing here can ever cause a DNS lookup.
 *
 * <p>{@code InetAddress.getByName} resolves anything that is not a valid literal as a host name, so input is
 * first checked against a strict shape. IPv4 must be four decimal octets without leading zeros (no
 * {@code 0x7f.1} or {@code 127.1} forms, which the JDK and browsers read differently) and is built from its
 * bytes. IPv6 is passed to the JDK inside brackets, the form it always treats as a literal and rejects with
 * an exception instead of looking up.
 */
final class IpLiterals {

  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET);
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  private IpLiterals() {}

  /** An IPv4 or IPv6 literal, without brackets or port. IPv4-mapped IPv6 addresses come back as IPv4. */
  static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (IPV4.matcher(text).matches()) {
      String[] parts = text.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        bytes[i] = (byte) Integer.parseInt(parts[i]);
      }
      return byAddress(bytes);
    }
    if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
      try {
        return Optional.of(InetAddress.getByName("[" + text + "]"));
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * A hop as proxies write it: {@code 192.0.2.1}, {@code 192.0.2.1:8080}, {@code 2001:db8::1},
   * {@code [2001:db8::1]} or {@code [2001:db8::1]:8080}. The port is checked and dropped.
   */
  static Optional<InetAddress> parseHop(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    if (text.charAt(0) == '[') {
      int close = text.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      String rest = text.substring(close + 1);
      if (!rest.isEmpty() && !(rest.charAt(0) == ':' && validPort(rest.substring(1)))) {
        return Optional.empty();
      }
      Optional<InetAddress> address = parse(text.substring(1, close));
      return address.filter(a -> a instanceof Inet6Address || isMappedForm(text.substring(1, close)));
    }
    int colon = text.indexOf(':');
    if (colon >= 0 && colon == text.lastIndexOf(':')) { // exactly one colon: IPv4 with a port
      return validPort(text.substring(colon + 1)) ? parse(text.substring(0, colon)).filter(IpLiterals::isV4)
          : Optional.empty();
    }
    return parse(text);
  }

  static Optional<InetAddress> byAddress(byte[] bytes) {
    try {
      return Optional.of(InetAddress.getByAddress(bytes)); // no lookup: bytes in, address out
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static boolean isV4(InetAddress address) {
    return address.getAddress().length == 4;
  }

  // "[::ffff:192.0.2.1]" is IPv6 syntax that the JDK turns into an IPv4 address; it is still well formed.
  private static boolean isMappedForm(String text) {
    return text.indexOf(':') >= 0;
  }

  private static boolean validPort(String text) {
    return PORT.matcher(text).matches() && Integer.parseInt(text) <= 65_535;
  }
}
