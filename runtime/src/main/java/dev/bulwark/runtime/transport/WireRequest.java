package dev.bulwark.runtime.transport;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * What the transport checks need to see of a request beyond {@code Exchange}: the protocol and every value of a
 * header, exactly as the server parsed them. Both server adapters implement it next to {@code Exchange}.
 */
public interface WireRequest {

  /** The protocol of the request line, such as {@code HTTP/1.1}. */
  String protocol();

  /** Every value of a header, one per header line, in order; empty when absent. */
  List<String> headerValues(String name);

  /** Visits every header line (name, value). */
  void forEachHeader(BiConsumer<String, String> visitor);
}
