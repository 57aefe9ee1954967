#include "identity/account_mail.h"

namespace madoguchi::identity {

namespace {

constexpr std::string_view kFooter =
    "\n--\n仙台市 オンライン窓口\nSendai City Online Counter\n"
    "このメールは送信専用です。返信はできません。 / This address does not receive replies.\n";

notify::EmailMessage message(std::string_view to, std::string subject, std::string body, std::string category) {
  notify::EmailMessage m;
  m.to = std::string(to);
  m.subject = std::move(subject);
  m.text_body = std::move(body) + std::string(kFooter);
  m.category = std::move(category);
  return m;
}

}  // namespace

notify::EmailMessage verification_mail(std::string_view to, std::string_view link) {
  std::string body =
      "仙台市 オンライン窓口のアカウント登録を受け付けました。\n"
      "次のリンクを開いて、メールアドレスの確認を完了してください（24時間有効です）。\n\n" +
      std::string(link) +
      "\n\nお心当たりがない場合は、このメールを破棄してください。アカウントは作られません。\n\n"
      "----\n"
      "We received a request to create an account at the Sendai City Online Counter.\n"
      "Open the link above within 24 hours to confirm your e-mail address.\n"
      "If this was not you, ignore this message: no account will be created.\n";
  return message(to, "【仙台市】メールアドレスの確認 / Confirm your e-mail address", std::move(body),
                 "verification");
}

notify::EmailMessage already_registered_mail(std::string_view to, std::string_view login_link,
                                             std::string_view reset_link) {
  std::string body =
      "このメールアドレスでアカウントを登録しようとする操作がありましたが、すでに登録されています。\n\n"
      "ログイン: " +
      std::string(login_link) + "\nパスワードを忘れた場合: " + std::string(reset_link) +
      "\n\nお心当たりがない場合は、このメールを破棄してください。アカウントは変更されていません。\n\n"
      "----\n"
      "Someone tried to register an account with this e-mail address, which already has one.\n"
      "Sign in: " +
      std::string(login_link) + "\nForgot your password: " + std::string(reset_link) +
      "\nIf this was not you, ignore this message: your account has not been changed.\n";
  return message(to, "【仙台市】アカウントはすでに登録されています / You already have an account", std::move(body),
                 "account_notice");
}

notify::EmailMessage password_reset_mail(std::string_view to, std::string_view link) {
  std::string body =
      "パスワードの再設定を受け付けました。\n"
      "次のリンクを開いて、新しいパスワードを設定してください（1時間有効です。1回だけ使えます）。\n\n" +
      std::string(link) +
      "\n\nお心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。\n\n"
      "----\n"
      "We received a request to reset your password.\n"
      "Open the link above within 1 hour to choose a new password. It works once.\n"
      "If this was not you, ignore this message: your password stays the same.\n";
  return message(to, "【仙台市】パスワードの再設定 / Reset your password", std::move(body), "password_reset");
}

}  // namespace madoguchi::identity
