// A drafted decision (起案) as the processor enters it: approve or reject,
// the reason printed on the notice (required to reject), and how the notice
// reaches the applicant — electronically only (downloaded from the status
// page) or also by post from the mail centre, to a checked postal code and
// address. read_decision() checks the posted values without I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::casework {

enum class Outcome { approve, reject };
enum class Delivery { electronic, post };

std::string_view outcome_name(Outcome outcome);
std::optional<Outcome> outcome_from_name(std::string_view name);
std::string_view delivery_name(Delivery delivery);
std::optional<Delivery> delivery_from_name(std::string_view name);

inline constexpr size_t kMaxReasonCharacters = 1000;
inline constexpr size_t kMaxAddressLines = 4;
inline constexpr size_t kMaxAddressLineCharacters = 60;

struct DecisionDraft {
  Outcome outcome = Outcome::approve;
  std::string reason;
  Delivery delivery = Delivery::electronic;
  std::string postal_code;                 // "980-8671" when posted
  std::vector<std::string> address_lines;  // 1–4 lines when posted
};

// The form fields as posted.
struct DecisionInput {
  std::string outcome;
  std::string reason;
  std::string delivery;
  std::string postal_code;
  std::string address;  // lines separated by line breaks
};

struct DecisionProblem {
  std::string field;  // outcome, reason, delivery, postal_code, address
  std::string code;   // missing, too_long, invalid, too_many_lines
};

struct DecisionRead {
  std::optional<DecisionDraft> draft;  // set when there are no problems
  std::vector<DecisionProblem> problems;
};

DecisionRead read_decision(const DecisionInput& input);

// Address lines as one text (line feeds) and back; blank lines are dropped.
std::string join_lines(const std::vector<std::string>& lines);
std::vector<std::string> split_lines(std::string_view text);

// Code points in UTF-8 text (invalid bytes count one each).
size_t character_count(std::string_view text);

}  // namespace madoguchi::casework
