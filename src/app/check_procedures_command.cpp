#include "app/check_procedures_command.h"

#include <exception>

#include "procedures/catalogue.h"

namespace madoguchi::app {

int run_check_procedures(const std::string& dir, std::ostream& out, std::ostream& err) {
  try {
    const auto loaded = procedures::load_catalogue(dir);
    if (!loaded.catalogue) {
      for (const auto& problem : loaded.problems) err << problem.to_string() << "\n";
      err << loaded.problems.size() << " 件の問題があります / " << loaded.problems.size()
          << (loaded.problems.size() == 1 ? " problem" : " problems") << " in " << dir << "\n";
      return 1;
    }
    const auto& catalogue = *loaded.catalogue;
    std::size_t fields = 0;
    for (const auto& p : catalogue.all()) {
      p.form.for_each_field([&](const auto&, const auto&) { ++fields; });
    }
    out << dir << ": " << catalogue.all().size() << " 手続・" << fields << " 項目、問題なし / "
        << catalogue.all().size() << " procedures, " << fields << " fields, no problems\n";
    return 0;
  } catch (const std::exception& e) {
    err << dir << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace madoguchi::app
