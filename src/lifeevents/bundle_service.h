// BundleService: a bundle's life, between its answers and the drafts of its procedures.
// It reads where a bundle stands (which questions are still open, whether the event date needs
// confirming, the contradictions, the list and each procedure's draft, and whether a counter
// clerk has taken a counter draft in), keeps the drafts in step with the list and the shared
// answers (a draft for each procedure that applies, the shared answers written into it, and,
// when a procedure's form changed meanwhile, the citizen's answers kept and only what changed
// asked), and submits the online procedures that are ready all together, each once however
// often it is asked. Counter procedures are never submitted by the citizen: ready_counter_drafts()
// are the drafts the one pre-entry code (QR) for the whole visit covers, and a clerk who takes
// that code in at the counter submits them. LifeEvent::consultation names the booking service
// of the おくやみ consultation.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "applications/draft_store.h"
#include "applications/submission_service.h"
#include "lifeevents/bundle_store.h"
#include "lifeevents/plan.h"

namespace madoguchi::lifeevents {

// Whether a counter clerk has taken a counter draft in (the counter module knows).
using TakenIn = std::function<bool(int64_t draft_id)>;

// A procedure on the list with its draft.
struct ItemState {
  const PlannedItem* planned = nullptr;
  std::optional<applications::Draft> draft;
  int questions_left = 0;     // top-level questions still unanswered or wrong (0: ready)
  bool form_changed = false;  // the procedure's form changed while the citizen was filling it in
  bool needs_account = false; // online only for a signed-in citizen, and none is
  bool expired = false;       // the draft was left too long; preparing again starts it afresh
  bool taken_in = false;      // a counter clerk took the draft in and submits it from there

  bool at_counter() const;
  bool submitted() const { return draft && draft->reference.has_value(); }
  bool ready() const { return draft && !submitted() && !taken_in && !expired && questions_left == 0; }
};

// Where a bundle stands.
struct BundleState {
  const LifeEvent* event = nullptr;
  nlohmann::json answers = nlohmann::json::object();    // as entered, without fields the form no longer has
  nlohmann::json effective = nlohmann::json::object();  // validated, shown answers only
  std::optional<std::string> open_section;  // the first page still to answer (questionnaire first)
  bool questionnaire_done = false;
  bool shared_done = false;
  std::optional<DateCheck> date_check;      // set when the event date needs confirming or is a slip
  bool date_confirmed = false;
  Plan plan;
  std::vector<ItemState> items;  // the applicable procedures of the plan, in its order

  bool list_ready() const;       // questionnaire done, date settled, no contradiction
};

struct SubmitReport {
  std::vector<std::string> submitted;  // procedure ids submitted now
  std::vector<std::string> refused;    // procedure ids the service refused (answers changed meanwhile)
  std::vector<std::string> references; // of everything submitted now
};

class BundleService {
 public:
  // Without `taken_in`, no counter draft counts as taken in.
  BundleService(const LifeEvents& events, const procedures::Catalogue& catalogue, BundleStore& bundles,
                applications::DraftStore& drafts, applications::SubmissionService& submissions, TakenIn taken_in = {});

  BundleState state(const Bundle& bundle, std::optional<int64_t> citizen) const;

  // Prepares, updates or rebases the drafts of the procedures on the list (only once the shared
  // answers are complete); returns the drafts created, whose tokens the browser must be given.
  std::vector<applications::OpenedDraft> sync(const Bundle& bundle, std::optional<int64_t> citizen);

  // Submits every ready online procedure of the list that is not yet submitted, as the citizen
  // signed in (if any). Counter procedures are left to the clerk.
  SubmitReport submit_ready(const Bundle& bundle, std::optional<int64_t> citizen, platform::web::Language language);

  // The ids of the counter drafts that are ready (not taken in or submitted, not expired, nothing
  // left to answer), in the list's order: what the visit's one pre-entry code covers.
  static std::vector<int64_t> ready_counter_drafts(const BundleState& state);

  // The page the drafts of this bundle return to.
  static std::string list_path(const Bundle& bundle);

 private:
  forms::ValidationContext context() const;

  const LifeEvents& events_;
  const procedures::Catalogue& catalogue_;
  BundleStore& bundles_;
  applications::DraftStore& drafts_;
  applications::SubmissionService& submissions_;
  TakenIn taken_in_;
};

}  // namespace madoguchi::lifeevents
