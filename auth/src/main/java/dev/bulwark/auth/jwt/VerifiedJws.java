package dev.bulwark.auth.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A compact JWS whose structure, header policy, key selection and signature have all been checked.
 *
 * @param header the protected header, parsed strictly
 * @param payload the decoded payload bytes (not yet interpreted)
 * @param key the configured key that verified the signature
 */
record VerifiedJws(ObjectNode header, byte[] payload, JwtKey key) {}
