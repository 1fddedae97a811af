#ifndef KPLAN_CBYTESCAN_H
#define KPLAN_CBYTESCAN_H
#include <stddef.h>

/// The number of newline bytes (0x0A) in bytes[0 ..< count].
size_t kp_count_newlines(const unsigned char *bytes, size_t count);

/// The first index from `from` on whose byte is a quote, a backslash, below 0x20 or from 0x80
/// on; `count` if there is none. `from` must not exceed `count`.
size_t kp_plain_string_end(const unsigned char *bytes, size_t from, size_t count);

#endif
