/**
 * {@code @OutboundUrl}: the server-side request forgery check (OWASP API7) for URLs the server will fetch, on the
 * URL's text and, after the application resolves it, on the address.
 */
package dev.bulwark.runtime.validation.url;
