#ifndef KPLAN_CBYTESCAN_H
#define KPLAN_CBYTESCAN_H
#include <stddef.h>

/// The number of newline bytes (0x0A) in bytes[0 ..< count].
size_t kp_count_newlines(const unsigned char *bytes, size_t count);

#endif
