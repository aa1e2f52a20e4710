package dev.bulwark.sample;

import dev.bulwark.annotations.Body;
import dev.bulwark.annotations.Caller;
import dev.bulwark.annotations.DELETE;
import dev.bulwark.annotations.GET;
import dev.bulwark.annotations.HttpApi;
import dev.bulwark.annotations.POST;
import dev.bulwark.annotations.PUT;
import dev.bulwark.annotations.PathParam;
import dev.bulwark.annotations.Public;
import dev.bulwark.annotations.QueryParam;
import dev.bulwark.annotations.Scheme;
import dev.bulwark.annotations.Secured;
import dev.bulwark.annotations.Status;
import dev.bulwark.auth.Principal;
import java.util.List;
import java.util.Optional;

/** Posts: a user lists and creates their own; the owner or an admin reads, updates and deletes one. */
@HttpApi(value = "/api/posts", roles = Role.class)
@Secured(roles = "user")
public interface PostsApi {
  @GET
  @Secured(roles = "user", schemes = {Scheme.BEARER, Scheme.API_KEY})
  List<PostView> list(@QueryParam("limit") Optional<Integer> limit, @Caller Principal me);

  @POST
  @Status(201)
  PostView create(@Body NewPost post, @Caller Principal me);

  @GET("/{id}")
  @Secured(roles = {"user", "admin"}, owner = PostOwnership.class)
  Optional<PostView> get(@PathParam("id") long id);

  @PUT("/{id}")
  @Secured(roles = {"user", "admin"}, owner = PostOwnership.class)
  Optional<PostView> update(@PathParam("id") long id, @Body NewPost post);

  @DELETE("/{id}")
  @Secured(roles = {"user", "admin"}, owner = PostOwnership.class)
  void delete(@PathParam("id") long id);

  @GET("/search")
  @Public(reason = "anonymous readers may search")
  List<PostView> search(@QueryParam("q") String q);
}
