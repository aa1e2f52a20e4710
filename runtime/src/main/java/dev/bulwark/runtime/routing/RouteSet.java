package dev.bulwark.runtime.routing;

import java.util.List;

/** The routes of one API; the processor generates one implementation per {@code @HttpApi} interface. */
public interface RouteSet {
  /** The routes, in declaration order. */
  List<Route> routes();
}
