// UTF-8 validation for outside input (exports, request bodies).
#ifndef REUNITE_COMMON_UTF8_H_
#define REUNITE_COMMON_UTF8_H_

#include <cstddef>
#include <string_view>

namespace reunite {

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
// On false, `*bad_offset` (if given) is the byte offset of the first bad sequence.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

}  // namespace reunite

#endif  // REUNITE_COMMON_UTF8_H_
