// Fuzzes the linkage model JSON (src/linkage/model.h). Checks: a failure is
// kParseError or kInvalidArgument naming the source; a model that loads
// keeps the documented shape (null level first, else level last, bounded
// sizes) and survives ModelToJson -> ParseModel unchanged.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "linkage/model.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "model_fuzz: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace linkage = reunite::linkage;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto model = linkage::ParseModel(text, "fuzz.json");
  if (!model.ok()) {
    auto c = model.status().code();
    Check(c == reunite::ErrorCode::kParseError || c == reunite::ErrorCode::kInvalidArgument,
          "unexpected error code");
    Check(model.status().message().rfind("fuzz.json", 0) == 0, "error does not name the source");
    return 0;
  }
  Check(model->comparisons.size() <= linkage::kMaxComparisons, "too many comparisons");
  for (const auto& c : model->comparisons) {
    Check(c.levels.size() >= 2 && c.levels.size() <= linkage::kMaxLevels, "level count");
    Check(c.levels.front().kind == linkage::LevelKind::kNull, "first level is not null");
    Check(c.levels.back().kind == linkage::LevelKind::kElse, "last level is not else");
  }
  for (size_t r = 0; r < model->blocking.size(); ++r) {
    Check(model->MaxBlockSize(r) > 0, "block size bound not positive");
  }
  (void)model->Columns();
  std::string saved = linkage::ModelToJson(*model);
  auto again = linkage::ParseModel(saved, "saved.json");
  if (!again.ok()) {
    std::fprintf(stderr, "%s\n%s\n", again.status().ToString().c_str(), saved.c_str());
  }
  Check(again.ok(), "a saved model does not load");
  Check(linkage::ModelToJson(*again) == saved, "save -> load -> save changes the model");
  return 0;
}
