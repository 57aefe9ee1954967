#include "documents/text_rules.h"

#include <utility>

#include "documents/error.h"
#include "jp/unicode.h"

namespace madoguchi::documents {
namespace {

[[noreturn]] void refuse(std::string_view field, std::string ja, std::string en) {
  throw DocumentError(DocumentErrc::invalid_input, std::string(field), std::move(ja), std::move(en));
}

bool is_forbidden(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;        // C0, DEL, C1
  if (cp >= 0x202A && cp <= 0x202E) return true;                    // bidi embeddings, overrides
  if (cp >= 0x2066 && cp <= 0x2069) return true;                    // bidi isolates
  if (cp == 0xFFFE || cp == 0xFFFF || (cp >= 0xFDD0 && cp <= 0xFDEF)) return true;  // noncharacters
  return false;
}

}  // namespace

std::string checked_text(std::string_view field, std::string_view text, TextShape shape,
                         Presence presence) {
  if (text.size() > max_field_bytes) {
    refuse(field, "長すぎます（最大 " + std::to_string(max_field_bytes) + " バイト）",
           "is too long (at most " + std::to_string(max_field_bytes) + " bytes)");
  }
  std::string out;
  out.reserve(text.size());
  bool has_visible = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto decoded = jp::decode_at(text, pos);
    if (!decoded) {
      refuse(field, "文字コードが正しくありません（UTF-8 ではありません。" + std::to_string(pos) + " バイト目）",
             "is not valid UTF-8 (at byte " + std::to_string(pos) + ")");
    }
    const char32_t cp = *decoded;
    if (cp == '\r' || cp == '\n') {
      if (shape == TextShape::single_line) refuse(field, "改行は使えません", "must be a single line");
      if (cp == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
      out += '\n';
      continue;
    }
    if (cp == '\t') {
      out += ' ';
      continue;
    }
    if (is_forbidden(cp)) {
      refuse(field, "使えない制御文字（" + jp::code_point_label(cp) + "）が含まれています",
             "contains a control character (" + jp::code_point_label(cp) + ") that cannot be printed");
    }
    if (cp != ' ' && cp != 0x3000) has_visible = true;
    jp::append_utf8(out, cp);
  }
  if (presence == Presence::required && !has_visible) refuse(field, "入力されていません", "is empty");
  return out;
}

void count_document_bytes(std::size_t& total, std::size_t bytes) {
  total += bytes;
  if (total > max_document_bytes) {
    refuse("", "文書の内容が多すぎます（最大 " + std::to_string(max_document_bytes / (1024 * 1024)) + " MB）",
           "the document content is too large (at most " +
               std::to_string(max_document_bytes / (1024 * 1024)) + " MB)");
  }
}

}  // namespace madoguchi::documents
