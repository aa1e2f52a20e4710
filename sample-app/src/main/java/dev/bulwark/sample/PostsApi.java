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
import dev.bulwark.annotations.RateKey;
import dev.bulwark.annotations.RateLimited;
import dev.bulwark.annotations.Scheme;
import dev.bulwark.annotations.Secured;
import dev.bulwark.annotations.Status;
import dev.bulwark.auth.Principal;
import dev.bulwark.annotations.Sanitize;
import dev.bulwark.annotations.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/**
 * Posts: a user lists and creates their own; the owner or an admin reads, updates and deletes one, and reads and
 * writes its comments (a post's comments are as private as the post: anyone else gets the same 404).
 */
@HttpApi(value = "/api/posts", roles = Role.class)
@Secured(roles = "user")
@RateLimited(capacity = 300, period = "15m", key = RateKey.PRINCIPAL)
public interface PostsApi {
  /**
   * A search hit: the id and the title, nothing else. Search is public and posts are private to their owners, so
   * the body and the owner never leave through it.
   */
  record PostTitle(long id, String title) {}

  /** A comment as the API shows it. */
  record CommentView(long id, long postId, String authorId, String content, java.time.Instant createdAt) {}

  /** A new comment: basic HTML is kept, scripts and everything else removed, then it must still fit. */
  @Validated
  record NewComment(@NotBlank @Size(max = 1000) @Sanitize(Sanitize.Policy.BASIC_HTML) String content) {}

  @GET
  @Secured(roles = "user", schemes = {Scheme.BEARER, Scheme.API_KEY})
  List<PostView> list(@QueryParam("limit") @Min(1) @Max(100) Optional<Integer> limit, @Caller Principal me);

  @POST
  @Status(201)
  @RateLimited(capacity = 10, period = "1m", key = RateKey.PRINCIPAL)
  @RateLimited(capacity = 100, period = "1h", key = RateKey.PRINCIPAL)
  @RateLimited(capacity = 60, period = "1m", key = RateKey.PRINCIPAL, tier = "pro")
  @RateLimited(capacity = 1000, period = "1h", key = RateKey.PRINCIPAL, tier = "pro")
  PostView create(@Body NewPost post, @Caller Principal me);

  @GET("/{id}")
  @Secured(roles = {"user", "admin"}, owner = PostOwnership.class)
  Optional<PostView> get(@PathParam("id") long id);

  @PUT("/{id}")
  @RateLimited(capacity = 60, period = "1m", key = RateKey.PRINCIPAL, name = "posts.edits")
  @Secured(roles = {"user", "admin"}, owner = PostOwnership.class)
  Optional<PostView> update(@PathParam("id") long id, @Body NewPost post);

  @DELETE("/{id}")
  @RateLimited(capacity = 60, period = "1m", key = RateKey.PRINCIPAL, name = "posts.edits")
  @Secured(roles = {"user", "admin"}, owner = PostOwnership.class)
  void delete(@PathParam("id") long id);

  @GET("/search")
  @Public(reason = "anonymous readers may search")
  @RateLimited(capacity = 30, period = "1m", key = RateKey.CLIENT_IP)
  List<PostTitle> search(@QueryParam("q") @Size(max = 100) @Sanitize(Sanitize.Policy.TEXT) String q);

  @GET("/{id}/comments")
  @Secured(roles = {"user", "admin"}, owner = PostOwnership.class)
  List<CommentView> comments(@PathParam("id") long id);

  @POST("/{id}/comments")
  @Secured(roles = {"user", "admin"}, owner = PostOwnership.class)
  @RateLimited(capacity = 60, period = "1m", key = RateKey.PRINCIPAL, name = "posts.edits")
  @Status(201)
  CommentView comment(@PathParam("id") long id, @Body NewComment comment, @Caller Principal me);
}
