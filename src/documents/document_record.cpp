#include "documents/document_record.h"

#include <array>
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "documents/error.h"
#include "documents/signing/encoding.h"

namespace madoguchi::documents {
namespace {

using namespace std::chrono;

[[noreturn]] void malformed(const std::string& what_ja, const std::string& what_en) {
  throw DocumentError(DocumentErrc::malformed_record, "record", "文書の記録が読み取れません（" + what_ja + "）",
                      "the document record cannot be read (" + what_en + ")");
}

std::string iso_utc(sys_seconds instant) {
  const auto day = floor<days>(instant);
  const year_month_day date{day};
  const hh_mm_ss<seconds> time{instant - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(date.year()), unsigned(date.month()),
                unsigned(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return text;
}

sys_seconds parse_iso_utc(const std::string& text) {
  int y = 0;
  unsigned mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char zone = 0;
  int consumed = 0;
  if (text.size() != 20 ||
      std::sscanf(text.c_str(), "%4d-%2u-%2uT%2u:%2u:%2u%c%n", &y, &mo, &d, &h, &mi, &s, &zone, &consumed) != 7 ||
      consumed != 20 || zone != 'Z') {
    malformed("issued_at の形式", "issued_at format");
  }
  const year_month_day date{year{y}, month{mo}, day{d}};
  if (!date.ok() || h > 23 || mi > 59 || s > 59) malformed("issued_at の日時", "issued_at value");
  const sys_seconds instant = sys_days{date} + hours{h} + minutes{mi} + seconds{s};
  if (iso_utc(instant) != text) malformed("issued_at の形式", "issued_at format");
  return instant;
}

void append_field(std::string& out, std::string_view field) {
  const std::uint64_t length = field.size();
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((length >> shift) & 0xFF);
  out.append(field);
}

std::string string_member(const nlohmann::json& json, const char* name) {
  const auto it = json.find(name);
  if (it == json.end() || !it->is_string()) malformed(std::string(name) + " がありません", std::string("no ") + name);
  return it->get<std::string>();
}

}  // namespace

std::string pdf_sha256(std::string_view pdf_bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(pdf_bytes.data()), pdf_bytes.size());
  return signing::hex_encode(digest);
}

std::string signing_input(const DocumentRecord& record) {
  std::string out = "madoguchi/document-record/v1";
  append_field(out, record.document_id);
  append_field(out, record.pdf_sha256);
  append_field(out, iso_utc(record.issued_at));
  append_field(out, record.recipient_name);
  append_field(out, record.title);
  return out;
}

std::string to_json(const SignedRecord& signed_record) {
  const DocumentRecord& record = signed_record.record;
  const nlohmann::json json{{"version", 1},
                            {"document_id", record.document_id},
                            {"pdf_sha256", record.pdf_sha256},
                            {"issued_at", iso_utc(record.issued_at)},
                            {"recipient_name", record.recipient_name},
                            {"title", record.title},
                            {"key_id", signed_record.key_id},
                            {"signature", signed_record.signature}};
  try {
    return json.dump();
  } catch (const nlohmann::json::type_error&) {
    malformed("UTF-8 ではない文字列", "a string is not UTF-8");
  }
}

SignedRecord signed_record_from_json(std::string_view text) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) malformed("JSON ではありません", "not a JSON object");
  const auto version = json.find("version");
  if (version == json.end() || !version->is_number_integer() || version->get<int>() != 1) {
    malformed("対応していない版", "unsupported version");
  }
  SignedRecord out;
  out.record.document_id = string_member(json, "document_id");
  out.record.pdf_sha256 = string_member(json, "pdf_sha256");
  out.record.issued_at = parse_iso_utc(string_member(json, "issued_at"));
  out.record.recipient_name = string_member(json, "recipient_name");
  out.record.title = string_member(json, "title");
  out.key_id = string_member(json, "key_id");
  out.signature = string_member(json, "signature");
  return out;
}

}  // namespace madoguchi::documents
