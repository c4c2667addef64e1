// libFuzzer target: ReadText through ReadDocument (kind detection included); inputs that look like
// HTML or PDF go to those readers, which have their own targets.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check/reader.h"
#include "document_invariants.h"

using gongkai::check::fuzz::CheckDocument;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr std::string_view kName = "fuzz.txt";
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto doc = gongkai::check::ReadDocument(bytes, kName);
  CheckDocument(doc, kName);
  // And the text reader alone when the input went elsewhere (or was refused before it).
  if (!doc.ok() || doc->kind != gongkai::check::SourceKind::kText) {
    CheckDocument(gongkai::check::ReadText(bytes, kName), kName);
  }
  return 0;
}
