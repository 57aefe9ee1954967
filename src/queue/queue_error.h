// QueueError: why a ticket could not be issued or changed, as a stable code,
// an HTTP status and a message in Japanese and English (a closed office says
// when it opens next).
#pragma once

#include <stdexcept>
#include <string>

namespace madoguchi::queue {

class QueueError : public std::runtime_error {
 public:
  QueueError(std::string code, int status, std::string message_ja, std::string message_en)
      : std::runtime_error(code + ": " + message_en),
        code_(std::move(code)),
        status_(status),
        message_ja_(std::move(message_ja)),
        message_en_(std::move(message_en)) {}
  const std::string& code() const { return code_; }
  int status() const { return status_; }
  const std::string& message_ja() const { return message_ja_; }
  const std::string& message_en() const { return message_en_; }

 private:
  std::string code_;
  int status_;
  std::string message_ja_;
  std::string message_en_;
};

}  // namespace madoguchi::queue
