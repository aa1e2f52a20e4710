package dev.bulwark.runtime.transport;

import java.util.regex.Pattern;

/**
 * An optional plain-HTTP listener next to the HTTPS one. It never serves the API: it either redirects every request to
 * the same path over HTTPS (308, so the method and body are kept), or refuses it (403). The redirect goes to the host
 * the client asked for (its {@code Host} header, checked to be a plain host name or address) on the HTTPS port.
 */
public final class PlainHttp {
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]");

  private final int port;
  private final boolean redirect;

  private PlainHttp(int port, boolean redirect) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("the plain-HTTP port must be between 0 and 65535 (was " + port + ")");
    }
    this.port = port;
    this.redirect = redirect;
  }

  /** A listener on the port that redirects to HTTPS. */
  public static PlainHttp redirect(int port) {
    return new PlainHttp(port, true);
  }

  /** A listener on the port that refuses every request with a 403 problem. */
  public static PlainHttp refuse(int port) {
    return new PlainHttp(port, false);
  }

  public int port() {
    return port;
  }

  public boolean redirects() {
    return redirect;
  }

  /**
   * The {@code Location} for a plain request, or {@code null} when it must be refused (refusing listener, or a
   * {@code Host} or target that cannot be redirected safely).
   */
  public String location(String hostHeader, String rawPath, String rawQuery, int httpsPort) {
    if (!redirect || hostHeader == null) {
      return null;
    }
    String host = hostHeader.trim();
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(']') < colon) {
      host = host.substring(0, colon);
    }
    if (!HOST.matcher(host).matches() || RequestFirewall.pathProblem(rawPath) != null) {
      return null;
    }
    StringBuilder location = new StringBuilder("https://").append(host);
    if (httpsPort != 443) {
      location.append(':').append(httpsPort);
    }
    location.append(rawPath);
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (int i = 0; i < rawQuery.length(); i++) {
        char c = rawQuery.charAt(i);
        if (c <= 0x20 || c >= 0x7f) {
          return null;
        }
      }
      location.append('?').append(rawQuery);
    }
    return location.toString();
  }
}
