// The confirmation and resume e-mails: what they say, in which language
// first, and that the outbox would accept them.
#include <gtest/gtest.h>

#include "applications/citizen_mail.h"
#include "test_support.h"

namespace madoguchi::applications {
namespace {

Submitted submitted() {
  Submitted s;
  s.id = 7;
  s.reference = "MDG-7K3Q-9XPD";
  s.status_secret = "7K3Q-9XPD-M2TA-4BCE";
  s.submitted_at = "2026-11-22T01:05:00.000Z";
  s.due_on = "2026-11-30";
  return s;
}

TEST(CitizenMail, ConfirmsTheApplicationWithoutItsAnswers) {
  const auto& p = testing::procedure("residence_certificate");
  auto mail = receipt_mail(p, testing::real_catalogue().directory(), submitted(), "online", "misaki@example.jp",
                           Language::ja, "https://madoguchi.example.jp/");
  EXPECT_NO_THROW(notify::validate(mail));
  EXPECT_EQ(mail.category, "receipt");
  EXPECT_EQ(mail.reference, "MDG-7K3Q-9XPD");
  EXPECT_NE(mail.subject.find("MDG-7K3Q-9XPD"), std::string::npos);
  EXPECT_NE(mail.text_body.find("受付日時: 令和8年（2026年）11月22日 10時05分"), std::string::npos);
  EXPECT_NE(mail.text_body.find("処理の目安: 令和8年（2026年）11月30日まで"), std::string::npos);
  EXPECT_NE(mail.text_body.find("https://madoguchi.example.jp/status?reference=MDG-7K3Q-9XPD"), std::string::npos);
  EXPECT_NE(mail.text_body.find("確認コード: 7K3Q-9XPD-M2TA-4BCE"), std::string::npos) << "the status code";
  EXPECT_EQ(mail.text_body.find("生年月日"), std::string::npos) << "a birth date opens nothing";
  EXPECT_NE(mail.text_body.find("Reference number: MDG-7K3Q-9XPD"), std::string::npos) << "English follows";
  EXPECT_LT(mail.text_body.find("受付番号"), mail.text_body.find("Reference number"));
}

TEST(CitizenMail, PutsTheReadersLanguageFirst) {
  const auto& p = testing::procedure("residence_certificate");
  auto en = receipt_mail(p, testing::real_catalogue().directory(), submitted(), "counter", "a@example.jp",
                         Language::en, "http://x");
  EXPECT_EQ(en.subject, "Sendai City: application received (MDG-7K3Q-9XPD)");
  EXPECT_LT(en.text_body.find("Reference number"), en.text_body.find("受付番号"));
  EXPECT_NE(en.text_body.find("received at the counter after your identity was checked"), std::string::npos);
}

TEST(CitizenMail, SendsTheResumeCodeAndItsLink) {
  const auto& p = testing::procedure("child_allowance");
  auto mail = resume_mail(p, "7K3Q-9XPD-M2TA", "2026-12-22T01:00:00.000Z", "a@example.jp", Language::easy,
                          "https://madoguchi.example.jp");
  EXPECT_NO_THROW(notify::validate(mail));
  EXPECT_EQ(mail.category, "draft_resume");
  EXPECT_NE(mail.text_body.find("https://madoguchi.example.jp/resume?code=7K3Q-9XPD-M2TA"), std::string::npos);
  EXPECT_NE(mail.text_body.find("さいかい コード: 7K3Q-9XPD-M2TA"), std::string::npos);
}

}  // namespace
}  // namespace madoguchi::applications
