#include "CRecordScan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int64_t jixiao_plain_record(const uint8_t *bytes, int64_t count, int64_t position, uint8_t separator,
                            int64_t *out, int64_t capacity, int64_t *fields) {
  const uint8_t quote = '"';
  if (position >= count || bytes[position] == quote) return -1;
  int64_t n = 0;
  int64_t start = position;
  int64_t p = position;
  /* Each flagged byte (the separator, LF, CR or NUL) ends a field or the record. */
#define JIXIAO_FLAGGED(at)                                                            \
  do {                                                                                \
    uint8_t b = bytes[at];                                                            \
    if (b == separator) {                                                             \
      if (n >= capacity) return -1;                                                   \
      out[2 * n] = start;                                                             \
      out[2 * n + 1] = (at);                                                          \
      n++;                                                                            \
      start = (at) + 1;                                                               \
      if (start < count && bytes[start] == quote) return -1;                          \
    } else if (b == '\n' || b == '\r') {                                              \
      if (n >= capacity) return -1;                                                   \
      out[2 * n] = start;                                                             \
      out[2 * n + 1] = (at);                                                          \
      n++;                                                                            \
      int64_t end = (at) + 1;                                                         \
      if (b == '\r' && end < count && bytes[end] == '\n') end++;                      \
      *fields = n;                                                                    \
      return end;                                                                     \
    } else {                                                                          \
      return -1;                                                                      \
    }                                                                                 \
  } while (0)
#if defined(__SSE2__)
  const __m128i sep = _mm_set1_epi8((char)separator);
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i nul = _mm_setzero_si128();
  while (p + 16 <= count) {
    __m128i w = _mm_loadu_si128((const __m128i *)(bytes + p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, sep), _mm_cmpeq_epi8(w, lf)),
                               _mm_or_si128(_mm_cmpeq_epi8(w, cr), _mm_cmpeq_epi8(w, nul)));
    unsigned mask = (unsigned)_mm_movemask_epi8(hit);
    while (mask != 0) {
      int64_t at = p + __builtin_ctz(mask);
      mask &= mask - 1;
      JIXIAO_FLAGGED(at);
    }
    p += 16;
  }
#endif
  for (; p < count; p++) {
    uint8_t b = bytes[p];
    if (b == separator || b == '\n' || b == '\r' || b == 0) JIXIAO_FLAGGED(p);
  }
  return -1;
#undef JIXIAO_FLAGGED
}
