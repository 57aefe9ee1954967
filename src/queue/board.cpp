#include "queue/board.h"

namespace madoguchi::queue {

void Board::index() {
  nlohmann::json latest = calls.empty() ? nlohmann::json(nullptr)
                                        : nlohmann::json{{"label", calls.front().label},
                                                         {"counter", calls.front().counter.value_or("")}};
  common_ = "\"version\":" + std::to_string(version) + ",\"open\":" + (open ? "true" : "false") +
            ",\"latest_call\":" + latest.dump();
  positions_.clear();
  for (size_t l = 0; l < lines.size(); ++l) {
    for (size_t i = 0; i < lines[l].waiting.size(); ++i) positions_[lines[l].waiting[i].id] = {l, i};
  }
}

Board::Place Board::place_of(int64_t ticket_id) const {
  auto it = positions_.find(ticket_id);
  if (it == positions_.end()) return {};
  const auto& line = lines[it->second.first];
  return {true, static_cast<int>(it->second.second), line.estimates[it->second.second]};
}

nlohmann::json Board::public_json() const {
  nlohmann::json out = {{"office", office}, {"day", day}, {"open", open}, {"version", version}};
  nlohmann::json ls = nlohmann::json::array();
  for (const auto& l : lines) {
    ls.push_back({{"line", l.code},
                  {"waiting", l.waiting.size()},
                  {"counters", l.counters},
                  {"wait_low", l.next_wait.low_minutes},
                  {"wait_high", l.next_wait.high_minutes}});
  }
  out["lines"] = ls;
  nlohmann::json calls_json = nlohmann::json::array();
  for (const auto& t : calls) {
    calls_json.push_back({{"id", t.id}, {"label", t.label}, {"counter", t.counter.value_or("")},
                          {"status", to_string(t.status)}, {"at", t.called_at.value_or("")}, {"count", t.call_count}});
  }
  out["calls"] = calls_json;
  return out;
}

std::string Board::ticket_json(int64_t ticket_id) const {
  std::string out = "{" + common_;
  Place p = place_of(ticket_id);
  if (p.waiting) {
    out += ",\"status\":\"waiting\",\"ahead\":" + std::to_string(p.ahead) +
           ",\"wait_low\":" + std::to_string(p.estimate.low_minutes) +
           ",\"wait_high\":" + std::to_string(p.estimate.high_minutes) + "}";
    return out;
  }
  for (const auto& t : calls) {
    if (t.id == ticket_id) {
      out += ",\"status\":\"" + std::string(to_string(t.status)) + "\",\"counter\":" +
             nlohmann::json(t.counter.value_or("")).dump() + ",\"label\":" + nlohmann::json(t.label).dump() + "}";
      return out;
    }
  }
  return out + ",\"status\":\"finished\"}";
}

}  // namespace madoguchi::queue
