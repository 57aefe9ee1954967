#include "applications/upload_quota.h"

#include <algorithm>

namespace madoguchi::applications {

const forms::LocalizedText& too_many_uploads_message() {
  static const forms::LocalizedText message{
      "この接続からのファイルの送信が多すぎます。1時間ほどしてから、もう一度お試しください。",
      "Too many files were uploaded from your connection. Please try again in about an hour.",
      "ファイルを おくった かいすうが おおすぎます。1じかん ほど してから もう いちど して ください。"};
  return message;
}

UploadQuota::UploadQuota(AccessAttempts& attempts, int per_hour)
    : attempts_(attempts), limit_{"upload_client", per_hour, std::chrono::hours(1)} {}

std::optional<std::chrono::seconds> UploadQuota::spend(std::string_view client) {
  if (attempts_.allow(limit_, client)) return std::nullopt;
  return std::max(std::chrono::seconds(1), attempts_.retry_after(limit_, client));
}

}  // namespace madoguchi::applications
