#include "CRecordScan.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* One byte at a time, from a sequence's first byte, until at least `least` bytes are
   taken: the offset where the next sequence starts (n at the end), or -1 when the bytes
   are not UTF-8. */
static int64_t valid_through(const uint8_t *p, int64_t n, int64_t least) {
  int64_t i = 0;
  while (i < n && i < least) {
    uint8_t c = p[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    if ((uint8_t)(c - 0xE1) < 0x0C || (uint8_t)(c - 0xEE) < 0x02) {
      if (i + 3 > n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) return -1;
      i += 3;
      continue;
    }
    int length;
    uint8_t low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) length = 2;
    else if (c == 0xE0) { length = 3; low = 0xA0; }
    else if (c == 0xED) { length = 3; high = 0x9F; }
    else if (c == 0xF0) { length = 4; low = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) length = 4;
    else if (c == 0xF4) { length = 4; high = 0x8F; }
    else return -1;
    if (i + length > n) return -1;
    if (p[i + 1] < low || p[i + 1] > high) return -1;
    for (int k = 2; k < length; k++)
      if ((p[i + k] & 0xC0) != 0x80) return -1;
    i += length;
  }
  return i;
}

#if defined(__SSE2__)
/* For the `w` bytes (at most 64) at p, of a text ending at `end`: bit k of *lead set
   when byte k leads a three-byte sequence whose second byte may be any continuation
   byte (E1-EC, EE, EF), of *cont when it is a continuation byte (80-BF), of *other
   when it is neither and not ASCII. */
static void classify(const uint8_t *p, int64_t w, const uint8_t *text, const uint8_t *end, uint64_t *lead,
                     uint64_t *cont, uint64_t *other) {
  uint64_t l = 0, c = 0, high = 0;
  const __m128i below_lead = _mm_set1_epi8((char)0xE0);  /* -32 */
  const __m128i above_lead = _mm_set1_epi8((char)0xF0);  /* -16 */
  const __m128i surrogate_lead = _mm_set1_epi8((char)0xED);
  const __m128i first_lead = _mm_set1_epi8((char)0xC0);  /* -64 */
  for (int64_t s = 0; s < w; s += 16) {
    __m128i v;
    int shift = 0;
    if (p + s + 16 <= end) {
      v = _mm_loadu_si128((const __m128i *)(p + s));
    } else if (end - text >= 16) {
      /* The last sixteen bytes of the text, moved down to start at s. */
      v = _mm_loadu_si128((const __m128i *)(end - 16));
      shift = (int)(p + s + 16 - end);
    } else {
      uint8_t tail[16] = {0};
      memcpy(tail, p + s, (size_t)(end - (p + s)));
      v = _mm_loadu_si128((const __m128i *)tail);
    }
    __m128i is_lead = _mm_andnot_si128(_mm_cmpeq_epi8(v, surrogate_lead),
                                       _mm_and_si128(_mm_cmpgt_epi8(v, below_lead), _mm_cmplt_epi8(v, above_lead)));
    uint64_t bl = (uint64_t)(unsigned)_mm_movemask_epi8(is_lead) >> shift;
    uint64_t bc = (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, first_lead)) >> shift;
    uint64_t bh = (uint64_t)(unsigned)_mm_movemask_epi8(v) >> shift;
    l |= bl << s;
    c |= bc << s;
    high |= bh << s;
  }
  uint64_t keep = w == 64 ? ~(uint64_t)0 : (((uint64_t)1 << w) - 1);
  *lead = l & keep;
  *cont = c & keep;
  *other = high & keep & ~l & ~c;
}
#endif

int jixiao_utf8_valid(const uint8_t *bytes, int64_t count) {
#if defined(__SSE2__)
  const uint8_t *end = bytes + count;
  int64_t i = 0;
  while (i < count) {
    int64_t w = count - i < 64 ? count - i : 64;
    uint64_t lead, cont, other;
    classify(bytes + i, w, bytes, end, &lead, &cont, &other);
    /* Two- and four-byte sequences, and the leads with a narrower second byte, go one
       byte at a time through this window (i is always where a sequence starts). */
    if (other != 0) {
      int64_t taken = valid_through(bytes + i, count - i, w);
      if (taken < 0) return 0;
      i += taken;
      continue;
    }
    uint64_t expected = (lead << 1) | (lead << 2);
    if ((lead & expected) != 0) return 0;
    int64_t used = w;
    if (i + w < count) {
      /* A sequence that starts in the last two bytes is taken by the next window. */
      if (lead >> 63) used = 63;
      else if ((lead >> 62) & 1) used = 62;
    } else if (((lead >> (w - 1)) & 1) || (w >= 2 && ((lead >> (w - 2)) & 1))) {
      return 0;
    }
    uint64_t below = used == 64 ? ~(uint64_t)0 : (((uint64_t)1 << used) - 1);
    if ((cont & below) != (expected & below)) return 0;
    i += used;
  }
  return 1;
#else
  return valid_through(bytes, count, count) >= 0;
#endif
}
