import type { Migration } from './migration.ts';

// Revocation lists fetched from the CAs' distribution points (docs/signing.md "Revocation"), so
// that the verifier and the signer have them offline. The lists themselves are files beside the
// database (crls/<sha256>.crl, written durably before the row that names them); a row says where
// each came from and how new it is, so a refresh never replaces a list with an older one.
export const migration0006: Migration = {
  version: 6,
  name: 'crl-cache',
  up(db) {
    db.exec(`
      CREATE TABLE crl_cache (
        url TEXT PRIMARY KEY,
        -- The CRL's issuer as people read it (RFC 4514).
        issuer TEXT NOT NULL,
        this_update TEXT NOT NULL,
        -- NULL: the CRL names no next update.
        next_update TEXT,
        -- The cRLNumber extension in hexadecimal, NULL when the CRL has none.
        crl_number TEXT CHECK (crl_number IS NULL OR (length(crl_number) > 0 AND crl_number NOT GLOB '*[^0-9a-f]*')),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        size INTEGER NOT NULL CHECK (size > 0),
        -- What the server said about these bytes, sent back so an unchanged list costs a 304.
        etag TEXT,
        last_modified TEXT,
        -- When these bytes were fetched, and the last time the server confirmed them or sent them.
        fetched_at TEXT NOT NULL,
        checked_at TEXT NOT NULL,
        -- The last refresh that failed since then (the list above is kept): for the clerk, and in
        -- English for the log.
        failure_vi TEXT,
        failure_detail TEXT,
        failed_at TEXT,
        CHECK ((failure_vi IS NULL) = (failed_at IS NULL))
      ) STRICT;

      -- Distribution points of signer certificates seen in verified documents, with the issuer
      -- whose key must have signed the list; the trust list's own points are read from it.
      CREATE TABLE crl_sources (
        url TEXT PRIMARY KEY,
        certificate BLOB NOT NULL,
        issuer BLOB NOT NULL,
        noted_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
