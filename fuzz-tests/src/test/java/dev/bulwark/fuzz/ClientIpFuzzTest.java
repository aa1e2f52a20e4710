package dev.bulwark.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.ratelimit.clientip.ClientIpResolver;
import dev.bulwark.ratelimit.clientip.ProxyHeader;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The client-IP resolver on arbitrary {@code X-Forwarded-For} and {@code Forwarded} values behind trusted proxies
 * (10.0.0.0/8, fd00::/8 and 127.0.0.1). Properties:
 *
 * <ul>
 *   <li>an untrusted peer is always the answer, whatever the headers say (a client cannot choose its key);
 *   <li>only the configured header is read: the other one can be anything without changing the answer;
 *   <li>hops a client prepends on the left never change an answer taken from further right;
 *   <li>an answer other than the peer is an untrusted hop, or the left-most when every hop is trusted;
 *   <li>the answer is a literal address with no host name attached (no DNS lookup), and its rate-limit key is a
 *       valid CIDR that contains it;
 *   <li>the only exception is {@link IllegalArgumentException} for a peer that is not an IP literal.
 * </ul>
 */
final class ClientIpFuzzTest {
  private static final List<String> TRUSTED = List.of("10.0.0.0/8", "fd00::/8", "127.0.0.1");
  private static final ClientIpResolver XFF = ClientIpResolver.builder().trustedProxies(TRUSTED).build();
  private static final ClientIpResolver FORWARDED =
      ClientIpResolver.builder().trustedProxies(TRUSTED).header(ProxyHeader.FORWARDED).build();
  private static final List<String> PEERS = List.of("10.1.2.3", "127.0.0.1", "[fd00::1]", "fd00::2", "10.0.0.1:8080",
      "203.0.113.5", "2001:db8::5", "[2001:db8::5]:443", "192.168.1.1", "::ffff:10.0.0.1");
  private static final String SPOOF_XFF = "198.51.100.77, ";
  private static final String SPOOF_FORWARDED = "for=198.51.100.77, ";

  @FuzzTest(maxDuration = "30s")
  void resolve(FuzzedDataProvider data) {
    boolean forwardedMode = data.consumeBoolean();
    ClientIpResolver resolver = forwardedMode ? FORWARDED : XFF;
    String peer = data.consumeBoolean() ? data.pickValue(PEERS) : data.consumeString(48);
    List<String> xff = lines(data);
    List<String> forwarded = lines(data);

    InetAddress peerAddress;
    try {
      peerAddress = resolver.resolve(peer, List.of(), List.of());
    } catch (IllegalArgumentException e) {
      assertFalse(PEERS.contains(peer), "a valid peer literal was refused: " + peer);
      assertEquals("the socket peer is not an IP address literal", e.getMessage());
      return;
    }
    InetAddress answer = resolver.resolve(peer, xff, forwarded);
    assertLiteral(answer);
    assertLiteral(peerAddress);

    if (!resolver.isTrusted(peerAddress)) {
      assertEquals(peerAddress, answer, "an untrusted peer's headers chose the client address");
    }
    List<String> read = forwardedMode ? forwarded : xff;
    if (!answer.equals(peerAddress)) {
      assertFalse(read.isEmpty(), "an answer other than the peer without the configured header");
    }
    // The header that is not configured is never read.
    InetAddress ignoringOther = forwardedMode ? resolver.resolve(peer, List.of("203.0.113.200"), forwarded)
        : resolver.resolve(peer, xff, List.of("for=203.0.113.200"));
    assertEquals(answer, ignoringOther, "the header that is not configured changed the answer");

    // A spoofed hop on the left cannot change an answer found further right (within the size and hop caps).
    if (!answer.equals(peerAddress) && !resolver.isTrusted(answer) && !read.isEmpty()) {
      List<String> spoofed = new ArrayList<>(read);
      spoofed.set(0, (forwardedMode ? SPOOF_FORWARDED : SPOOF_XFF) + read.get(0));
      if (length(spoofed) <= ClientIpResolver.MAX_HEADER_CHARS && commas(spoofed) + spoofed.size() <= ClientIpResolver.MAX_HOPS) {
        InetAddress again = forwardedMode ? resolver.resolve(peer, xff, spoofed) : resolver.resolve(peer, spoofed, forwarded);
        assertEquals(answer, again, "a hop prepended by the client changed the answer");
      }
    }

    String key = resolver.clientKey(answer);
    ClientIpResolver keyNetwork = ClientIpResolver.builder().trustedProxies(List.of(key)).build();
    assertTrue(keyNetwork.isTrusted(answer), "the rate-limit key " + key + " does not contain " + answer);
  }

  private static List<String> lines(FuzzedDataProvider data) {
    int n = data.consumeInt(0, 2);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(data.consumeString(160));
    }
    return out;
  }

  /** An address made from a literal has no host name: its toString starts with the slash. */
  private static void assertLiteral(InetAddress address) {
    assertTrue(address.toString().startsWith("/"), "the address carries a host name: " + address);
  }

  private static int length(List<String> values) {
    return values.stream().mapToInt(String::length).sum();
  }

  private static int commas(List<String> values) {
    return (int) values.stream().flatMapToInt(String::chars).filter(c -> c == ',').count();
  }
}
