#include "lifeevents/web/visit_code.h"

#include "applications/display_text.h"
#include "applications/draft_rules.h"
#include "lifeevents/web/list_model.h"

namespace madoguchi::lifeevents {

using nlohmann::json;

std::optional<counter::IssuedPreEntry> current_visit_code(const LifeEventsWeb& web, const BundleState& state) {
  std::optional<counter::IssuedPreEntry> newest;
  for (const auto& item : state.items) {
    // Only the counter drafts still the citizen's: not taken in, not submitted.
    if (!item.at_counter() || !item.draft || item.submitted() || item.taken_in) continue;
    auto code = web.counter.outstanding_pre_entry(item.draft->id);
    if (code && (!newest || code->id > newest->id)) newest = std::move(code);
  }
  return newest;
}

json visit_code_model(const LifeEventsWeb& web, const Request& request, const OpenBundle& open,
                      const BundleState& state, bool print) {
  const Language language = applications::language_of(request);
  const std::string list_href = BundleService::list_path(open.bundle);
  json covered = json::array(), pending = json::array();
  bool any_counter = false, taken_in = false;
  for (const auto& item : state.items) {
    if (!item.at_counter()) continue;
    any_counter = true;
    if (item.taken_in || item.submitted()) {
      taken_in = true;
    } else if (!item.ready()) {
      pending.push_back({{"name", applications::pick(item.planned->procedure->name, language)},
                         {"what", waiting_text(web, request, item)},
                         {"href", item.draft ? applications::draft_path(item.draft->public_id)
                                             : "#item-" + item.planned->item->id}});
    }
  }
  const auto code = current_visit_code(web, state);
  const auto ready = BundleService::ready_counter_drafts(state);
  if (code) {
    for (int64_t id : code->draft_ids) {
      for (const auto& item : state.items) {
        if (item.draft && item.draft->id == id) covered.push_back(applications::pick(item.planned->procedure->name, language));
      }
    }
  }
  const bool current = code && code->draft_ids == ready;
  const bool can_issue = !print && !ready.empty() && !current;
  return {{"show", any_counter && state.shared_done},
          {"print", print},
          {"taken_in", taken_in},
          {"code", code ? code->code.text : std::string()},
          {"image_href", list_href + "/qr.png"},
          {"expires", code ? applications::format_instant(code->expires_at, language) : std::string()},
          {"covered", covered},
          {"stale", !print && code.has_value() && !current && !ready.empty()},
          {"issue_action", can_issue ? list_href + "/qr" : std::string()},
          {"issue_label", text(web, request, code ? "visit.issue_again" : "visit.issue")},
          {"none_yet", !code && ready.empty() && !taken_in},
          {"pending", pending},
          {"has_pending", !pending.empty()}};
}

}  // namespace madoguchi::lifeevents
