package dev.bulwark.benchmarks.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The load benchmark's endpoint as a team would write it today on Spring Boot: Spring Security's OAuth 2.0 resource
 * server (NimbusJwtDecoder with the HS256 secret; issuer, audience, expiry and the at+jwt type checked), a role
 * check, a per-principal Bucket4j bucket, a bean-validated five-field body (Hibernate Validator) and a JSON record.
 * Start: {@code java -jar spring-peer.jar --server.port=N --bench.keys=DIR}.
 */
@SpringBootApplication
public class SpringPeer {
  public static void main(String[] args) {
    SpringApplication.run(SpringPeer.class, args);
  }
}
