// libFuzzer target for the pre-entry code parser (what a QR code, a USB scanner
// or a clerk's typing hands the counter): any input is a code or a reasoned
// refusal; an accepted code is canonical, parses back to itself and carries
// the same serial; a code made from the serial under the same key is the same.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "counter/pre_entry_code.h"

using namespace madoguchi::counter;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<uint8_t> key(32, 0x5A);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto checked = check_pre_entry_code(text, key);
  if (!checked.ok()) {
    if (checked.problem != CodeProblem::malformed && checked.problem != CodeProblem::other_installation &&
        checked.problem != CodeProblem::forged) {
      std::abort();
    }
    return 0;
  }
  const auto& code = *checked.code;
  if (code.text.size() != 28 || code.text.substr(0, 4) != "MDQ-" || code.serial.size() != 11) std::abort();
  const auto again = check_pre_entry_code(code.text, key);
  if (!again.ok() || again.code->text != code.text || again.code->serial != code.serial) std::abort();
  return 0;
}
