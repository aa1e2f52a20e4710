package dev.bulwark.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The private redis-server the outage tests stop and start, and the free-port helper they rely on. */
class RedisProcessTest {

  @Test
  void stopsAndStartsAgainOnTheSamePort() throws Exception {
    try (RedisProcess redis = RedisProcess.start()) {
      assertTrue(Services.listening(redis.port()));
      assertNotEquals(6379, redis.port(), "a private server, never the machine's");
      assertTrue(redis.uri().endsWith(":" + redis.port()));
      redis.stop();
      assertFalse(Services.listening(redis.port()));
      redis.startAgain();
      assertTrue(Services.listening(redis.port()));
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", redis.port()), 1000);
        socket.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] reply = socket.getInputStream().readNBytes(7);
        assertTrue(new String(reply, java.nio.charset.StandardCharsets.US_ASCII).startsWith("+PONG"));
      }
    }
  }

  @Test
  void aFreePortHasNoListener() throws Exception {
    int port = Services.freePort();
    assertTrue(port > 0 && port < 65536);
    assertFalse(Services.listening(port));
  }
}
