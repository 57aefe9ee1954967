// Official form layouts (帳票レイアウト): how a procedure's answers are printed
// on the city's paper form, as data a city adjusts to its own forms —
// procedures/forms/<id>.yaml beside the procedure catalogue. A layout names
// its procedure, the boxes and fixed labels of the A4 page (millimetres from
// the top-left) and where each value goes: an answer (dotted path; a repeating
// group's entries go down by `repeat.dy`), or one of the intake's sources
// (today, reference, individual_number). Loading checks every key and reports
// file:line problems; nothing half-loaded is used.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "documents/official_form.h"

namespace madoguchi::counter {

struct LayoutValue {
  std::string answer;  // dotted path, e.g. "notifier_name" or "members.name"
  std::string source;  // "today", "reference", "individual_number" (instead of an answer)
  documents::FormText place;
  int repeat_max = 1;     // entries of a repeating group printed
  double repeat_dy = 0;   // mm between them
};

struct FormLayout {
  std::string id;
  std::string procedure;
  std::string title;
  bool individual_number = false;  // the form has a box for the individual number
  std::vector<documents::FormBox> boxes;
  std::vector<documents::FormText> labels;  // fixed text
  std::vector<LayoutValue> values;
  std::string source_file;
};

struct LayoutLoad {
  std::map<std::string, FormLayout> by_procedure;  // empty when there are problems
  std::vector<std::string> problems;              // "file:line: message"
};

// Reads every *.yaml under `directory` (a missing directory has no layouts).
LayoutLoad load_form_layouts(const std::filesystem::path& directory);

}  // namespace madoguchi::counter
