package dev.bulwark.sample;

import dev.bulwark.annotations.GET;
import dev.bulwark.annotations.HttpApi;
import dev.bulwark.annotations.Secured;
import java.util.List;

/** Administration: only for the admin role. */
@HttpApi(value = "/api/admin", roles = Role.class)
@Secured(roles = "admin")
public interface AdminApi {
  @GET("/users")
  List<AuthApi.Profile> users();
}
