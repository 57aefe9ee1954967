// libFuzzer target for the form definition loader: any YAML text either builds a spec or yields
// problems with a line and a message in both languages (valid UTF-8 whatever the input), never a
// crash; a spec that builds serves as valid JSON and validates an empty answer set.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "forms/spec_from_yaml.h"
#include "forms/spec_json.h"
#include "forms/validation.h"

using namespace madoguchi::forms;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 16384) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto built = parse_form_spec(text);
  if (!built.spec) {
    if (built.problems.empty()) std::abort();
    for (const auto& p : built.problems) {
      if (p.message_ja.empty() || p.message_en.empty() || p.line < 0) std::abort();
      (void)nlohmann::json(p.message()).dump();  // throws, and so fails, on invalid UTF-8
    }
    return 0;
  }
  if (!built.problems.empty()) std::abort();
  const auto served = spec_to_json(*built.spec);
  (void)served.dump();  // every text in a built spec is valid UTF-8
  const auto result = validate(*built.spec, nlohmann::json::object());
  (void)result.ok();
  return 0;
}
