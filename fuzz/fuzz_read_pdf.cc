// libFuzzer target: ReadPdf: poppler-cpp layout text and the page furniture.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check/reader.h"
#include "document_invariants.h"

using gongkai::check::fuzz::CheckDocument;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr std::string_view kName = "fuzz.pdf";
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckDocument(gongkai::check::ReadPdf(bytes, kName), kName);
  return 0;
}
