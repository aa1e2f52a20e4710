-- Bulwark JdbcTokenStore schema for PostgreSQL. ${prefix} is the store's validated table prefix
-- (lower case letters, digits and '_'; "bulwark_" by default). Times are epoch milliseconds (UTC), written
-- from the application's clock. JdbcTokenStore.createSchema() runs this file; a migration tool can run it too.

-- One row per refresh token, keyed by the token's SHA-256 (base64url); the token itself is never stored.
CREATE TABLE IF NOT EXISTS ${prefix}refresh_grant (
  token_hash        VARCHAR(128)  NOT NULL PRIMARY KEY,
  family_id         VARCHAR(128)  NOT NULL,
  subject           VARCHAR(1024) NOT NULL,
  roles             TEXT          NOT NULL,
  scopes            TEXT          NOT NULL,
  expires_at        BIGINT        NOT NULL,
  family_expires_at BIGINT        NOT NULL,
  spent             BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX IF NOT EXISTS ${prefix}refresh_grant_expiry ON ${prefix}refresh_grant (expires_at);

-- One row per login (family of rotated refresh tokens); revoked is only ever set, never cleared.
CREATE TABLE IF NOT EXISTS ${prefix}refresh_family (
  family_id  VARCHAR(128) NOT NULL PRIMARY KEY,
  expires_at BIGINT       NOT NULL,
  revoked    BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX IF NOT EXISTS ${prefix}refresh_family_expiry ON ${prefix}refresh_family (expires_at);

-- Access-token ids refused until expires_at (logout).
CREATE TABLE IF NOT EXISTS ${prefix}denied_jti (
  jti        VARCHAR(255) NOT NULL PRIMARY KEY,
  expires_at BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}denied_jti_expiry ON ${prefix}denied_jti (expires_at);
