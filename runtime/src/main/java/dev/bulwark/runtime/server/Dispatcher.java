package dev.bulwark.runtime.server;

import dev.bulwark.runtime.http.Exchange;
import dev.bulwark.runtime.http.HttpCall;
import dev.bulwark.runtime.http.HttpProblem;
import dev.bulwark.runtime.http.Problems;
import dev.bulwark.runtime.http.RequestIds;
import dev.bulwark.runtime.routing.RouteMatch;
import dev.bulwark.runtime.routing.Router;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline every server runs, in this order: request id and security headers (so that errors carry them
 * too), header limits (431), method screening (TRACE and CONNECT refused; override headers never read), routing
 * (404, 405 with {@code Allow}), then the generated handler. Whatever fails becomes a problem response; an exception
 * that is not a {@link HttpProblem} is a 500 whose detail goes only to the log, under the request id.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger("bulwark.http");

  private final Router router;
  private final ServerSettings settings;

  public Dispatcher(Router router, ServerSettings settings) {
    this.router = router;
    this.settings = settings;
  }

  /** Runs one request to completion; never throws. */
  public void dispatch(Exchange exchange) {
    String requestId = RequestIds.next();
    try {
      exchange.setHeader(RequestIds.HEADER, requestId);
      settings.headers().applyTo(exchange);
      if (exchange.headerBytes() > settings.maxHeaderBytes() || exchange.headerCount() > settings.maxHeaderCount()) {
        throw HttpProblem.of(431, "header block over the limit");
      }
      String method = exchange.method();
      RouteMatch match = router.match(method, exchange.rawPath());
      if (match.route() == null) {
        if (match.allow() != null) {
          throw HttpProblem.of(405, method + " not allowed").withHeader("Allow", match.allow());
        }
        throw HttpProblem.of(404, "no route");
      }
      match.route().handler().handle(new HttpCall(exchange, requestId, settings, match));
      if (!exchange.sent()) {
        throw new IllegalStateException("handler " + match.route().name() + " sent no response");
      }
    } catch (HttpProblem problem) {
      LOG.debug("[{}] {} {}", requestId, problem.status(), problem.logDetail());
      sendProblem(exchange, requestId, problem);
    } catch (Throwable failure) {
      LOG.error("[{}] unhandled failure in {} {}", requestId, exchange.method(), safePath(exchange), failure);
      sendProblem(exchange, requestId, HttpProblem.of(500, "unhandled"));
    }
  }

  /** Sends a problem for a request that failed before or outside the pipeline (a server-level error). */
  public void sendProblem(Exchange exchange, String requestId, HttpProblem problem) {
    if (exchange.sent()) {
      return;
    }
    try {
      exchange.setHeader(RequestIds.HEADER, requestId);
      settings.headers().applyTo(exchange);
      problem.headers().forEach(exchange::setHeader);
      exchange.send(problem.status(), Problems.CONTENT_TYPE, Problems.body(problem.status(), requestId, problem.errors()));
    } catch (IOException | RuntimeException e) {
      LOG.debug("[{}] could not send the problem response", requestId, e);
    }
  }

  private static String safePath(Exchange exchange) {
    String path = exchange.rawPath();
    if (path == null) {
      return "";
    }
    return path.length() > 200 ? path.substring(0, 200) : path.replaceAll("[\\p{Cntrl}]", "_");
  }
}
