#include "app/check_procedures_command.h"

#include <exception>

#include "lifeevents/life_event_loader.h"
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
    const auto events = lifeevents::load_life_events(std::filesystem::path(dir) / lifeevents::kLifeEventsDirectory,
                                                     catalogue);
    if (!events.events) {
      for (const auto& problem : events.problems) err << problem.to_string() << "\n";
      err << events.problems.size() << " 件の問題があります / " << events.problems.size()
          << (events.problems.size() == 1 ? " problem" : " problems") << " in " << dir << "\n";
      return 1;
    }
    std::size_t fields = 0;
    for (const auto& p : catalogue.all()) {
      p.form.for_each_field([&](const auto&, const auto&) { ++fields; });
    }
    const auto life_events = events.events->all().size();
    out << dir << ": " << catalogue.all().size() << " 手続・" << fields << " 項目・" << life_events
        << " ライフイベント、問題なし / " << catalogue.all().size() << " procedures, " << fields << " fields, "
        << life_events << " life events, no problems\n";
    return 0;
  } catch (const std::exception& e) {
    err << dir << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace madoguchi::app
