package dev.bulwark.sample;

import dev.bulwark.annotations.GET;
import dev.bulwark.annotations.HttpApi;
import dev.bulwark.annotations.RateKey;
import dev.bulwark.annotations.RateLimited;
import dev.bulwark.annotations.Secured;
import java.util.List;

/** Administration: only for the admin role. */
@HttpApi(value = "/api/admin", roles = Role.class)
@Secured(roles = "admin")
@RateLimited(capacity = 60, period = "1m", key = RateKey.PRINCIPAL)
public interface AdminApi {
  @GET("/users")
  List<AuthApi.Profile> users();
}
