// The in-house tokenizer of Chinese search (DESIGN.md "tokenizing"): text → segments → terms.
//
// A text is cut into segments:
//   - a CJK run: consecutive CJK characters (汉字, 〇, kana, hangul), indexed as every single
//     character (unigram), every overlapping pair (bigram) and triple (trigram): "公开指南" →
//     公 开 指 南, 公开 开指 指南, 公开指 开指南;
//   - a word: consecutive letters, or consecutive digits (letters and digits are cut apart:
//     "GB18030" → "gb" "18030"), lower-cased;
// and everything else (spaces, punctuation, brackets such as 〔〕) separates segments. Before
// that, full-width ASCII (ＡＢＣ１２３) is folded to half-width and invalid UTF-8 bytes are
// separators. So 文号 "昌商发〔2018〕3号" → CJK run 昌商发, word 2018, word 3, CJK run 号.
//
// Terms (search/document_builder.h; no prefixes are needed, the term's length tells its kind):
// a word is its text; a CJK unigram is the character (one code point), a bigram its two
// characters, a trigram its three. The same function cuts documents and queries, so both sides
// always agree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::search {

enum class SegmentKind { kWord, kCjk };

struct Segment {
  SegmentKind kind = SegmentKind::kWord;
  // Normalized UTF-8: the lower-cased, half-width word, or the CJK run (CJK characters are
  // never changed by normalization).
  std::string text;
  // Byte offsets into the ORIGINAL text. kCjk: the start of each character, then the end of
  // the last (characters + 1 entries); kWord: {start, end}.
  std::vector<uint32_t> bounds;

  // Characters of a CJK run (bounds.size() - 1); 1 for a word.
  size_t chars() const { return kind == SegmentKind::kCjk ? bounds.size() - 1 : 1; }
};

// Cuts `text` into segments, in text order. Appends to *out (not cleared, so a caller may
// reuse its capacity).
void Segmentize(std::string_view text, std::vector<Segment>* out);
std::vector<Segment> Segmentize(std::string_view text);

// Decodes the UTF-8 character at s[i] (REQUIRES: i < s.size()) and sets *len to its byte
// length. Returns -1 for an invalid or truncated sequence, with *len = 1.
int32_t DecodeUtf8(std::string_view s, size_t i, size_t* len);

// The byte length of the UTF-8 character starting at s[i] (1 for an invalid byte).
size_t Utf8CharLength(std::string_view s, size_t i);

// Words longer than this (in bytes) are not indexed or searched (a pasted hash, base64 …).
inline constexpr size_t kMaxWordBytes = 64;

}  // namespace gongkai::search
