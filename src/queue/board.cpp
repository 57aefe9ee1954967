#include "queue/board.h"

namespace madoguchi::queue {

void Board::index() {
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

nlohmann::json Board::ticket_json(int64_t ticket_id) const {
  nlohmann::json out = {{"version", version}, {"open", open}};
  out["latest_call"] = calls.empty() ? nlohmann::json(nullptr)
                                     : nlohmann::json{{"label", calls.front().label},
                                                      {"counter", calls.front().counter.value_or("")}};
  Place p = place_of(ticket_id);
  if (p.waiting) {
    out["status"] = "waiting";
    out["ahead"] = p.ahead;
    out["wait_low"] = p.estimate.low_minutes;
    out["wait_high"] = p.estimate.high_minutes;
    return out;
  }
  for (const auto& t : calls) {
    if (t.id == ticket_id) {
      out["status"] = to_string(t.status);
      out["counter"] = t.counter.value_or("");
      out["label"] = t.label;
      return out;
    }
  }
  out["status"] = "finished";
  return out;
}

}  // namespace madoguchi::queue
