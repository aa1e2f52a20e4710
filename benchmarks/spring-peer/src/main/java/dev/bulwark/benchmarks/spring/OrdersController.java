package dev.bulwark.benchmarks.spring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The endpoint: the caller's bucket, then the validated body, then the receipt. */
@RestController
class OrdersController {
  private static final long CAPACITY = 1_000_000;

  /** The five-field body, validated by Hibernate Validator. */
  record Signup(
      @NotBlank @Size(max = 40) String name,
      @Email @Size(max = 254) String email,
      @Min(13) @Max(130) int age,
      @NotNull @Size(max = 5) List<@NotBlank @Size(max = 20) String> tags,
      @Pattern(regexp = "[A-Z]{2}") @Size(max = 2) String country) {}

  /** The result. */
  record Receipt(String id, String owner, String name, String country, int tags) {}

  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofSeconds(1)).build();

  @PostMapping(path = "/bench/orders", consumes = "application/json", produces = "application/json")
  ResponseEntity<Receipt> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Signup order) {
    Bucket bucket = buckets.get(jwt.getSubject(), k -> Bucket.builder()
        .addLimit(l -> l.capacity(CAPACITY).refillGreedy(CAPACITY, Duration.ofSeconds(1))).build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header("Retry-After", Long.toString(Math.max(1, probe.getNanosToWaitForRefill() / 1_000_000_000L))).build();
    }
    return ResponseEntity.ok().header("RateLimit", "\"create\";r=" + probe.getRemainingTokens() + ";t=1")
        .body(new Receipt("r-" + Integer.toHexString(order.name().hashCode()), jwt.getSubject(), order.name(),
            order.country(), order.tags().size()));
  }
}
