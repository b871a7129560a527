#include "names/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

namespace reunite::names {
namespace {

// What one ASCII byte becomes: a character to emit, a separator, or nothing.
constexpr char kSeparator = ' ';
constexpr char kRemove = '\0';

constexpr std::array<char, 128> MakeAsciiTable() {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = kSeparator;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c - 'A' + 'a');
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  t['\''] = kRemove;
  t['`'] = kRemove;
  return t;
}
constexpr std::array<char, 128> kAscii = MakeAsciiTable();

bool IsApostrophe(UChar32 c) {
  switch (c) {
    case 0x00B4:  // ´ acute accent used as an apostrophe
    case 0x02B9:  // ʹ modifier prime
    case 0x02BB:  // ʻ turned comma
    case 0x02BC:  // ʼ modifier letter apostrophe (glottal stop)
    case 0x02BD:
    case 0x02C8:  // ˈ
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201B:
    case 0x2032:  // ′ prime
    case 0xFF07:  // fullwidth '
      return true;
    default:
      return false;
  }
}

// Letters NFKD leaves alone.
const char* SpecialLetter(UChar32 c) {
  switch (c) {
    case 0x00DF:
      return "ss";  // ß
    case 0x00C6:
    case 0x00E6:
      return "ae";
    case 0x0152:
    case 0x0153:
      return "oe";
    case 0x00D8:
    case 0x00F8:
      return "o";
    case 0x0110:
    case 0x0111:
      return "d";
    case 0x0141:
    case 0x0142:
      return "l";
    case 0x00DE:
    case 0x00FE:
      return "th";
    case 0x0131:
      return "i";  // dotless i
    case 0x00D0:
    case 0x00F0:
      return "d";
    default:
      return nullptr;
  }
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(buf, n, U8_MAX_LENGTH, c, err);
  if (!err) out->append(buf, static_cast<size_t>(n));
}

bool IsMark(UChar32 c) {
  int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}

// The folded spelling of one non-ASCII code point: "" removes it, " " is a
// separator, otherwise ASCII letters/digits or UTF-8 of a kept letter.
std::string FoldCodePointSlow(UChar32 c) {
  if (IsApostrophe(c) || IsMark(c)) return "";
  if (const char* s = SpecialLetter(c)) return s;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString decomposed;
  if (U_FAILURE(status) || !nfkd->getDecomposition(c, decomposed)) {
    decomposed = icu::UnicodeString(c);
  }
  std::string out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    if (IsMark(d) || IsApostrophe(d)) continue;
    if (const char* s = SpecialLetter(d)) {
      out += s;
      continue;
    }
    if (d < 0x80) {
      char m = kAscii[static_cast<size_t>(d)];
      if (m != kRemove) out += m;
      continue;
    }
    if (!u_isalnum(d)) {
      out += kSeparator;
      continue;
    }
    AppendUtf8(u_tolower(d), &out);
  }
  return out;
}

// Code points below this are folded through a table built once.
constexpr UChar32 kTableLimit = 0x0370;

const std::array<std::string, kTableLimit>& FoldTable() {
  static const std::array<std::string, kTableLimit> table = [] {
    std::array<std::string, kTableLimit> t;
    for (UChar32 c = 0x80; c < kTableLimit; ++c) t[static_cast<size_t>(c)] = FoldCodePointSlow(c);
    return t;
  }();
  return table;
}

// Windows-1252 code points for the bytes 0x80..0x9F (0 where undefined).
constexpr std::array<uint16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

UChar32 Cp1252(uint8_t b) {
  if (b >= 0x80 && b < 0xA0) return kCp1252High[b - 0x80] == 0 ? 0x20 : kCp1252High[b - 0x80];
  return b;
}

// Decodes one code point at s[*i]; an invalid sequence yields the first byte
// read as Windows-1252 and advances one byte.
UChar32 NextCodePoint(std::string_view s, size_t* i) {
  auto b0 = static_cast<uint8_t>(s[*i]);
  auto cont = [&](size_t k) {
    return *i + k < s.size() && (static_cast<uint8_t>(s[*i + k]) & 0xC0) == 0x80;
  };
  auto at = [&](size_t k) { return static_cast<uint8_t>(s[*i + k]); };
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) {
    UChar32 c = ((b0 & 0x1F) << 6) | (at(1) & 0x3F);
    *i += 2;
    return c;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
    UChar32 c = ((b0 & 0x0F) << 12) | ((at(1) & 0x3F) << 6) | (at(2) & 0x3F);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      *i += 3;
      return c;
    }
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    UChar32 c =
        ((b0 & 0x07) << 18) | ((at(1) & 0x3F) << 12) | ((at(2) & 0x3F) << 6) | (at(3) & 0x3F);
    if (c >= 0x10000 && c <= 0x10FFFF) {
      *i += 4;
      return c;
    }
  }
  *i += 1;
  return Cp1252(b0);
}

// Appends folded characters, collapsing separators and trimming.
class FoldedWriter {
 public:
  explicit FoldedWriter(std::string* out) : out_(out) {}
  void Put(char c) {
    if (c == kSeparator) {
      pending_space_ = !out_->empty();
      return;
    }
    if (pending_space_) {
      out_->push_back(' ');
      pending_space_ = false;
    }
    out_->push_back(c);
  }
  void PutAll(std::string_view s) {
    for (char c : s) Put(c);
  }

 private:
  std::string* out_;
  bool pending_space_ = false;
};

}  // namespace

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

void FoldTextInto(std::string_view utf8, std::string* out) {
  out->clear();
  if (IsAscii(utf8)) {
    // Output is never longer than ASCII input: write in place, then trim.
    out->resize(utf8.size());
    char* buf = out->data();
    size_t len = 0;
    bool pending_space = false;
    for (char c : utf8) {
      char m = kAscii[static_cast<unsigned char>(c)];
      if (m == kRemove) continue;
      if (m == kSeparator) {
        pending_space = len > 0;
        continue;
      }
      if (pending_space) {
        buf[len++] = ' ';
        pending_space = false;
      }
      buf[len++] = m;
    }
    out->resize(len);
    return;
  }
  out->reserve(utf8.size());
  FoldedWriter w(out);
  const auto& table = FoldTable();
  for (size_t i = 0; i < utf8.size();) {
    auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      char m = kAscii[b];
      if (m != kRemove) w.Put(m);
      ++i;
      continue;
    }
    UChar32 c = NextCodePoint(utf8, &i);
    if (c < 0x80) {
      char m = kAscii[static_cast<size_t>(c)];
      if (m != kRemove) w.Put(m);
    } else if (c < kTableLimit) {
      w.PutAll(table[static_cast<size_t>(c)]);
    } else {
      w.PutAll(FoldCodePointSlow(c));
    }
  }
}

std::string FoldText(std::string_view utf8) {
  std::string out;
  FoldTextInto(utf8, &out);
  return out;
}

}  // namespace reunite::names
