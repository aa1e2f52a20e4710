package dev.bulwark.benchmarks.spring;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/** Spring Security: stateless, Bearer JWT only, {@code ROLE_user} for the endpoint, everything else denied. */
@Configuration
class SecurityConfig {
  static final String ISSUER = "https://auth.bench.example";
  static final String AUDIENCE = "bench-api";

  @Bean
  SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/bench/orders").hasRole("user")
            .anyRequest().denyAll())
        .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(authorities())))
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  private static JwtAuthenticationConverter authorities() {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName("roles");
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(roles);
    return converter;
  }

  @Bean
  JwtDecoder jwtDecoder(@Value("${bench.keys}") String keysDir) throws IOException {
    Properties keys = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(keysDir, "keys-HS256.properties"), StandardCharsets.UTF_8)) {
      keys.load(in);
    }
    SecretKey secret = new SecretKeySpec(Base64.getDecoder().decode(keys.getProperty("secret")), "HmacSHA256");
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secret).macAlgorithm(MacAlgorithm.HS256)
        .validateType(false) // typ is checked below, as at+jwt (RFC 9068), not JWT
        .build();
    OAuth2TokenValidator<Jwt> type = jwt -> "at+jwt".equalsIgnoreCase(String.valueOf(jwt.getHeaders().get("typ")))
        ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not an access token", null));
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
        new JwtTimestampValidator(Duration.ofSeconds(30)), // exp and nbf, 30 s of skew as on the other variants
        new JwtIssuerValidator(ISSUER),
        new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(AUDIENCE)),
        new JwtClaimValidator<Object>("exp", exp -> exp != null),
        new JwtClaimValidator<Object>("sub", sub -> sub != null),
        type)));
    return decoder;
  }
}
