#include "names/phonetic.h"

namespace reunite::names {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsFrontVowel(char c) { return c == 'e' || c == 'i'; }

// Keys one token s (no spaces) into out[*len...]; out has room for s.size()
// more characters (each input character yields at most one).
void KeyToken(std::string_view s, char* out, size_t* len) {
  const size_t start = *len;
  auto at = [&](size_t k) { return k < s.size() ? s[k] : '\0'; };
  auto emit = [&](char c) {
    if (*len > start && out[*len - 1] == c) return;  // doubled class collapses
    out[(*len)++] = c;
  };
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    const char n1 = at(i + 1);
    const char n2 = at(i + 2);
    switch (c) {
      case 'b':
      case 'v':
        emit('b');
        break;
      case 'c':
        if (n1 == 'h') {
          // "chr", "chl" (Christian, Chloe) are a hard k; otherwise ch.
          emit(n2 == 'r' || n2 == 'l' ? 'k' : 'c');
          ++i;
        } else {
          emit(IsFrontVowel(n1) ? 's' : 'k');
        }
        break;
      case 'd':
        // Final d after a vowel is barely pronounced: Trinidad ~ Trinida.
        if (i + 1 == s.size() && i >= 2 && IsVowel(s[i - 1])) break;
        emit('d');
        break;
      case 'g':
        if (IsFrontVowel(n1)) {
          emit('j');
        } else if (n1 == 'u' && IsFrontVowel(n2)) {
          emit('g');  // gue, gui: hard g, silent u
          ++i;
        } else if (n1 == 'u' && (n2 == 'a' || n2 == 'o')) {
          emit('w');  // gua ~ wa (Guadalupe ~ Wadalupe)
          ++i;
        } else {
          emit('g');
          if (n1 == 'h') ++i;
        }
        break;
      case 'h':
        if (n1 == 'u' && IsVowel(n2)) {
          emit('w');  // hue ~ we (Huehuetenango)
          ++i;
        } else if (n1 == 'i' && IsVowel(n2) && n2 != 'i') {
          emit('y');  // hie ~ ye (Hierro ~ Yerro)
          ++i;
        }
        // otherwise silent
        break;
      case 'k':
        emit('k');
        break;
      case 'l':
        if (n1 == 'l') {
          emit('y');
          ++i;
        } else {
          emit('l');
        }
        break;
      case 'n':
        emit(n1 == 'b' || n1 == 'v' || n1 == 'p' ? 'm' : 'n');
        break;
      case 'p':
        if (n1 == 'h') {
          emit('f');
          ++i;
        } else {
          emit('p');
        }
        break;
      case 'q':
        emit('k');
        if (n1 == 'u') ++i;
        break;
      case 's':
        if (n1 == 'h') {
          emit('j');  // Mayan sh, written x
          ++i;
        } else {
          emit('s');
        }
        break;
      case 't':
        emit('t');
        if (n1 == 'h') ++i;
        break;
      case 'x':
        emit('j');  // Mexican x = j (Ximenez), Mayan x = sh (see docs)
        break;
      case 'y':
        emit(IsVowel(n1) ? 'y' : 'i');
        break;
      case 'z':
        emit('s');
        break;
      default:
        emit(c);  // vowels, other consonants, digits, non-ASCII bytes
        break;
    }
    ++i;
  }
}

}  // namespace

void SpanishPhoneticKeyInto(std::string_view folded, std::string* out) {
  // The key is never longer than the input: write in place, then trim.
  out->resize(folded.size());
  char* buf = out->data();
  size_t len = 0;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    if (j > i) {
      if (len > 0) buf[len++] = ' ';
      const size_t before = len;
      KeyToken(folded.substr(i, j - i), buf, &len);
      if (len == before && before > 0) --len;  // token keyed to nothing ("h")
    }
    i = j;
  }
  out->resize(len);
}

std::string SpanishPhoneticKey(std::string_view folded) {
  std::string out;
  SpanishPhoneticKeyInto(folded, &out);
  return out;
}

}  // namespace reunite::names
