/** Shared {@link dev.bulwark.auth.token.TokenStore}s: {@link JdbcTokenStore} (SQL) and {@link RedisTokenStore}. */
package dev.bulwark.auth.token.store;
