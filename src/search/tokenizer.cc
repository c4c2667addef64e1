#include "search/tokenizer.h"

namespace gongkai::search {
namespace {

enum class CharClass { kSeparator, kCjk, kLetter, kDigit };

// Decodes the UTF-8 character at s[i]; sets *len to its byte length. Returns -1 for an invalid
// or truncated sequence (then *len = 1, so the byte is skipped as a separator).
int32_t Decode(std::string_view s, size_t i, size_t* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (b0 < 0x80) return b0;
  int n = 0;
  int32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    cp = b0 & 0x07;
  } else {
    return -1;
  }
  if (i + n > s.size()) return -1;
  for (int k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr int32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  *len = static_cast<size_t>(n);
  return cp;
}

void Encode(int32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Full-width ASCII → ASCII; then lower case for the scripts whose case mapping is a fixed
// offset (ASCII, Latin-1, basic Greek and Cyrillic). Other characters are unchanged.
int32_t Normalize(int32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
  if (cp == 0x3000) cp = ' ';  // ideographic space
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp < 0x80) return cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

// The class of a normalized character.
CharClass Classify(int32_t cp) {
  if (cp < 0) return CharClass::kSeparator;
  if (cp < 0x80) {
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    if (cp >= 'a' && cp <= 'z') return CharClass::kLetter;
    return CharClass::kSeparator;
  }
  if ((cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK Unified Ideographs
      (cp >= 0x3400 && cp <= 0x4DBF) ||    // Extension A
      (cp >= 0x20000 && cp <= 0x3134F) ||  // Extensions B–G
      (cp >= 0xF900 && cp <= 0xFAFF) ||    // Compatibility Ideographs
      cp == 0x3007 ||                      // 〇 (二〇一八年)
      (cp >= 0x3041 && cp <= 0x30FA) ||    // hiragana, katakana (not the ・ separator)
      (cp >= 0xAC00 && cp <= 0xD7A3)) {    // hangul syllables
    return CharClass::kCjk;
  }
  if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||  // Latin-1, Latin Extended
      (cp >= 0x370 && cp <= 0x3FF) ||                             // Greek
      (cp >= 0x400 && cp <= 0x4FF)) {                             // Cyrillic
    return CharClass::kLetter;
  }
  return CharClass::kSeparator;
}

}  // namespace

int32_t DecodeUtf8(std::string_view s, size_t i, size_t* len) { return Decode(s, i, len); }

size_t Utf8CharLength(std::string_view s, size_t i) {
  size_t len = 1;
  Decode(s, i, &len);
  return len;
}

void Segmentize(std::string_view text, std::vector<Segment>* out) {
  Segment* open = nullptr;  // the segment being extended
  CharClass open_class = CharClass::kSeparator;
  size_t i = 0;
  while (i < text.size()) {
    size_t len = 1;
    const int32_t raw = Decode(text, i, &len);
    const int32_t cp = raw < 0 ? -1 : Normalize(raw);
    const CharClass cls = Classify(cp);
    const auto start = static_cast<uint32_t>(i);
    const auto end = static_cast<uint32_t>(i + len);
    if (cls == CharClass::kSeparator) {
      open = nullptr;
      open_class = cls;
    } else {
      if (open == nullptr || cls != open_class) {
        out->emplace_back();
        open = &out->back();
        open->kind = cls == CharClass::kCjk ? SegmentKind::kCjk : SegmentKind::kWord;
        open->bounds.push_back(start);
        open_class = cls;
      }
      if (cls == CharClass::kCjk) {
        open->text.append(text.substr(i, len));
        open->bounds.push_back(end);
      } else {
        Encode(cp, &open->text);
        open->bounds.resize(1);
        open->bounds.push_back(end);
      }
    }
    i += len;
  }
}

std::vector<Segment> Segmentize(std::string_view text) {
  std::vector<Segment> out;
  Segmentize(text, &out);
  return out;
}

}  // namespace gongkai::search
