#include "notify/smtp_transport.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>

namespace madoguchi::notify {

namespace {

struct Upload {
  std::string_view data;
  size_t offset = 0;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

curl_usessl ssl_policy(StartTls starttls) {
  switch (starttls) {
    case StartTls::never:
      return CURLUSESSL_NONE;
    case StartTls::when_available:
      return CURLUSESSL_TRY;
    case StartTls::required:
      return CURLUSESSL_ALL;
  }
  return CURLUSESSL_ALL;
}

bool is_permanent(long response) { return response == 550 || response == 551 || response == 553; }

// curl's own description and the server's numeric answer; the server's text
// is left out because it often quotes the recipient's address.
std::string describe(CURLcode code, long response) {
  std::string text = std::string(curl_easy_strerror(code)) + " (curl " + std::to_string(static_cast<int>(code)) + ")";
  if (response > 0) text += ", SMTP " + std::to_string(response);
  return text;
}

}  // namespace

SmtpTransport::SmtpTransport(SmtpSettings settings) : settings_(std::move(settings)) {
  settings_.validate();
  handle_ = make_curl_easy();
}

SendResult SmtpTransport::send(std::string_view envelope_from, std::string_view recipient, std::string_view data) {
  std::lock_guard lock(mutex_);
  CURL* curl = handle_.get();
  curl_easy_reset(curl);

  CurlList recipients;
  recipients.append("<" + std::string(recipient) + ">");
  std::string from = "<" + std::string(envelope_from) + ">";
  Upload upload{data};
  long timeout_ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(settings_.timeout).count());

  curl_easy_setopt(curl, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(ssl_policy(settings_.starttls)));
  if (!settings_.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(data.size()));

  CURLcode code = curl_easy_perform(curl);
  if (code == CURLE_OK) return {SendResult::Status::delivered, ""};
  long response = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
  auto status = code != CURLE_LOGIN_DENIED && is_permanent(response) ? SendResult::Status::permanent_failure
                                                                     : SendResult::Status::transient_failure;
  return {status, describe(code, response)};
}

}  // namespace madoguchi::notify
