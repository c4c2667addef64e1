// libFuzzer target: ReadText, and the kind detection of ReadDocument (the HTML and PDF readers
// have their own targets; running them on text inputs would only slow this one down).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check/reader.h"
#include "document_invariants.h"

using gongkai::check::fuzz::CheckDocument;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr std::string_view kName = "fuzz.txt";
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckDocument(gongkai::check::ReadText(bytes, kName), kName);
  // Kind detection must take any bytes (ReadDocument then runs the reader checked above, or the
  // HTML or PDF reader, fuzzed by their own targets).
  const gongkai::check::SourceKind kind = gongkai::check::DetectKind(bytes);
  gongkai::check::fuzz::Require(kind == gongkai::check::SourceKind::kText ||
                                    kind == gongkai::check::SourceKind::kHtml ||
                                    kind == gongkai::check::SourceKind::kPdf,
                                "a kind");
  return 0;
}
