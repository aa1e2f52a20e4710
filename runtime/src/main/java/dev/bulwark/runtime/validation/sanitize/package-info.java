/**
 * {@code @Sanitize}: the plain-text and basic-HTML policies (OWASP Java HTML Sanitizer) and the registry of the
 * application's own named policies, as pure functions usable outside an HTTP handler.
 */
package dev.bulwark.runtime.validation.sanitize;
