#include "casework/case_store.h"

#include <map>

#include <nlohmann/json.hpp>

namespace madoguchi::casework {

using platform::db::Connection;

ApprovalProgress DraftRecord::progress() const {
  ApprovalProgress progress;
  progress.chain = chain;
  for (const auto& act : acts) {
    if (act.act != "returned") progress.acts.push_back({act.step_index, act.actor});
  }
  return progress;
}

const DraftRecord* CaseRecord::pending_draft() const {
  for (auto it = drafts.rbegin(); it != drafts.rend(); ++it) {
    if (it->state == "pending") return &*it;
  }
  return nullptr;
}

const CorrectionRecord* CaseRecord::open_correction() const {
  if (corrections.empty() || corrections.back().answered_at) return nullptr;
  return &corrections.back();
}

std::optional<std::string> CaseRecord::assignee() const {
  if (!assignment) return std::nullopt;
  return assignment->assignee;
}

CaseRecord CaseStore::load(int64_t id) const {
  return db_.read([&](Connection& c) {
    CaseRecord record;
    if (auto row = c.query_one("SELECT assignee, assigned_by, assigned_at FROM casework_assignments WHERE application_id = ?",
                               {id})) {
      record.assignment = Assignment{row->text(0), row->text(1), row->text(2)};
    }
    for (const auto& r : c.query("SELECT id, fields, message, requested_by, requested_at, answered_at, answers_revision "
                                 "FROM casework_corrections WHERE application_id = ? ORDER BY id",
                                 {id})) {
      CorrectionRecord correction;
      correction.id = r.integer(0);
      auto fields = nlohmann::json::parse(r.text(1), nullptr, false);
      if (fields.is_array()) {
        for (const auto& f : fields) {
          if (f.is_string()) correction.fields.push_back(f.get<std::string>());
        }
      }
      correction.message = r.text(2);
      correction.requested_by = r.text(3);
      correction.requested_at = r.text(4);
      correction.answered_at = r.optional_text(5);
      if (auto revision = r.optional_integer(6)) correction.answers_revision = static_cast<int>(*revision);
      record.corrections.push_back(std::move(correction));
    }
    std::map<int64_t, size_t> by_id;
    for (const auto& r : c.query("SELECT id, outcome, reason, delivery, postal_code, address, state, next_step_index, "
                                 "chain, created_at, closed_at FROM casework_drafts WHERE application_id = ? ORDER BY id",
                                 {id})) {
      DraftRecord draft;
      draft.id = r.integer(0);
      draft.decision.outcome = outcome_from_name(r.text(1)).value_or(Outcome::approve);
      draft.decision.reason = r.text(2);
      draft.decision.delivery = delivery_from_name(r.text(3)).value_or(Delivery::electronic);
      draft.decision.postal_code = r.text(4);
      draft.decision.address_lines = split_lines(r.text(5));
      draft.state = r.text(6);
      draft.next_step_index = static_cast<int>(r.integer(7));
      draft.chain = chain_from_json(r.text(8));
      draft.created_at = r.text(9);
      draft.closed_at = r.optional_text(10);
      by_id[draft.id] = record.drafts.size();
      record.drafts.push_back(std::move(draft));
    }
    if (!record.drafts.empty()) {
      for (const auto& r : c.query("SELECT t.draft_id, t.step_index, t.step, t.actor, t.act, t.comment, t.at "
                                   "FROM casework_approval_acts t JOIN casework_drafts d ON d.id = t.draft_id "
                                   "WHERE d.application_id = ? ORDER BY t.draft_id, t.step_index",
                                   {id})) {
        auto it = by_id.find(r.integer(0));
        if (it == by_id.end()) continue;
        record.drafts[it->second].acts.push_back(
            {static_cast<int>(r.integer(1)),
             procedures::approval_step_from_name(r.text(2)).value_or(procedures::ApprovalStepKind::review), r.text(3),
             r.text(4), r.text(5), r.text(6)});
      }
    }
    for (const auto& r : c.query("SELECT id, author, body, created_at FROM casework_notes WHERE application_id = ? "
                                 "ORDER BY id",
                                 {id})) {
      record.notes.push_back({r.integer(0), r.text(1), r.text(2), r.text(3)});
    }
    return record;
  });
}

void CaseStore::assign(Connection& c, int64_t id, const std::string& assignee, const std::string& by,
                       const std::string& at) {
  c.execute(
      "INSERT INTO casework_assignments (application_id, assignee, assigned_by, assigned_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (application_id) DO UPDATE SET assignee = excluded.assignee, assigned_by = excluded.assigned_by, "
      "assigned_at = excluded.assigned_at",
      {id, assignee, by, at});
}

int64_t CaseStore::add_correction(Connection& c, int64_t id, const std::vector<std::string>& fields,
                                  const std::string& message, const std::string& by, const std::string& at) {
  return c
      .query_one("INSERT INTO casework_corrections (application_id, fields, message, requested_by, requested_at) "
                 "VALUES (?, ?, ?, ?, ?) RETURNING id",
                 {id, nlohmann::json(fields).dump(), message, by, at})
      ->integer(0);
}

void CaseStore::answer_correction(Connection& c, int64_t correction_id, int answers_revision, const std::string& at) {
  c.execute("UPDATE casework_corrections SET answered_at = ?, answers_revision = ? WHERE id = ?",
            {at, answers_revision, correction_id});
}

int64_t CaseStore::add_draft(Connection& c, int64_t id, const DecisionDraft& draft,
                             const std::vector<procedures::ApprovalStep>& chain, const std::string& by,
                             const std::string& at) {
  const int64_t draft_id =
      c.query_one("INSERT INTO casework_drafts (application_id, outcome, reason, delivery, postal_code, address, state, "
                  "next_step_index, chain, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', 1, ?, ?) RETURNING id",
                  {id, outcome_name(draft.outcome), draft.reason, delivery_name(draft.delivery), draft.postal_code,
                   join_lines(draft.address_lines), chain_to_json(chain), at})
          ->integer(0);
  c.execute("INSERT INTO casework_approval_acts (draft_id, step_index, step, actor, act, comment, at) "
            "VALUES (?, 0, 'draft', ?, 'drafted', '', ?)",
            {draft_id, by, at});
  return draft_id;
}

void CaseStore::add_act(Connection& c, int64_t draft_id, const ActRecord& act,
                        const std::optional<std::string>& close_state) {
  c.execute("INSERT INTO casework_approval_acts (draft_id, step_index, step, actor, act, comment, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            {draft_id, act.step_index, procedures::approval_step_name(act.step), act.actor, act.act, act.comment, act.at});
  if (act.act == "approved") {
    c.execute("UPDATE casework_drafts SET next_step_index = ? WHERE id = ?", {act.step_index + 1, draft_id});
  }
  if (close_state) {
    c.execute("UPDATE casework_drafts SET state = ?, closed_at = ? WHERE id = ?", {*close_state, act.at, draft_id});
  }
}

int64_t CaseStore::add_note(Connection& c, int64_t id, const std::string& author, const std::string& body,
                            const std::string& at) {
  return c
      .query_one("INSERT INTO casework_notes (application_id, author, body, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                 {id, author, body, at})
      ->integer(0);
}

}  // namespace madoguchi::casework
