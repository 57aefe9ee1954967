#include "casework/notice_content.h"

#include "applications/answer_paths.h"
#include "casework/due_rules.h"
#include "jp/wareki.h"
#include "platform/time.h"

namespace madoguchi::casework {

namespace {

// Longer procedure names stay in the body and items, and the title is the kind alone.
constexpr size_t kMaxTitleNameCharacters = 40;

std::string wareki(std::chrono::year_month_day date) {
  auto text = jp::format_wareki(date);
  return text.ok() ? text.value() : platform::iso_date(date);
}

std::string submitted_on(const applications::Application& application) {
  try {
    return wareki(platform::tokyo_date(platform::parse_iso_timestamp(application.submitted_at)));
  } catch (const std::invalid_argument&) {
    return application.submitted_at.substr(0, 10);
  }
}

const std::vector<std::string>& appeal_instructions() {
  static const std::vector<std::string> lines = {
      "この処分に不服がある場合は、この処分があったことを知った日の翌日から起算して3か月以内に、仙台市長に対して審査請求をすることができます。",
      "この処分の取消しの訴えは、この処分があったことを知った日の翌日から起算して6か月以内に、仙台市を被告として（訴訟において仙台市を代表する者は仙台市長となります。）提起することができます。"};
  return lines;
}

// The letterhead: the city, the ward office for procedures a ward handles, the
// department, and where to ask.
documents::Office notice_office(const NoticeInput& in) {
  documents::Office office;
  office.organization = in.directory.city_ja.empty() ? "仙台市" : in.directory.city_ja;
  const auto* department = in.directory.find_department(in.procedure.department);
  std::string name = department ? department->name.ja : in.procedure.department;
  if (in.procedure.handled_at == procedures::Handling::ward_office && in.application.ward) {
    if (const auto* ward = in.directory.find_ward(*in.application.ward)) name = ward->office.ja + "（" + name + "）";
  }
  office.department = name;
  office.contact_lines = {"お問い合わせ: 仙台市総合コールセンター「杜の都おしえてコール」",
                          "電話 022-398-4894（毎日 8時〜20時。土日・祝休日は17時まで）",
                          "〒980-8671 仙台市青葉区国分町三丁目7番1号 仙台市役所"};
  return office;
}

}  // namespace

documents::NoticeModel notice_model(const NoticeInput& in) {
  const bool approve = in.decision.outcome == Outcome::approve;
  const std::string& name = in.procedure.name.ja;
  documents::NoticeModel model;
  model.kind = documents::NoticeKind::decision_notice;
  model.office = notice_office(in);
  model.document_number = "第" + in.application.reference + "号";
  model.issued_on = in.issued_on;
  model.recipient.name = in.application.applicant_name;
  model.recipient.honorific = "様";
  if (in.decision.delivery == Delivery::post) {
    model.recipient.postal_code = in.decision.postal_code;
    model.recipient.address_lines = in.decision.address_lines;
  }
  const std::string kind = approve ? "決定通知書" : "却下通知書";
  model.title = character_count(name) <= kMaxTitleNameCharacters ? name + " " + kind : kind;
  model.body = {submitted_on(in.application) + "付けで申請のあった「" + name + "」について、" +
                (approve ? "次のとおり決定したので通知します。" : "次の理由により却下したので通知します。")};
  model.items = {{"受付番号", in.application.reference},
                 {"手続", name},
                 {"申請者", in.application.applicant_name},
                 {"申請日", submitted_on(in.application)},
                 {"決定の内容", approve ? "申請のとおり決定します。" : "申請を却下します。"}};
  if (!in.decision.reason.empty()) model.items.push_back({approve ? "備考" : "却下の理由", in.decision.reason});
  model.remarks_heading = "教示";
  model.remarks = appeal_instructions();
  model.issuer = "仙台市長";
  model.reference = in.application.reference;
  return model;
}

Delivery default_delivery(const applications::Application& application) {
  if (application.channel != "online") return Delivery::post;
  if (!application.contact_email && !application.citizen_account_id) return Delivery::post;
  return Delivery::electronic;
}

MailingAddress mailing_address(const procedures::Procedure& procedure, const nlohmann::json& answers) {
  MailingAddress out;
  if (!procedure.applicant.address.empty()) {
    if (auto address = applications::string_at(answers, procedure.applicant.address)) {
      out.lines = split_lines(*address);
    }
  }
  for (const auto& section : procedure.form.sections) {
    for (const auto& field : section.fields) {
      if (field.type != forms::FieldType::postal_code || !out.postal_code.empty()) continue;
      if (auto code = applications::string_at(answers, field.id)) out.postal_code = *code;
    }
  }
  return out;
}

nlohmann::json notice_to_json(const documents::NoticeModel& m) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& row : m.items) items.push_back({row.label, row.value});
  return {{"kind", m.kind == documents::NoticeKind::certificate ? "certificate" : "decision_notice"},
          {"office", {{"organization", m.office.organization}, {"department", m.office.department},
                      {"contact_lines", m.office.contact_lines}}},
          {"document_number", m.document_number},
          {"issued_on", platform::iso_date(m.issued_on)},
          {"recipient", {{"postal_code", m.recipient.postal_code}, {"address_lines", m.recipient.address_lines},
                         {"name", m.recipient.name}, {"honorific", m.recipient.honorific}}},
          {"title", m.title},
          {"body", m.body},
          {"items", items},
          {"remarks_heading", m.remarks_heading},
          {"remarks", m.remarks},
          {"issuer", m.issuer},
          {"reference", m.reference},
          {"verification_url", m.verification_url}};
}

documents::NoticeModel notice_from_json(const nlohmann::json& j) {
  documents::NoticeModel m;
  m.kind = j.at("kind") == "certificate" ? documents::NoticeKind::certificate : documents::NoticeKind::decision_notice;
  m.office.organization = j.at("office").at("organization");
  m.office.department = j.at("office").at("department");
  m.office.contact_lines = j.at("office").at("contact_lines").get<std::vector<std::string>>();
  m.document_number = j.at("document_number");
  std::string issued = j.at("issued_on");
  auto date = parse_iso_date(issued);
  if (date) m.issued_on = *date;
  const auto& r = j.at("recipient");
  m.recipient.postal_code = r.at("postal_code");
  m.recipient.address_lines = r.at("address_lines").get<std::vector<std::string>>();
  m.recipient.name = r.at("name");
  m.recipient.honorific = r.at("honorific");
  m.title = j.at("title");
  m.body = j.at("body").get<std::vector<std::string>>();
  for (const auto& row : j.at("items")) m.items.push_back({row.at(0).get<std::string>(), row.at(1).get<std::string>()});
  m.remarks_heading = j.at("remarks_heading");
  m.remarks = j.at("remarks").get<std::vector<std::string>>();
  m.issuer = j.at("issuer");
  m.reference = j.at("reference");
  m.verification_url = j.at("verification_url");
  return m;
}

}  // namespace madoguchi::casework
