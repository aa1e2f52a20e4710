/**
 * What the generated handlers call. {@code http} is the platform-neutral request view and the problem responses,
 * {@code routing} matches paths, {@code bind} converts parameters, {@code json} is the strict JSON codec,
 * {@code server} is the pipeline and the facade, and {@code jdk} and {@code javalin} adapt the two servers.
 */
package dev.bulwark.runtime;
