// Counting newlines is how a finding's line number is found: one near the end of a large
// plan is counted from the start. Sixteen bytes per instruction with SSE2 (which every
// x86-64 processor has) is four to six times the speed of the eight-bytes-at-a-time Swift
// loop it replaces; Swift's SIMD types compiled to a loop over the lanes instead.
#include "CByteScan.h"

#if defined(__SSE2__)
#include <emmintrin.h>

size_t kp_count_newlines(const unsigned char *bytes, size_t count) {
    const __m128i newline = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
    size_t total = 0, i = 0;
    while (count - i >= 16) {
        // A lane counts at most 255 blocks before the lanes are added up.
        __m128i lanes = zero;
        for (int blocks = 0; blocks < 255 && count - i >= 16; blocks++, i += 16) {
            // A match is 0xFF, that is -1: subtracting it counts one.
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(bytes + i)), newline));
        }
        __m128i sums = _mm_sad_epu8(lanes, zero);
        total += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
    }
    for (; i < count; i++) total += bytes[i] == '\n';
    return total;
}

#else

size_t kp_count_newlines(const unsigned char *bytes, size_t count) {
    size_t total = 0;
    for (size_t i = 0; i < count; i++) total += bytes[i] == '\n';
    return total;
}

#endif
