#include "notify/sender.h"

#include <algorithm>
#include <stdexcept>

#include "jp/unicode.h"
#include "notify/address.h"

namespace madoguchi::notify {

void validate(const Sender& sender) {
  if (!is_plausible_address(sender.address)) {
    throw std::invalid_argument(
        "smtp.from: 送信元のメールアドレスの形式が正しくありません / "
        "the sender address is not a valid e-mail address");
  }
  const std::string& name = sender.display_name;
  bool control = std::any_of(name.begin(), name.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
  if (control || !jp::is_valid_utf8(name) || jp::count_code_points(name) > 100) {
    throw std::invalid_argument(
        "smtp.from_name: 送信者名は改行・制御文字を含まない 100 文字以内の UTF-8 にしてください / "
        "the sender name must be at most 100 characters of UTF-8 without control characters");
  }
}

}  // namespace madoguchi::notify
