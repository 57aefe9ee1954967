// IntakeStore: intakes and their items in the database. Every write is one
// transaction together with its audit entry (identity::AuditLog), so a change
// exists if and only if it is audited. Item answers change only from the row
// version the clerk saw (a conditional update: two screens cannot overwrite
// each other); the citizen's entered answers never change.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "applications/draft.h"
#include "counter/intake.h"
#include "counter/number_vault.h"
#include "counter/pre_entry_store.h"
#include "identity/audit_log.h"
#include "platform/db/database.h"

namespace madoguchi::counter {

struct NewIntake {
  std::optional<std::string> ward;
  std::string clerk;
  std::optional<std::string> visit_reference;
};

class IntakeStore {
 public:
  IntakeStore(platform::db::Database& database, const identity::AuditLog& audit, const NumberVault& vault)
      : db_(database), audit_(audit), vault_(vault) {}

  // Opens an intake with one item per draft (answers copied) and spends the
  // code in the same transaction; nothing if the code was spent meanwhile.
  std::optional<Intake> open(const NewIntake& intake, const TakenPreEntry& code,
                             const std::vector<applications::Draft>& drafts, const identity::AuditEntry& audit);
  std::optional<Intake> find(const std::string& public_id) const;

  // New answers for an item from `expected_row_version`; false if it changed
  // meanwhile or was submitted.
  bool correct(int64_t item_id, int expected_row_version, const nlohmann::json& answers,
               const identity::AuditEntry& audit);
  // The card's four items (and its sealed number, when read) for the intake.
  void record_card(int64_t intake_id, const nlohmann::json& card_items, const std::optional<std::string>& number,
                   const std::string& clerk, const identity::AuditEntry& audit);
  void record_identity(int64_t intake_id, const std::string& document, const identity::AuditEntry& audit);
  void record_visit(int64_t intake_id, const std::optional<std::string>& visit_reference,
                    const identity::AuditEntry& audit);
  // Appends an audit entry inside the caller's write transaction.
  void record_audit(platform::db::Connection& c, const identity::AuditEntry& entry) const { audit_.record(c, entry); }
  // Inside the submitting transaction: the item's application.
  static bool link_application(platform::db::Connection& c, int64_t item_id, int64_t application_id);

 private:
  platform::db::Database& db_;
  const identity::AuditLog& audit_;
  const NumberVault& vault_;
};

}  // namespace madoguchi::counter
