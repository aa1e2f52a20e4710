package dev.bulwark.sample;

import dev.bulwark.annotations.Body;
import dev.bulwark.annotations.DELETE;
import dev.bulwark.annotations.GET;
import dev.bulwark.annotations.HttpApi;
import dev.bulwark.annotations.POST;
import dev.bulwark.annotations.PUT;
import dev.bulwark.annotations.PathParam;
import dev.bulwark.annotations.QueryParam;
import dev.bulwark.annotations.Status;
import java.util.List;
import java.util.Optional;

/** The sample's posts API; authentication, limits and validation arrive with the issues that add them. */
@HttpApi("/api/posts")
public interface PostsApi {
  @GET
  List<PostView> list(@QueryParam("limit") Optional<Integer> limit);

  @GET("/{id}")
  Optional<PostView> get(@PathParam("id") long id);

  @GET("/search")
  List<PostView> search(@QueryParam("q") String q);

  @POST
  @Status(201)
  PostView create(@Body NewPost post);

  @PUT("/{id}")
  Optional<PostView> update(@PathParam("id") long id, @Body NewPost post);

  @DELETE("/{id}")
  void delete(@PathParam("id") long id);
}
