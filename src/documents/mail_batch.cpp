#include "documents/mail_batch.h"

#include <set>

#include "documents/error.h"
#include "documents/notice_checks.h"
#include "documents/render/notice_layout.h"

namespace madoguchi::documents {
namespace {

NoticeModel checked_for_post(const NoticeModel& notice, std::size_t index) {
  try {
    return checked_notice(notice, Delivery::by_post);
  } catch (const DocumentError& error) {
    throw DocumentError(error.code(), "notices[" + std::to_string(index) + "]." + error.field(), error.message_ja(),
                        error.message_en());
  }
}

std::string joined_address(const std::vector<std::string>& lines) {
  std::string address;
  for (const std::string& line : lines) address += (address.empty() ? "" : "　") + line;
  return address;
}

}  // namespace

MailBatch render_mail_batch(std::span<const NoticeModel> notices) {
  if (notices.empty()) {
    throw DocumentError(DocumentErrc::invalid_input, "notices", "郵送する通知がありません", "there are no notices to mail");
  }
  std::vector<NoticeModel> models;
  models.reserve(notices.size());
  for (std::size_t i = 0; i < notices.size(); ++i) models.push_back(checked_for_post(notices[i], i));

  MailBatch batch;
  render::PdfWriter writer({"郵送用通知 " + std::to_string(models.size()) + " 通", models.front().office.organization,
                            "郵送用一括印刷", ""});
  std::set<char32_t> missing;
  int page = 1;
  for (const NoticeModel& model : models) {
    render::Composer composer = render::notice_composer();
    const std::vector<render::Page> pages = render::layout_notice(composer, model);
    render::paint_pages(writer, pages, render::notice_footer(model), composer);
    missing.insert(composer.glyphs().missing().begin(), composer.glyphs().missing().end());
    batch.items.push_back(MailItem{model.document_number, model.recipient.name, model.recipient.postal_code,
                                   joined_address(model.recipient.address_lines), page,
                                   static_cast<int>(pages.size())});
    page += static_cast<int>(pages.size());
  }
  batch.pdf.bytes = writer.finish();
  batch.pdf.pages = page - 1;
  batch.pdf.missing_characters.assign(missing.begin(), missing.end());
  return batch;
}

}  // namespace madoguchi::documents
