#include "notify/smtp_settings.h"

#include <stdexcept>

namespace madoguchi::notify {

StartTls parse_starttls(std::string_view text) {
  if (text == "never") return StartTls::never;
  if (text == "when_available") return StartTls::when_available;
  if (text == "required") return StartTls::required;
  throw std::invalid_argument(
      "smtp.starttls: never, when_available, required のいずれかにしてください / "
      "must be never, when_available or required");
}

void SmtpSettings::validate() const {
  bool plain = url.starts_with("smtp://");
  if (!(plain || url.starts_with("smtps://")) || url.size() <= (plain ? 7u : 8u) ||
      url.find_first_of(" \r\n") != std::string::npos) {
    throw std::invalid_argument(
        "smtp.url: smtp://ホスト:ポート または smtps://ホスト:ポート の形式にしてください / "
        "must be smtp://host:port or smtps://host:port");
  }
  notify::validate(sender());
  if (username.empty() != password.empty()) {
    throw std::invalid_argument(
        "smtp.username: ユーザー名とパスワードは両方指定するか、両方省略してください / "
        "give both smtp.username and smtp.password, or neither");
  }
  if (!username.empty() && plain && starttls == StartTls::never) {
    throw std::invalid_argument(
        "smtp.starttls: 暗号化しない接続でパスワードを送ることはできません / "
        "refusing to send the SMTP password over an unencrypted connection");
  }
  if (timeout < std::chrono::seconds(1) || timeout > std::chrono::seconds(600)) {
    throw std::invalid_argument("smtp.timeout_seconds: 1〜600 秒にしてください / must be 1 to 600 seconds");
  }
}

}  // namespace madoguchi::notify
