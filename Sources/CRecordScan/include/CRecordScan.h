#ifndef JIXIAO_CRECORDSCAN_H
#define JIXIAO_CRECORDSCAN_H

/*
 * Finds the fields of one CSV record that holds no quoted field, sixteen bytes at a
 * time: Swift has no portable way to turn a vector comparison into a bit mask, and
 * reading the record's bytes eight at a time in Swift was a fifth of a load's time.
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

#endif
