#ifndef JIXIAO_CRECORDSCAN_H
#define JIXIAO_CRECORDSCAN_H

/*
 * The reader's loops over bytes, sixteen at a time: Swift has no portable way to turn
 * a vector comparison into a bit mask. Reading a record's bytes eight at a time in
 * Swift was a fifth of a load's time.
 */

#include <stdint.h>

/* Reads the record starting at `position` in `bytes` (of `count` bytes), its fields
   separated by `separator`. Writes each field's start and end offsets into `out`
   (pairs; at most `capacity` fields) and their number into `fields`, and returns the
   offset after the record's line end (LF, CR LF or a lone CR). Returns -1, with
   nothing moved, for any other record: a field that starts with a quote, a NUL byte,
   more fields than `capacity`, or no line end within the bytes. */
int64_t jixiao_plain_record(const uint8_t *bytes, int64_t count, int64_t position, uint8_t separator,
                            int64_t *out, int64_t capacity, int64_t *fields);

/* Whether the `count` bytes are valid UTF-8 (no overlong forms, surrogates or code
   points above U+10FFFF). Runs of ASCII and of three-byte sequences, which are most of
   a dataset's Chinese text, are classified sixteen bytes at a time; the loader checks
   every cell it does not otherwise parse, and one byte at a time this was 7 % of a
   load's time. */
int jixiao_utf8_valid(const uint8_t *bytes, int64_t count);

#endif
