// The parser spends most of its time inside strings, looking for the byte that ends the plain
// run: a quote, a backslash, a control character or the start of a multi-byte UTF-8 sequence.
// Sixteen bytes per step with SSE2, as for newlines.
#include "CByteScan.h"

// Byte by byte: the last bytes of the file, or all of them without SSE2.
static size_t plain_bytes_end(const unsigned char *bytes, size_t i, size_t count) {
    while (i < count && bytes[i] >= 0x20 && bytes[i] < 0x80 && bytes[i] != '"' && bytes[i] != '\\') i++;
    return i;
}

#if defined(__SSE2__)
#include <emmintrin.h>

size_t kp_plain_string_end(const unsigned char *bytes, size_t from, size_t count) {
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
    size_t i = from;
    while (count - i >= 16) {
        const __m128i block = _mm_loadu_si128((const __m128i *)(bytes + i));
        // Signed, bytes from 0x80 are negative: one comparison finds control bytes and those.
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)),
                                             _mm_cmplt_epi8(block, space));
        const unsigned mask = (unsigned)_mm_movemask_epi8(special);
        if (mask != 0) return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
    return plain_bytes_end(bytes, i, count);
}

#else

size_t kp_plain_string_end(const unsigned char *bytes, size_t from, size_t count) {
    return plain_bytes_end(bytes, from, count);
}

#endif
