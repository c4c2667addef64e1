#include "search/document_builder.h"

#include <cstdio>
#include <vector>

#include "search/tokenizer.h"

namespace gongkai::search {
namespace {

// Xapian refuses terms longer than 245 bytes.
constexpr size_t kMaxTermBytes = 240;

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(0x80 | (v & 0x7F)));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in->empty()) return false;
    const auto b = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) return true;
  }
  return false;
}

void PutString(std::string_view s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

bool GetString(std::string_view* in, std::string* s) {
  uint64_t n = 0;
  if (!GetVarint(in, &n) || n > in->size()) return false;
  s->assign(in->substr(0, n));
  in->remove_prefix(n);
  return true;
}

// Zig-zag, so negative day numbers (dates before 1970) stay short.
uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

// `s` cut to at most `max` bytes at a UTF-8 character boundary.
std::string_view CutUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// Adds the terms of `text` at positions from *pos on, each occurrence with `wdf`.
void IndexText(std::string_view text, Xapian::termcount wdf, Xapian::termpos* pos,
               Xapian::Document* doc) {
  thread_local std::vector<Segment> segments;
  segments.clear();
  Segmentize(text, &segments);
  std::string gram;
  for (const Segment& s : segments) {
    if (s.kind == SegmentKind::kWord) {
      if (s.text.size() <= kMaxWordBytes) doc->add_posting(s.text, *pos, wdf);
      ++*pos;
      continue;
    }
    // CJK run: every character as a unigram, every pair as a bigram, every three characters
    // as a positional trigram (the character's position), so a 4+-character query is a phrase
    // of trigrams. Unigrams and bigrams need no positions: a 1-, 2- or 3-character query is
    // one term.
    const std::string& t = s.text;
    for (size_t i = 0; i < t.size();) {
      const size_t len1 = Utf8CharLength(t, i);
      doc->add_term(t.substr(i, len1), wdf);
      const size_t j = i + len1;
      if (j < t.size()) {
        const size_t len2 = Utf8CharLength(t, j);
        gram.assign(t, i, len1 + len2);
        doc->add_term(gram, wdf);
        if (const size_t k = j + len2; k < t.size()) {
          gram.append(t, k, Utf8CharLength(t, k));
          doc->add_posting(gram, *pos, wdf);
        }
      }
      ++*pos;
      i = j;
    }
  }
  *pos += kFieldGap;
}

std::string Prefixed(char prefix, std::string_view value) {
  if (value.empty() || value.size() + 1 > kMaxTermBytes) return std::string();
  std::string term(1, prefix);
  term.append(value);
  return term;
}

// (Built by appending: GCC 12 at -O2 warns, wrongly, -Wrestrict on "Q" + std::to_string(n).)
std::string PrefixedNumber(char prefix, int64_t n) {
  std::string term(1, prefix);
  term += std::to_string(n);
  return term;
}

}  // namespace

std::string StoredFields::Encode() const {
  std::string out;
  out.reserve(32 + title.size() + doc_no.size() + index_no.size() + text.size());
  out.push_back('\x01');  // layout version
  PutVarint(static_cast<uint64_t>(catalog_item_id), &out);
  PutVarint(static_cast<uint64_t>(agency_id), &out);
  PutVarint(ZigZag(published_on.days()), &out);
  PutString(title, &out);
  PutString(doc_no, &out);
  PutString(index_no, &out);
  PutString(text, &out);
  return out;
}

bool StoredFields::Decode(std::string_view data, StoredFields* out) {
  if (data.empty() || data.front() != '\x01') return false;
  data.remove_prefix(1);
  uint64_t id = 0, agency = 0, days = 0;
  if (!GetVarint(&data, &id) || !GetVarint(&data, &agency) || !GetVarint(&data, &days)) {
    return false;
  }
  out->catalog_item_id = static_cast<int64_t>(id);
  out->agency_id = static_cast<int64_t>(agency);
  out->published_on = Date::FromDays(static_cast<int32_t>(UnZigZag(days)));
  return GetString(&data, &out->title) && GetString(&data, &out->doc_no) &&
         GetString(&data, &out->index_no) && GetString(&data, &out->text) && data.empty();
}

std::string UniqueTerm(int64_t catalog_item_id) { return PrefixedNumber('Q', catalog_item_id); }
std::string AgencyTerm(int64_t agency_id) { return PrefixedNumber('A', agency_id); }
std::string TopicTerm(std::string_view topic) { return Prefixed('T', topic); }
std::string GenreTerm(std::string_view genre) { return Prefixed('G', genre); }

Xapian::Document BuildDocument(const SearchDocument& d) {
  Xapian::Document doc;
  Xapian::termpos pos = 1;
  IndexText(d.title, kTitleWdf, &pos, &doc);
  IndexText(d.doc_no, kDocNoWdf, &pos, &doc);
  IndexText(d.summary, kSummaryWdf, &pos, &doc);
  IndexText(d.body, 1, &pos, &doc);
  IndexText(d.attachments_text, 1, &pos, &doc);

  doc.add_boolean_term(UniqueTerm(d.catalog_item_id));
  doc.add_boolean_term(AgencyTerm(d.agency_id));
  // The category and each of its parents: a filter on "综合政务" finds "综合政务\政务公开".
  for (size_t cut = d.topic.find_first_of("\\/");; cut = d.topic.find_first_of("\\/", cut + 1)) {
    const std::string term = TopicTerm(std::string_view(d.topic).substr(0, cut));
    if (!term.empty()) doc.add_boolean_term(term);
    if (cut == std::string::npos) break;
  }
  if (const std::string term = GenreTerm(d.genre); !term.empty()) doc.add_boolean_term(term);

  char ymd[16];
  std::snprintf(ymd, sizeof ymd, "%04d%02d%02d", d.published_on.year(), d.published_on.month(),
                d.published_on.day());
  doc.add_value(kDateSlot, ymd);

  StoredFields stored;
  stored.catalog_item_id = d.catalog_item_id;
  stored.agency_id = d.agency_id;
  stored.published_on = d.published_on;
  stored.title = d.title;
  stored.doc_no = d.doc_no;
  stored.index_no = d.index_no;
  std::string text = d.summary;
  for (const std::string* part : {&d.body, &d.attachments_text}) {
    if (part->empty()) continue;
    if (!text.empty()) text += '\n';
    text += *part;
  }
  stored.text = CutUtf8(text, kMaxStoredTextBytes);
  doc.set_data(stored.Encode());
  return doc;
}

}  // namespace gongkai::search
