// Board: the state of one office's queue at one moment, as live pages show it:
// per line the waiting tickets in call order with each one's wait estimate,
// the counters open, and the latest calls (number and counter, never a name).
// Built from the database by QueueService::board, shared by every watcher.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "queue/ticket.h"
#include "queue/wait_estimate.h"

namespace madoguchi::queue {

struct BoardLine {
  std::string code;
  std::vector<Ticket> waiting;  // call order
  std::vector<WaitRange> estimates;  // per waiting ticket
  int counters = 1;
  WaitRange next_wait;  // for someone taking a ticket now
};

struct Board {
  std::string office;
  std::string day;
  bool open = false;
  std::vector<BoardLine> lines;
  std::vector<Ticket> calls;  // newest first
  uint64_t version = 0;       // rises with every reload on this node

  // Where a ticket stands: found, its line, people ahead and the estimate.
  struct Place {
    bool waiting = false;
    int ahead = 0;
    WaitRange estimate;
  };
  Place place_of(int64_t ticket_id) const;
  void index();

  // What the display and the public page show: numbers and counters only.
  nlohmann::json public_json() const;
  // What a phone watching one ticket is told, as JSON text: its state,
  // people ahead, the estimate, the counter when called, and the latest call
  // in the office. Built by hand (labels and counters are [A-Z0-9-]), as it
  // runs once per watcher on every change.
  std::string ticket_json(int64_t ticket_id) const;

 private:
  std::unordered_map<int64_t, std::pair<size_t, size_t>> positions_;
  std::string common_;  // "version", "open" and "latest_call", shared by every update
};

}  // namespace madoguchi::queue
