#include "app/check_procedures_command.h"

#include <exception>

#include "counter/form_layout.h"
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
    auto layouts = counter::load_form_layouts(std::filesystem::path(dir) / "forms");
    for (const auto& [procedure, layout] : layouts.by_procedure) {
      if (!catalogue.find(procedure)) layouts.problems.push_back(layout.source_file + ": procedure " + procedure + " is not in the catalogue");
    }
    if (!layouts.problems.empty()) {
      for (const auto& problem : layouts.problems) err << problem << "\n";
      err << layouts.problems.size() << " 件の問題が様式レイアウトにあります / " << layouts.problems.size()
          << (layouts.problems.size() == 1 ? " problem" : " problems") << " in the official form layouts\n";
      return 1;
    }
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
    out << dir << ": " << catalogue.all().size() << " 手続・" << fields << " 項目・" << layouts.by_procedure.size()
        << " 様式・" << life_events << " ライフイベント、問題なし / " << catalogue.all().size() << " procedures, "
        << fields << " fields, " << layouts.by_procedure.size() << " official form layouts, " << life_events
        << " life events, no problems\n";
    return 0;
  } catch (const std::exception& e) {
    err << dir << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace madoguchi::app
