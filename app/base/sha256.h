/*
 * sha256: the SHA-256 hash of FIPS 180-4 (NIST, "Secure Hash Standard",
 * August 2015, section 6.2), written out here so pydive needs no crypto
 * library.  It is used as an integrity checksum for exported learner files:
 * it detects a damaged or edited file, it does not prove who wrote it (anyone
 * can recompute it).  Streaming: init, update any number of times, final.
 */
#ifndef PYDIVE_BASE_SHA256_H
#define PYDIVE_BASE_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_BYTES 32
#define SHA256_HEX (2 * SHA256_BYTES + 1) /* hex digits and the NUL */

typedef struct Sha256 {
    uint32_t h[8];
    uint64_t total;        /* bytes hashed so far */
    unsigned char blk[64]; /* the partial block */
    size_t used;
} Sha256;

void sha256_init(Sha256 *s);
void sha256_update(Sha256 *s, const void *data, size_t len);
void sha256_final(Sha256 *s, unsigned char out[SHA256_BYTES]);
/* The digest of one buffer as 64 lowercase hex digits. */
void sha256_hex(const void *data, size_t len, char out[SHA256_HEX]);

#endif
