package dev.bulwark.runtime.routing;

import dev.bulwark.runtime.http.HttpCall;

/** One endpoint's generated handler: binds the call, invokes the implementation, writes the response. */
@FunctionalInterface
public interface Handler {
  /** Handles a call whose route has matched; anything it throws becomes a problem response. */
  void handle(HttpCall call) throws Exception;
}
