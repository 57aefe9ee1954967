#include "applications/receipt_document.h"

#include "applications/answer_summary.h"
#include "applications/office.h"
#include "platform/time.h"

namespace madoguchi::applications {

namespace {

std::vector<std::string> next_steps(const Application& a, const procedures::Procedure& p, std::string_view public_url,
                                    const std::string& status_code) {
  std::vector<std::string> steps;
  if (a.channel == "counter") steps.push_back("窓口で、本人確認のうえ受け付けました。");
  if (a.channel == "mail") steps.push_back("郵送の申請書を受け付けました。");
  if (!p.processing_note.ja.empty()) steps.push_back(p.processing_note.ja);
  if (a.due_on) {
    std::string period = p.processing_days == 0 ? std::string("即日")
                                                 : "標準処理期間 " + std::to_string(p.processing_days) + "開庁日";
    steps.push_back("処理の目安: " + format_iso_date(*a.due_on, Language::ja) + "まで（" + period + "）");
  }
  if (p.fee.amount_yen) {
    std::string fee = "手数料: " + format_yen(*p.fee.amount_yen, Language::ja);
    if (!p.fee.per.ja.empty() && *p.fee.amount_yen > 0) fee += "（" + p.fee.per.ja + "）";
    steps.push_back(fee);
  }
  if (!p.fee.note.ja.empty()) steps.push_back(p.fee.note.ja);
  std::string url(public_url);
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (status_code.empty()) {
    steps.push_back("申請の状況は " + url + "/status で、受付番号と確認コード（受付の画面と確認メールに記載）を入力して確認できます。");
  } else {
    steps.push_back("確認コード: " + status_code);
    steps.push_back("申請の状況は " + url + "/status で、受付番号と上の確認コードを入力して確認できます。確認コードはほかの人に教えないでください。");
  }
  return steps;
}

}  // namespace

documents::ReceiptModel receipt_model(const Application& a, const procedures::Procedure& p,
                                      const procedures::Directory& directory, std::string_view public_url,
                                      const std::string& status_code) {
  documents::ReceiptModel model;
  model.office = receipt_office(p, directory);
  model.reference = a.reference;
  model.procedure_name = p.name.ja;
  model.submitted_at = std::chrono::floor<std::chrono::seconds>(platform::parse_iso_timestamp(a.submitted_at));
  model.applicant_name = a.applicant_name.empty() ? "（記入なし）" : a.applicant_name;
  model.next_steps = next_steps(a, p, public_url, status_code);
  FormState state(p.form, a.answers, platform::tokyo_date(platform::parse_iso_timestamp(a.submitted_at)));
  for (const auto& section : summarize(state, a.answers, {}, Language::ja)) {
    for (const auto& block : section.blocks) {
      documents::Section out{block.title.empty() ? section.title : block.title, {}};
      for (const auto& row : block.rows) out.rows.push_back({row.label, row.value});
      model.sections.push_back(std::move(out));
    }
  }
  return model;
}

std::string render_receipt_pdf(const Application& application, const procedures::Procedure& procedure,
                               const procedures::Directory& directory, std::string_view public_url,
                               const std::string& status_code) {
  return documents::render_receipt(receipt_model(application, procedure, directory, public_url, status_code)).bytes;
}

}  // namespace madoguchi::applications
