// CaseStore: casework's own rows about a case — who holds it, correction
// requests, drafted decisions with the approval steps taken on them, and
// internal notes. load() reads them all for one case in one read; the
// writers take the Connection of a transaction already open (the one of an
// ApplicationStore change), so they commit with the case's new row version.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "casework/approval_rules.h"
#include "casework/decision.h"
#include "platform/db/database.h"
#include "procedures/approval.h"

namespace madoguchi::casework {

struct Assignment {
  std::string assignee;
  std::string assigned_by;
  std::string assigned_at;
};

struct CorrectionRecord {
  int64_t id = 0;
  std::vector<std::string> fields;
  std::string message;
  std::string requested_by;
  std::string requested_at;
  std::optional<std::string> answered_at;
  std::optional<int> answers_revision;
};

struct ActRecord {
  int step_index = 0;
  procedures::ApprovalStepKind step = procedures::ApprovalStepKind::draft;
  std::string actor;
  std::string act;  // drafted, approved, returned
  std::string comment;
  std::string at;
};

struct DraftRecord {
  int64_t id = 0;
  DecisionDraft decision;
  std::string state;  // pending, returned, decided
  int next_step_index = 1;
  std::vector<procedures::ApprovalStep> chain;
  std::string created_at;
  std::optional<std::string> closed_at;
  std::vector<ActRecord> acts;

  ApprovalProgress progress() const;
};

struct NoteRecord {
  int64_t id = 0;
  std::string author;
  std::string body;
  std::string created_at;
};

struct CaseRecord {
  std::optional<Assignment> assignment;
  std::vector<CorrectionRecord> corrections;  // oldest first
  std::vector<DraftRecord> drafts;            // oldest first
  std::vector<NoteRecord> notes;              // oldest first

  const DraftRecord* pending_draft() const;
  // The latest correction request the citizen has not answered yet.
  const CorrectionRecord* open_correction() const;
  std::optional<std::string> assignee() const;
};

class CaseStore {
 public:
  explicit CaseStore(platform::db::Database& database) : db_(database) {}

  CaseRecord load(int64_t application_id) const;

  static void assign(platform::db::Connection& c, int64_t application_id, const std::string& assignee,
                     const std::string& by, const std::string& at);
  static int64_t add_correction(platform::db::Connection& c, int64_t application_id,
                                const std::vector<std::string>& fields, const std::string& message,
                                const std::string& by, const std::string& at);
  static void answer_correction(platform::db::Connection& c, int64_t correction_id, int answers_revision,
                                const std::string& at);
  // A pending draft with its step 0 (drafted by `by`).
  static int64_t add_draft(platform::db::Connection& c, int64_t application_id, const DecisionDraft& draft,
                           const std::vector<procedures::ApprovalStep>& chain, const std::string& by,
                           const std::string& at);
  // Records a step; "approved" moves the draft's next step on, and `close_state` (returned, decided) closes it.
  static void add_act(platform::db::Connection& c, int64_t draft_id, const ActRecord& act,
                      const std::optional<std::string>& close_state);
  // Returns the note's id.
  static int64_t add_note(platform::db::Connection& c, int64_t application_id, const std::string& author,
                          const std::string& body, const std::string& at);

 private:
  platform::db::Database& db_;
};

}  // namespace madoguchi::casework
