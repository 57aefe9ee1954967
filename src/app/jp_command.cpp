#include "app/jp_command.h"

#include <cstdlib>
#include <exception>
#include <optional>

#include "jp/inspect.h"
#include "jp/postal.h"

namespace madoguchi::app {

namespace {

constexpr const char* kDefaultPostalTable = MADOGUCHI_BUILD_DIR "/data/postal.tsv";

std::string dump(const nlohmann::json& value) {
  // Echoed input may be invalid UTF-8; replace it rather than throw.
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

int fail(const jp::Error& error, std::ostream& out, std::ostream& err) {
  out << dump(jp::error_json(error)) << "\n";
  err << "madoguchi jp: " << error.message_ja << "\n" << "madoguchi jp: " << error.message_en << "\n";
  return 1;
}

}  // namespace

int run_jp_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    std::optional<jp::PostalDirectory> postal;
    if (args.size() == 2 && args[0] == "postal") {
      const char* from_env = std::getenv("MADOGUCHI_POSTAL_TABLE");
      auto loaded = jp::PostalDirectory::load(from_env != nullptr && *from_env != '\0' ? from_env : kDefaultPostalTable);
      if (!loaded.ok()) return fail(loaded.error(), out, err);
      postal = std::move(loaded).value();
    }
    auto answer = jp::inspect(args, postal ? &*postal : nullptr);
    if (!answer.ok()) return fail(answer.error(), out, err);
    out << dump(answer.value()) << "\n";
    return 0;
  } catch (const std::exception& e) {
    return fail(jp::make_error("internal_error", std::string("内部エラー: ") + e.what(),
                               std::string("internal error: ") + e.what()),
                out, err);
  }
}

}  // namespace madoguchi::app
