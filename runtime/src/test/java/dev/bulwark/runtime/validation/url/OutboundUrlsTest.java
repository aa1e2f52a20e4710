package dev.bulwark.runtime.validation.url;

import static dev.bulwark.runtime.validation.url.OutboundUrls.BAD_HOST;
import static dev.bulwark.runtime.validation.url.OutboundUrls.BAD_PORT;
import static dev.bulwark.runtime.validation.url.OutboundUrls.EMBEDDED_IPV4;
import static dev.bulwark.runtime.validation.url.OutboundUrls.LINK_LOCAL;
import static dev.bulwark.runtime.validation.url.OutboundUrls.LOCAL_NAME;
import static dev.bulwark.runtime.validation.url.OutboundUrls.LOOPBACK;
import static dev.bulwark.runtime.validation.url.OutboundUrls.METADATA;
import static dev.bulwark.runtime.validation.url.OutboundUrls.MULTICAST;
import static dev.bulwark.runtime.validation.url.OutboundUrls.NON_CANONICAL_IP;
import static dev.bulwark.runtime.validation.url.OutboundUrls.NOT_A_URL;
import static dev.bulwark.runtime.validation.url.OutboundUrls.NO_HOST;
import static dev.bulwark.runtime.validation.url.OutboundUrls.PRIVATE;
import static dev.bulwark.runtime.validation.url.OutboundUrls.RESERVED;
import static dev.bulwark.runtime.validation.url.OutboundUrls.SCHEME_NOT_ALLOWED;
import static dev.bulwark.runtime.validation.url.OutboundUrls.SHARED;
import static dev.bulwark.runtime.validation.url.OutboundUrls.TOO_LONG;
import static dev.bulwark.runtime.validation.url.OutboundUrls.UNIQUE_LOCAL;
import static dev.bulwark.runtime.validation.url.OutboundUrls.USER_INFO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutboundUrlsTest {
  private static final String OK = null;

  static Stream<Arguments> urls() {
    return Stream.of(
        // Public hosts pass.
        arguments("https://example.com/", OK),
        arguments("http://example.com/path?q=1#frag", OK),
        arguments("https://EXAMPLE.com:8443/x", OK),
        arguments("HTTPS://api.github.com/repos", OK),
        arguments("https://example.com./", OK),
        arguments("http://xn--bcher-kva.de/", OK),
        arguments("https://8.8.8.8/", OK),
        arguments("http://93.184.216.34:80/", OK),
        arguments("https://[2606:4700:4700::1111]/", OK),
        arguments("http://172.32.0.1/", OK),
        arguments("http://100.128.0.1/", OK),
        arguments("http://11.0.0.1/", OK),
        // Passes the text check, resolves to loopback: only checkResolved can see it (tested below).
        arguments("http://127.0.0.1.nip.io/", OK),
        // Not a URL this check will read.
        arguments("/relative/path", NOT_A_URL),
        arguments("http://exa mple.com/", NOT_A_URL),
        arguments("http://example.com\\@127.0.0.1/", NOT_A_URL),
        arguments("http://[v1.x]/", NOT_A_URL),
        arguments("", NOT_A_URL),
        // Schemes.
        arguments("ftp://example.com/", SCHEME_NOT_ALLOWED),
        arguments("file:///etc/passwd", SCHEME_NOT_ALLOWED),
        arguments("gopher://127.0.0.1:6379/_INFO", SCHEME_NOT_ALLOWED),
        arguments("javascript:alert(1)", SCHEME_NOT_ALLOWED),
        arguments("jar:http://example.com/a.jar!/", SCHEME_NOT_ALLOWED),
        arguments("http:///path", NO_HOST),
        // User info, where parsers disagree on which part is the host.
        arguments("http://user:pass@example.com/", USER_INFO),
        arguments("http://example.com@127.0.0.1/", USER_INFO),
        arguments("http://@example.com/", USER_INFO),
        // Hosts and ports java.net.URI reads differently from other parsers.
        arguments("http://exa_mple.com/", BAD_HOST),
        arguments("http://b\u00fccher.de/", BAD_HOST),
        arguments("http://127\u30020\u30020\u30021/", BAD_HOST),
        arguments("http://\u2460\u2461\u2466.0.0.1/", BAD_HOST),
        arguments("http://1.2.3.4.5/", BAD_HOST),
        arguments("http://127.1/", BAD_HOST),
        arguments("http://0x7f.1/", BAD_HOST),
        arguments("http://[fe80::1%25eth0]/", BAD_HOST),
        arguments("http://%31%32%37.0.0.1/", BAD_HOST),
        arguments("http://0x7f.0x0.0x0.0x1/", BAD_HOST),
        arguments("http://127.0.0.1:80\\@example.com/", NOT_A_URL),
        arguments("http://example.com#@127.0.0.1/", OK),
        arguments("http://example.com:/", BAD_PORT),
        arguments("http://example.com:080/", BAD_PORT),
        arguments("http://example.com:0/", BAD_PORT),
        arguments("http://example.com:99999/", BAD_PORT),
        // IPv4 in decimal, octal and hex.
        arguments("http://2130706433/", NON_CANONICAL_IP),
        arguments("http://017700000001/", NON_CANONICAL_IP),
        arguments("http://0x7f000001/", NON_CANONICAL_IP),
        arguments("http://0177.0.0.1/", NON_CANONICAL_IP),
        arguments("http://127.000.000.001/", NON_CANONICAL_IP),
        arguments("http://0/", NON_CANONICAL_IP),
        // Local and internal names.
        arguments("http://localhost/", LOCAL_NAME),
        arguments("http://LOCALHOST.:8080/", LOCAL_NAME),
        arguments("http://app.localhost/", LOCAL_NAME),
        arguments("http://intranet/", LOCAL_NAME),
        arguments("http://printer.local/", LOCAL_NAME),
        arguments("http://db.corp.internal/", LOCAL_NAME),
        arguments("http://kubernetes.default.svc/", LOCAL_NAME),
        arguments("http://localhost.localdomain/", LOCAL_NAME),
        // Cloud metadata.
        arguments("http://169.254.169.254/latest/meta-data/", METADATA),
        arguments("http://metadata.google.internal/computeMetadata/v1/", METADATA),
        arguments("http://METADATA.GOOGLE.INTERNAL./", METADATA),
        arguments("http://metadata/", METADATA),
        arguments("http://[fd00:ec2::254]/", METADATA),
        arguments("http://100.100.100.200/", METADATA),
        arguments("http://169.254.170.2/v2/credentials", METADATA),
        // Special-purpose IPv4.
        arguments("http://127.0.0.1/", LOOPBACK),
        arguments("http://127.255.255.254:8080/", LOOPBACK),
        arguments("http://0.0.0.0/", RESERVED),
        arguments("http://10.0.0.1/", PRIVATE),
        arguments("http://172.16.0.1/", PRIVATE),
        arguments("http://172.31.255.255/", PRIVATE),
        arguments("http://192.168.1.1/", PRIVATE),
        arguments("http://100.64.0.1/", SHARED),
        arguments("http://100.127.255.255/", SHARED),
        arguments("http://169.254.1.1/", LINK_LOCAL),
        arguments("http://224.0.0.1/", MULTICAST),
        arguments("http://255.255.255.255/", MULTICAST),
        arguments("http://192.0.2.1/", RESERVED),
        arguments("http://198.18.0.1/", RESERVED),
        arguments("http://240.0.0.1/", RESERVED),
        // Special-purpose IPv6, and IPv6 that reaches IPv4.
        arguments("http://[::1]/", LOOPBACK),
        arguments("http://[0:0:0:0:0:0:0:1]:8080/", LOOPBACK),
        arguments("http://[::]/", RESERVED),
        arguments("http://[fe80::1]/", LINK_LOCAL),
        arguments("http://[fc00::1]/", UNIQUE_LOCAL),
        arguments("http://[fd12:3456:789a::1]/", UNIQUE_LOCAL),
        arguments("http://[ff02::1]/", MULTICAST),
        arguments("http://[2001:db8::1]/", RESERVED),
        arguments("http://[::ffff:0:127.0.0.1]/", RESERVED),
        arguments("http://[::ffff:127.0.0.1]/", EMBEDDED_IPV4),
        arguments("http://[::ffff:7f00:1]/", EMBEDDED_IPV4),
        arguments("http://[::ffff:169.254.169.254]/", EMBEDDED_IPV4),
        arguments("http://[::ffff:8.8.8.8]/", EMBEDDED_IPV4),
        arguments("http://[::127.0.0.1]/", EMBEDDED_IPV4),
        arguments("http://[64:ff9b::7f00:1]/", EMBEDDED_IPV4),
        arguments("http://[2002:7f00:1::]/", EMBEDDED_IPV4),
        arguments("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", EMBEDDED_IPV4),
        // Length.
        arguments("https://example.com/" + "a".repeat(2100), TOO_LONG));
  }

  @ParameterizedTest
  @MethodSource("urls")
  void theTable(String url, String reason) {
    assertEquals(Optional.ofNullable(reason), OutboundUrls.problem(url, OutboundUrls.DEFAULT_SCHEMES, 2048), url);
  }

  @Test
  void theTableIsLargeAndCoversEveryReason() throws IllegalAccessException {
    assertFalse(urls().count() < 40);
    for (Field field : OutboundUrls.class.getFields()) {
      if (field.getType() == String.class && Modifier.isStatic(field.getModifiers())) {
        Object reason = field.get(null);
        assertFalse(urls().noneMatch(a -> reason.equals(a.get()[1])), "no row for " + field.getName());
      }
    }
  }

  @Test
  void reasonsNeverEchoTheInput() {
    urls().forEach(a -> OutboundUrls.problem((String) a.get()[0], OutboundUrls.DEFAULT_SCHEMES, 2048)
        .ifPresent(reason -> assertFalse(reason.contains("127") || reason.contains("example"), reason)));
  }

  @Test
  void schemesAndLengthAreTheCallersChoice() {
    assertEquals(Optional.empty(), OutboundUrls.problem("ftp://example.com/", Set.of("ftp"), 100));
    assertEquals(Optional.of(SCHEME_NOT_ALLOWED), OutboundUrls.problem("http://example.com/", Set.of("https"), 100));
    assertEquals(Optional.of(NO_HOST), OutboundUrls.problem("mailto:a@example.com", Set.of("mailto"), 100));
    assertEquals(Optional.of(TOO_LONG), OutboundUrls.problem("https://example.com/abc", Set.of("https"), 20));
    assertEquals(Optional.empty(), OutboundUrls.problem("https://example.com/ab", Set.of("https"), 22));
    assertEquals(Optional.empty(), OutboundUrls.problem(null, OutboundUrls.DEFAULT_SCHEMES, 10));
    assertThrows(IllegalArgumentException.class, () -> OutboundUrls.problem("https://a.b/", Set.of(), 10));
    assertThrows(IllegalArgumentException.class, () -> OutboundUrls.problem("https://a.b/", Set.of("https"), 0));
  }

  @Test
  void resolvedAddressesFollowTheSameRules() throws UnknownHostException {
    assertEquals(Optional.of(LOOPBACK), OutboundUrls.checkResolved(address(127, 0, 0, 1)));
    assertEquals(Optional.of(METADATA), OutboundUrls.checkResolved(address(169, 254, 169, 254)));
    assertEquals(Optional.of(PRIVATE), OutboundUrls.checkResolved(address(10, 1, 2, 3)));
    assertEquals(Optional.empty(), OutboundUrls.checkResolved(address(8, 8, 8, 8)));
    assertEquals(Optional.of(LOOPBACK), OutboundUrls.checkResolved(InetAddress.getByName("::1")));
    assertEquals(Optional.of(METADATA), OutboundUrls.checkResolved(InetAddress.getByName("fd00:ec2::254")));
    assertEquals(Optional.of(RESERVED), OutboundUrls.checkResolved(InetAddress.getByName("4000::1")));
    assertEquals(Optional.empty(), OutboundUrls.checkResolved(InetAddress.getByName("2606:4700:4700::1111")));
    // The JDK hands an IPv4-mapped answer over as the IPv4 address it maps to, which is then checked as such.
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 127;
    mapped[15] = 1;
    assertEquals(Optional.of(LOOPBACK), OutboundUrls.checkResolved(InetAddress.getByAddress(mapped)));
  }

  private static InetAddress address(int a, int b, int c, int d) throws UnknownHostException {
    return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
  }
}
