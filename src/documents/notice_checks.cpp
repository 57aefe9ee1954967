#include "documents/notice_checks.h"

#include "documents/content_checks.h"
#include "documents/error.h"

namespace madoguchi::documents {
namespace {

constexpr std::size_t max_address_lines = 4;
constexpr std::size_t max_paragraphs = 50;
constexpr std::size_t max_items = 200;
constexpr std::size_t max_url_length = 200;

[[noreturn]] void refuse(const std::string& field, std::string ja, std::string en) {
  throw DocumentError(DocumentErrc::invalid_input, field, std::move(ja), std::move(en));
}

std::string checked_postal_code(std::string_view text, Delivery delivery) {
  if (text.empty()) {
    if (delivery == Delivery::by_post) {
      refuse("recipient.postal_code", "郵送には郵便番号が必要です", "a postal code is needed to mail the notice");
    }
    return {};
  }
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (!(c == '-' && i == 3)) {
      digits.clear();
      break;
    }
  }
  if (digits.size() != 7) {
    refuse("recipient.postal_code", "郵便番号は半角数字7桁で入力してください（例 980-8671）",
           "a postal code is 7 ASCII digits (e.g. 980-8671)");
  }
  return digits.substr(0, 3) + "-" + digits.substr(3);
}

std::string checked_url(std::string_view url) {
  const bool scheme = url.starts_with("https://") || url.starts_with("http://");
  bool printable = true;
  for (char c : url) printable = printable && c > 0x20 && c < 0x7F;
  if (!scheme || !printable || url.size() > max_url_length) {
    refuse("verification_url",
           "確認用 URL は http(s):// で始まる 200 文字以内の半角英数字の URL にしてください",
           "the verification URL must be an http(s) URL of at most 200 printable ASCII characters");
  }
  return std::string(url);
}

}  // namespace

NoticeModel checked_notice(const NoticeModel& model, Delivery delivery) {
  CheckBudget budget;
  NoticeModel out;
  out.kind = model.kind;
  out.office = checked_office(budget, "office", model.office);
  out.document_number = checked_line(budget, "document_number", model.document_number, 40);
  if (!model.issued_on.ok()) refuse("issued_on", "発行日が正しい日付ではありません", "is not a valid date");
  out.issued_on = model.issued_on;
  out.recipient.postal_code = checked_postal_code(model.recipient.postal_code, delivery);
  if (model.recipient.address_lines.size() > max_address_lines) {
    refuse("recipient.address_lines", "住所は4行までです", "an address has at most 4 lines");
  }
  if (delivery == Delivery::by_post && model.recipient.address_lines.empty()) {
    refuse("recipient.address_lines", "郵送には住所が必要です", "an address is needed to mail the notice");
  }
  out.recipient.address_lines =
      checked_lines(budget, "recipient.address_lines", model.recipient.address_lines, max_address_lines, 60);
  out.recipient.name = checked_line(budget, "recipient.name", model.recipient.name, 100);
  out.recipient.honorific = checked_line(budget, "recipient.honorific", model.recipient.honorific, 4, Presence::optional);
  out.title = checked_line(budget, "title", model.title, 60);
  out.body = checked_list(budget, "body", model.body, max_paragraphs, TextShape::multi_line);
  out.items = checked_rows(budget, "items", model.items, max_items);
  out.remarks_heading = checked_line(budget, "remarks_heading", model.remarks_heading, 30, Presence::optional);
  out.remarks = checked_list(budget, "remarks", model.remarks, max_paragraphs, TextShape::multi_line);
  out.issuer = checked_line(budget, "issuer", model.issuer, 60);
  out.reference = checked_reference("reference", model.reference, Presence::optional);
  out.verification_url = checked_url(model.verification_url);
  return out;
}

}  // namespace madoguchi::documents
