#include <gtest/gtest.h>

#include <string>

#include "notify/address.h"
#include "notify/email_message.h"
#include "notify_test_support.h"

using namespace madoguchi::notify;

namespace {

// The field validate() names, or "" if the message is accepted.
std::string refused_field(const EmailMessage& message) {
  try {
    validate(message);
    return "";
  } catch (const InvalidEmail& e) {
    return e.field();
  }
}

}  // namespace

TEST(EmailValidation, WellFormedMessageIsAccepted) {
  auto message = notify_test::receipt_message();
  message.html_body = "<p>受け付けました</p>";
  EXPECT_EQ(refused_field(message), "");
}

TEST(EmailValidation, LineBreakInSubjectIsRefusedAsHeaderInjection) {
  for (std::string subject : {"受付のお知らせ\r\nBcc: victim@example.com", "件名\nX-Injected: 1", "件名\r"}) {
    auto message = notify_test::receipt_message();
    message.subject = subject;
    try {
      validate(message);
      ADD_FAILURE() << "accepted a subject with a line break";
    } catch (const InvalidEmail& e) {
      EXPECT_EQ(e.field(), "subject");
      EXPECT_NE(e.message_ja().find("改行"), std::string::npos);
      EXPECT_NE(e.message_en().find("header injection"), std::string::npos);
      EXPECT_EQ(std::string(e.what()).rfind("subject: ", 0), 0u);
    }
  }
}

TEST(EmailValidation, LineBreakInAddressIsRefusedAsHeaderInjection) {
  auto message = notify_test::receipt_message("taro@example.jp\r\nBcc: victim@example.com");
  try {
    validate(message);
    ADD_FAILURE() << "accepted an address with a line break";
  } catch (const InvalidEmail& e) {
    EXPECT_EQ(e.field(), "to");
    EXPECT_NE(e.message_en().find("header injection"), std::string::npos);
  }
}

TEST(EmailValidation, AddressesAreCheckedRoughly) {
  for (std::string good : {"taro.yamada+receipt@example.co.jp", "a@localhost", "o'brien@example.ie"}) {
    EXPECT_TRUE(is_plausible_address(good)) << good;
    EXPECT_EQ(refused_field(notify_test::receipt_message(good)), "") << good;
  }
  for (std::string bad :
       {"", "taro", "@example.jp", "taro@", "taro@@example.jp", "a@b@example.jp", "taro yamada@example.jp",
        "taro@example.jp ", "<taro@example.jp>", "taro@example.jp,hanako@example.jp", "taro@example.jp;x",
        "山田@example.jp", "taro@.example.jp", "taro@example.jp.", "taro@example..jp", "\"taro\"@example.jp",
        "ta\tro@example.jp"}) {
    EXPECT_FALSE(is_plausible_address(bad)) << bad;
    EXPECT_EQ(refused_field(notify_test::receipt_message(bad)), "to") << bad;
  }
  EXPECT_FALSE(is_plausible_address(std::string(65, 'a') + "@example.jp"));
  EXPECT_FALSE(is_plausible_address("a@" + std::string(250, 'b') + ".jp"));
}

TEST(EmailValidation, TextFieldsMustBeWellFormedUtf8) {
  auto message = notify_test::receipt_message();
  message.subject = "受付\xE3\x81";
  EXPECT_EQ(refused_field(message), "subject");
  message = notify_test::receipt_message();
  message.text_body = "overlong \xC0\xAF slash";
  EXPECT_EQ(refused_field(message), "text_body");
  message = notify_test::receipt_message();
  message.text_body = "surrogate \xED\xA0\x80";
  EXPECT_EQ(refused_field(message), "text_body");
  message = notify_test::receipt_message();
  message.html_body = std::string("nul\0inside", 10);
  EXPECT_EQ(refused_field(message), "html_body");
}

TEST(EmailValidation, EmptyOrOversizedTextIsRefused) {
  auto message = notify_test::receipt_message();
  message.subject = "";
  EXPECT_EQ(refused_field(message), "subject");
  message = notify_test::receipt_message();
  message.subject = "\tタブ";
  EXPECT_EQ(refused_field(message), "subject");
  message = notify_test::receipt_message();
  message.subject.clear();
  for (int i = 0; i < 200; ++i) message.subject += "字";
  EXPECT_EQ(refused_field(message), "") << "200 characters are allowed";
  message.subject += "字";
  EXPECT_EQ(refused_field(message), "subject");
  message = notify_test::receipt_message();
  message.text_body = "";
  EXPECT_EQ(refused_field(message), "text_body");
  message.text_body = std::string(max_body_bytes + 1, 'a');
  EXPECT_EQ(refused_field(message), "text_body");
}

TEST(EmailValidation, CategoryAndReferenceAreShortTokens) {
  auto message = notify_test::receipt_message();
  message.category = "";
  EXPECT_EQ(refused_field(message), "category");
  message.category = "Receipt";
  EXPECT_EQ(refused_field(message), "category");
  message.category = "password_reset";
  EXPECT_EQ(refused_field(message), "");
  message.reference = "MDG 7K3Q";
  EXPECT_EQ(refused_field(message), "reference");
  message.reference = std::nullopt;
  EXPECT_EQ(refused_field(message), "");
}

TEST(EmailValidation, MaskedAddressHidesTheMailbox) {
  EXPECT_EQ(mask_address("taro.yamada@example.co.jp"), "t***@e***.jp");
  EXPECT_EQ(mask_address("a@localhost"), "a***@l***");
  EXPECT_EQ(mask_address("not-an-address"), "***");
}
