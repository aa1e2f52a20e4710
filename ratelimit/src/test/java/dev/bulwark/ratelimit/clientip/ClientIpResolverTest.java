package dev.bulwark.ratelimit.clientip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIpResolverTest {

  private final ClientIpResolver xff = ClientIpResolver.builder()
      .trustedProxies(List.of("10.0.0.0/8", "fd00::/8")).build();
  private final ClientIpResolver fwd = ClientIpResolver.builder()
      .trustedProxies("10.0.0.0/8, 2001:db8:ffff::/48").header(ProxyHeader.FORWARDED).build();

  private static InetAddress ip(String literal) {
    return IpLiterals.parse(literal).orElseThrow();
  }

  @Test
  void anUntrustedPeerRotatingXForwardedForIsKeyedByThePeer() {
    InetAddress peer = ip("198.51.100.9");
    for (int i = 0; i < 50; i++) {
      InetAddress client = xff.resolve(peer, List.of("203.0.113." + i), List.of("for=203.0.113." + i));
      assertEquals(peer, client);
    }
    assertEquals("198.51.100.9/32", xff.clientKey(xff.resolve(peer, List.of("1.2.3.4"), List.of())));
  }

  @Test
  void behindATrustedChainTheFirstUntrustedHopFromTheRightIsTheClient() {
    InetAddress peer = ip("10.0.0.2");
    assertEquals(ip("203.0.113.7"), xff.resolve(peer, List.of("203.0.113.7, 10.1.1.1"), List.of()));
    // The client's own forged entries are left of the hop our proxy saw; they are never reached.
    assertEquals(ip("203.0.113.7"), xff.resolve(peer, List.of("6.6.6.6, 7.7.7.7", "203.0.113.7, 10.1.1.1"), List.of()));
    assertEquals(ip("2001:db8::5"), xff.resolve(peer, List.of("2001:db8::5, fd00::1"), List.of()));
    assertEquals(ip("203.0.113.7"), xff.resolve(peer, List.of("203.0.113.7:51234"), List.of()));
    assertEquals(ip("10.9.9.9"), xff.resolve(peer, List.of("10.9.9.9, 10.1.1.1"), List.of()), "all hops trusted");
    assertEquals(peer, xff.resolve(peer, List.of(), List.of()), "no header");
    assertEquals(peer, xff.resolve(peer, List.of(), List.of("for=203.0.113.7")), "the other header is not read");
  }

  @Test
  void forwardedWithQuotedIpv6AndPorts() {
    InetAddress peer = ip("10.0.0.2");
    assertEquals(ip("2001:db8:cafe::17"),
        fwd.resolve(peer, List.of(), List.of("for=\"[2001:db8:cafe::17]:4711\"")));
    assertEquals(ip("192.0.2.43"),
        fwd.resolve(peer, List.of(), List.of("for=192.0.2.43, for=\"[2001:db8:ffff::1]\";proto=https;by=10.0.0.1")));
    assertEquals(ip("192.0.2.60"),
        fwd.resolve(peer, List.of(), List.of("For=\"192.0.2.60:8080\";proto=http;by=203.0.113.43")));
    assertEquals(ip("198.51.100.17"),
        fwd.resolve(peer, List.of("1.1.1.1"), List.of("for=192.0.2.43", "for=198.51.100.17;proto=https")));
    assertEquals(peer, fwd.resolve(peer, List.of("203.0.113.9"), List.of()), "X-Forwarded-For is not read");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "garbage", "203.0.113.7,,10.1.1.1", "203.0.113.7;10.1.1.1", "256.1.1.1",
      "1.2.3", "127.1", "0x7f.0.0.1", "01.2.3.4", "example.com", "localhost", "[::1", "::1]", "1:2:3", "fe80::1%eth0",
      "203.0.113.7:99999", "unknown", "\u0000", "[203.0.113.7]"})
  void garbageXForwardedForFallsBackToThePeer(String value) {
    InetAddress peer = ip("10.0.0.2");
    assertEquals(peer, xff.resolve(peer, List.of(value), List.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"for=unknown", "for=_hidden", "for=[2001:db8::1]", "for=\"[2001:db8::1]", "proto=https",
      "for=1.2.3.4;for=5.6.7.8", "for=", "=1.2.3.4", "for=1.2.3.4 x", "for=\"example.com\"", "for=1.2.3.4,",
      "garbage", "for=\"1.2.3.4\", for=unknown"})
  void garbageForwardedFallsBackToThePeer(String value) {
    InetAddress peer = ip("10.0.0.2");
    assertEquals(peer, fwd.resolve(peer, List.of(), List.of(value)));
  }

  @Test
  void oversizedHeadersFallBackToThePeer() {
    InetAddress peer = ip("10.0.0.2");
    String many = "203.0.113.7" + ", 10.0.0.1".repeat(40);
    assertEquals(peer, xff.resolve(peer, List.of(many), List.of()));
    assertEquals(peer, xff.resolve(peer, List.of("1.2.3.4, ".repeat(600) + "1.2.3.4"), List.of()));
  }

  @Test
  void ipv6ClientsInOneSlash56ShareAKey() {
    String a = xff.clientKey(ip("2001:db8:1234:5601::1"));
    String b = xff.clientKey(ip("2001:db8:1234:56ff:ffff::9"));
    String other = xff.clientKey(ip("2001:db8:1234:5700::1"));
    assertEquals(a, b);
    assertNotEquals(a, other);
    assertEquals("2001:db8:1234:5600:0:0:0:0/56", a);
    assertEquals("203.0.113.7/32", xff.clientKey(ip("203.0.113.7")));
    assertEquals("203.0.113.7/32", xff.clientKey(ip("::ffff:203.0.113.7")), "IPv4-mapped is IPv4");
    ClientIpResolver per64 = ClientIpResolver.builder().ipv6Prefix(64).ipv4Prefix(24).build();
    assertNotEquals(per64.clientKey(ip("2001:db8:1234:5601::1")), per64.clientKey(ip("2001:db8:1234:5602::1")));
    assertEquals("203.0.113.0/24", per64.clientKey(ip("203.0.113.7")));
  }

  @Test
  void peerLiteralsAreParsedWithoutLookups() {
    assertEquals(ip("203.0.113.7"), xff.resolve("203.0.113.7", List.of(), List.of()));
    assertEquals(ip("::1"), xff.resolve("[::1]", List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> xff.resolve("localhost", List.of(), List.of()));
  }

  @Test
  void badTrustedProxyConfigurationFailsWithAFix() {
    IllegalArgumentException hostBits = assertThrows(IllegalArgumentException.class,
        () -> ClientIpResolver.builder().trustedProxies(List.of("10.0.0.1/8")));
    assertTrue(hostBits.getMessage().contains("10.0.0.0/8"), hostBits.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClientIpResolver.builder().trustedProxies(List.of("10.0.0.0/33")));
    assertThrows(IllegalArgumentException.class, () -> ClientIpResolver.builder().trustedProxies(List.of("proxy.internal")));
    assertThrows(IllegalArgumentException.class, () -> ClientIpResolver.builder().trustedProxies(List.of("::/129")));
    assertTrue(ClientIpResolver.builder().trustedProxies(List.of("::1", "0.0.0.0/0")).build().isTrusted(ip("8.8.8.8")));
  }
}
