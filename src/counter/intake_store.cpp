#include "counter/intake_store.h"

#include "platform/crypto.h"
#include "platform/time.h"

namespace madoguchi::counter {

using platform::db::Connection;

std::optional<Intake> IntakeStore::open(const NewIntake& intake, const TakenPreEntry& code,
                                        const std::vector<applications::Draft>& drafts,
                                        const identity::AuditEntry& audit) {
  std::string public_id = platform::crypto::random_token(12);
  std::string now = platform::now_iso();
  struct AlreadySpent {};
  try {
    db_.write([&](Connection& c) {
    auto row = c.query_one(
        "INSERT INTO counter_intakes (public_id, ward, clerk, visit_reference, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {public_id, intake.ward, intake.clerk, intake.visit_reference, now, now});
    int64_t id = row->integer(0);
    if (!PreEntryStore::spend(c, code.id, id, now)) throw AlreadySpent{};
    for (size_t i = 0; i < drafts.size(); ++i) {
      const auto& d = drafts[i];
      c.execute(
          "INSERT INTO counter_intake_items (intake_id, position, draft_id, procedure_id, procedure_version, "
          "entered_answers, answers) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {id, static_cast<int64_t>(i), d.id, d.procedure_id, d.procedure_version, d.answers.dump(), d.answers.dump()});
    }
    auto entry = audit;
    entry.subject_id = public_id;
    audit_.record(c, entry);
    return 0;
  });
  } catch (const AlreadySpent&) {
    return std::nullopt;
  }
  return find(public_id);
}

std::optional<Intake> IntakeStore::find(const std::string& public_id) const {
  auto intake = db_.read([&](Connection& c) -> std::optional<Intake> {
    auto row = c.query_one(
        "SELECT id, public_id, ward, clerk, visit_reference, identity_document, card_items, created_at "
        "FROM counter_intakes WHERE public_id = ?",
        {public_id});
    if (!row) return std::nullopt;
    Intake out;
    out.id = row->integer(0);
    out.public_id = row->text(1);
    out.ward = row->optional_text(2);
    out.clerk = row->text(3);
    out.visit_reference = row->optional_text(4);
    out.identity_document = row->optional_text(5);
    if (auto card = row->optional_text(6)) out.card_items = nlohmann::json::parse(*card);
    out.created_at = row->text(7);
    for (const auto& r : c.query(
             "SELECT i.id, i.position, i.draft_id, i.procedure_id, i.procedure_version, i.entered_answers, i.answers, "
             "i.row_version, i.application_id, a.reference FROM counter_intake_items i "
             "LEFT JOIN applications a ON a.id = i.application_id WHERE i.intake_id = ? ORDER BY i.position",
             {out.id})) {
      IntakeItem item;
      item.id = r.integer(0);
      item.position = static_cast<int>(r.integer(1));
      item.draft_id = r.optional_integer(2);
      item.procedure_id = r.text(3);
      item.procedure_version = static_cast<int>(r.integer(4));
      item.entered_answers = nlohmann::json::parse(r.text(5));
      item.answers = nlohmann::json::parse(r.text(6));
      item.row_version = static_cast<int>(r.integer(7));
      item.application_id = r.optional_integer(8);
      item.reference = r.optional_text(9);
      out.items.push_back(std::move(item));
    }
    return out;
  });
  if (intake) intake->has_individual_number = vault_.has(intake->id);
  return intake;
}

bool IntakeStore::correct(int64_t item_id, int expected_row_version, const nlohmann::json& answers,
                          const identity::AuditEntry& audit) {
  return db_.write([&](Connection& c) {
    int64_t changed = c.execute(
        "UPDATE counter_intake_items SET answers = ?, row_version = row_version + 1 "
        "WHERE id = ? AND row_version = ? AND application_id IS NULL",
        {answers.dump(), item_id, expected_row_version});
    if (changed != 1) return false;
    audit_.record(c, audit);
    return true;
  });
}

void IntakeStore::record_card(int64_t intake_id, const nlohmann::json& card_items,
                              const std::optional<std::string>& number, const std::string& clerk,
                              const identity::AuditEntry& audit) {
  std::string now = platform::now_iso();
  db_.write([&](Connection& c) {
    c.execute("UPDATE counter_intakes SET card_items = ?, updated_at = ? WHERE id = ?", {card_items.dump(), now, intake_id});
    if (number) vault_.store(c, intake_id, *number, clerk, now);
    audit_.record(c, audit);
    return 0;
  });
}

void IntakeStore::record_identity(int64_t intake_id, const std::string& document, const identity::AuditEntry& audit) {
  db_.write([&](Connection& c) {
    c.execute("UPDATE counter_intakes SET identity_document = ?, updated_at = ? WHERE id = ?",
              {document, platform::now_iso(), intake_id});
    audit_.record(c, audit);
    return 0;
  });
}

void IntakeStore::record_visit(int64_t intake_id, const std::optional<std::string>& visit_reference,
                               const identity::AuditEntry& audit) {
  db_.write([&](Connection& c) {
    c.execute("UPDATE counter_intakes SET visit_reference = ?, updated_at = ? WHERE id = ?",
              {visit_reference, platform::now_iso(), intake_id});
    audit_.record(c, audit);
    return 0;
  });
}

bool IntakeStore::link_application(Connection& c, int64_t item_id, int64_t application_id) {
  return c.execute("UPDATE counter_intake_items SET application_id = ? WHERE id = ? AND application_id IS NULL",
                   {application_id, item_id}) == 1;
}

}  // namespace madoguchi::counter
