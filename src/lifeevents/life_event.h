// LifeEvent is one life event's one-stop bundle as the city defines it in
// procedures/life_events/<id>.yaml: a short questionnaire and the answers shared by its
// procedures (one form, each shared answer asked once), the date of the event and how far from
// today it may plausibly lie, checks that catch contradictory answers and put a question back,
// and the items of the citizen's list — procedures of the catalogue (when each applies and why,
// its deadline, how the shared answers fill its form) and things done at offices outside the
// city. Offices are listed once in _offices.yaml. Plain data; life_event_loader.h builds it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/localized_text.h"
#include "lifeevents/deadline.h"
#include "lifeevents/event_date.h"
#include "lifeevents/predicate.h"
#include "procedures/procedure.h"

namespace madoguchi::lifeevents {

using forms::LocalizedText;

// An office outside the city where part of a life event is dealt with (年金事務所, 法務局 …).
struct Office {
  std::string code;
  LocalizedText name;
  LocalizedText where;  // which offices, how to reach them
  std::string url;      // the body's own site
};

// One answer written into a procedure's form: a shared answer, or a fixed value. A repeating
// group may be copied with only the items that meet `where` (the children among the household),
// or made of one item built from shared answers (the baby, the person who died).
struct PrefillLink {
  std::string target;                   // field path in the procedure's form ("applicant_name")
  std::string source;                   // field path in the life event's form; empty for `value`
  std::optional<nlohmann::json> value;  // a fixed answer, typed like the target ("moved_in", true)
  std::optional<forms::Condition> where;  // for a repeating group: the items to copy
  std::vector<std::pair<std::string, std::string>> item;  // a one-item group: child id, shared path
  int line = 0;
};

struct Item {
  std::string id;         // the procedure's id, or the outside item's own id
  std::string procedure;  // a catalogue procedure; empty for an item done outside the city
  std::string office;     // outside items: the office's code
  LocalizedText name;     // outside items: what is done there
  LocalizedText reason;   // why it is on the list
  std::optional<Predicate> when;  // on the list only when this holds
  std::optional<Deadline> deadline;
  procedures::Channel channel = procedures::Channel::online;  // procedures: online or counter_pre_entry
  std::vector<PrefillLink> prefill;
  std::vector<LocalizedText> bring;  // besides the procedure's own list
  LocalizedText note;
  int line = 0;

  bool outside() const { return procedure.empty(); }
};

// Answers that contradict each other: when `when` holds the list is not made; `question` is put
// back instead ("{item}" in it is replaced by the name of the item of a group that made it hold),
// with links to the pages of `fields`.
struct Check {
  std::string id;
  Predicate when;
  LocalizedText question;
  std::vector<std::string> fields;
  int line = 0;
};

struct GuideSection {
  LocalizedText title;
  LocalizedText text;
};

// The consultation a family may book for the visit (the おくやみコーナー): `kind` is the
// booking service (offices/sendai.yaml), which the list links to (/book/KIND).
struct Consultation {
  std::string kind;
  LocalizedText name;
};

struct LifeEvent {
  std::string id;   // snake_case, the file name
  int version = 1;  // raised whenever the form or the items change
  int order = 0;    // place in the city's list of life events
  std::string life_event;  // the _taxonomy.yaml life event it belongs to
  LocalizedText name;
  LocalizedText summary;
  std::vector<GuideSection> guide;  // plain-language guide shown before the questions
  std::string event_field;          // the date field the deadlines count from
  EventDateRule event_date;
  std::vector<std::string> questionnaire;  // sections asked before the list is shown
  procedures::Procedure form;              // the questions and shared answers, as a form
  std::vector<Check> checks;
  std::vector<Item> items;
  std::optional<Consultation> consultation;

  bool in_questionnaire(std::string_view section_id) const;
};

}  // namespace madoguchi::lifeevents
