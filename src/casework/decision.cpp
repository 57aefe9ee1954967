#include "casework/decision.h"

#include "jp/postal.h"

namespace madoguchi::casework {

std::string_view outcome_name(Outcome outcome) { return outcome == Outcome::approve ? "approve" : "reject"; }

std::optional<Outcome> outcome_from_name(std::string_view name) {
  if (name == "approve") return Outcome::approve;
  if (name == "reject") return Outcome::reject;
  return std::nullopt;
}

std::string_view delivery_name(Delivery delivery) { return delivery == Delivery::post ? "post" : "electronic"; }

std::optional<Delivery> delivery_from_name(std::string_view name) {
  if (name == "electronic") return Delivery::electronic;
  if (name == "post") return Delivery::post;
  return std::nullopt;
}

size_t character_count(std::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    if (!line.empty()) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

namespace {

std::string trimmed(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(start, end - start + 1));
}

}  // namespace

DecisionRead read_decision(const DecisionInput& input) {
  DecisionRead read;
  DecisionDraft draft;
  auto problem = [&](const char* field, const char* code) { read.problems.push_back({field, code}); };

  if (auto outcome = outcome_from_name(input.outcome)) {
    draft.outcome = *outcome;
  } else {
    problem("outcome", input.outcome.empty() ? "missing" : "invalid");
  }
  draft.reason = trimmed(input.reason);
  if (character_count(draft.reason) > kMaxReasonCharacters) {
    problem("reason", "too_long");
  } else if (draft.reason.empty() && draft.outcome == Outcome::reject && input.outcome == "reject") {
    problem("reason", "missing");
  }
  if (auto delivery = delivery_from_name(input.delivery)) {
    draft.delivery = *delivery;
  } else {
    problem("delivery", input.delivery.empty() ? "missing" : "invalid");
  }
  if (draft.delivery == Delivery::post && input.delivery == "post") {
    auto postal = jp::normalize_postal_code(trimmed(input.postal_code));
    if (!postal.ok()) {
      problem("postal_code", trimmed(input.postal_code).empty() ? "missing" : "invalid");
    } else {
      draft.postal_code = jp::format_postal_code(postal.value());
    }
    draft.address_lines = split_lines(input.address);
    if (draft.address_lines.empty()) {
      problem("address", "missing");
    } else if (draft.address_lines.size() > kMaxAddressLines) {
      problem("address", "too_many_lines");
    } else {
      for (const auto& line : draft.address_lines) {
        if (character_count(line) > kMaxAddressLineCharacters) {
          problem("address", "too_long");
          break;
        }
      }
    }
  }
  if (read.problems.empty()) read.draft = std::move(draft);
  return read;
}

}  // namespace madoguchi::casework
