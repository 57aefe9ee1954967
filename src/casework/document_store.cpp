#include "casework/document_store.h"

namespace madoguchi::casework {

using platform::db::Connection;
using platform::db::Row;

namespace {

std::string columns(bool with_pdf) {
  return std::string("d.document_id, d.application_id, d.draft_id, d.outcome, d.title, d.signed_record, ") +
         (with_pdf ? "d.pdf" : "''") +
         ", d.notice_model, d.delivery, d.department, d.ward, d.missing_characters, d.issued_at, d.issued_on, "
         "a.reference FROM casework_documents d JOIN applications a ON a.id = d.application_id ";
}

IssuedDocument from_row(const Row& r) {
  IssuedDocument d;
  d.document_id = r.text(0);
  d.application_id = r.integer(1);
  d.draft_id = r.integer(2);
  d.outcome = outcome_from_name(r.text(3)).value_or(Outcome::approve);
  d.title = r.text(4);
  d.signed_record = r.text(5);
  if (!r.is_null(6)) {
    if (auto blob = r.blob(6); !blob.empty()) d.pdf.assign(blob.begin(), blob.end());
  }
  d.notice_model = nlohmann::json::parse(r.text(7), nullptr, false);
  d.delivery = delivery_from_name(r.text(8)).value_or(Delivery::electronic);
  d.department = r.text(9);
  d.ward = r.optional_text(10);
  d.missing_characters = r.text(11);
  d.issued_at = r.text(12);
  d.issued_on = r.text(13);
  d.reference = r.text(14);
  return d;
}

void code_set(std::string& where, platform::db::Params& params, const char* column,
              const identity::CodeSet& set) {
  if (set.is_all()) return;
  auto codes = set.codes();
  where += std::string(" AND ") + column + " IN (";
  for (size_t i = 0; i < codes.size(); ++i) {
    where += i == 0 ? "?" : ", ?";
    params.emplace_back(codes[i]);
  }
  if (codes.empty()) where += "NULL";
  where += ")";
}

}  // namespace

void DocumentStore::insert(Connection& c, const IssuedDocument& d) {
  c.execute("INSERT INTO casework_documents (document_id, application_id, draft_id, outcome, title, signed_record, pdf, "
            "notice_model, delivery, department, ward, missing_characters, issued_at, issued_on) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {d.document_id, d.application_id, d.draft_id, outcome_name(d.outcome), d.title, d.signed_record,
             platform::db::Blob(d.pdf.begin(), d.pdf.end()), d.notice_model.dump(), delivery_name(d.delivery),
             d.department, d.ward, d.missing_characters, d.issued_at, d.issued_on});
}

std::optional<IssuedDocument> DocumentStore::find(const std::string& document_id, bool with_pdf) const {
  return db_.read([&](Connection& c) -> std::optional<IssuedDocument> {
    auto row = c.query_one("SELECT " + columns(with_pdf) + "WHERE d.document_id = ?", {document_id});
    if (!row) return std::nullopt;
    return from_row(*row);
  });
}

std::optional<IssuedDocument> DocumentStore::latest_for(int64_t application_id, bool with_pdf) const {
  return db_.read([&](Connection& c) -> std::optional<IssuedDocument> {
    auto row = c.query_one("SELECT " + columns(with_pdf) + "WHERE d.application_id = ? ORDER BY d.issued_at DESC LIMIT 1",
                           {application_id});
    if (!row) return std::nullopt;
    return from_row(*row);
  });
}

std::vector<IssuedDocument> DocumentStore::posted_on(const std::string& date, const identity::Scope& scope) const {
  std::string where = "WHERE d.delivery = 'post' AND d.issued_on = ?";
  platform::db::Params params{date};
  code_set(where, params, "d.department", scope.departments);
  code_set(where, params, "d.ward", scope.wards);
  return db_.read([&](Connection& c) {
    std::vector<IssuedDocument> out;
    for (const auto& row : c.query("SELECT " + columns(false) + where + " ORDER BY d.issued_at, d.document_id", params)) {
      out.push_back(from_row(row));
    }
    return out;
  });
}

}  // namespace madoguchi::casework
