package dev.bulwark.data.it;

import dev.bulwark.annotations.GET;
import dev.bulwark.annotations.HttpApi;
import dev.bulwark.annotations.PathParam;
import dev.bulwark.annotations.Public;

/** An HTTP API over repositories, to check what a database failure looks like to a client. */
@HttpApi("/api/notes")
@Public(reason = "the data-tests fixture checks error scrubbing, not authentication")
@dev.bulwark.annotations.RateLimited(capacity = 1_000_000, period = "1m", key = dev.bulwark.annotations.RateKey.CLIENT_IP)
public interface NotesApi {
  /** Reads a table that does not exist: the driver's error names it, and the SQL. */
  @GET("/broken/{id}")
  String broken(@PathParam("id") long id);

  /** Inserts the same post twice: the application maps the unique violation to a 409. */
  @GET("/duplicate/{n}")
  String duplicate(@PathParam("n") long n);
}
