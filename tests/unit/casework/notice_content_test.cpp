// The decision notice composed from a case: the applicant's name exactly as
// written, the decision and its reason, the appeal instructions, and the
// delivery defaults.
#include <gtest/gtest.h>

#include "casework/notice_content.h"
#include "documents/notice_checks.h"

namespace madoguchi::casework {
namespace {

const procedures::Catalogue& catalogue() {
  static auto loaded = procedures::load_catalogue("procedures");
  return *loaded.catalogue;
}

applications::Application sample() {
  applications::Application a;
  a.reference = "MDG-7K3Q-9XPD";
  a.procedure_id = "child_allowance";
  a.department = "children_benefits";
  a.channel = "online";
  a.applicant_name = "髙橋　﨑子";
  a.contact_email = "saki@example.jp";
  a.submitted_at = "2026-11-18T01:00:00.000Z";
  a.answers = {{"applicant_name", "髙橋　﨑子"}, {"applicant_address", "仙台市青葉区上杉一丁目5番1号\nメゾン上杉 302号室"}};
  return a;
}

TEST(NoticeContent, AnApprovalCarriesTheNameExactlyAndTheAppealInstructions) {
  auto app = sample();
  DecisionDraft decision;
  NoticeInput input{app, *catalogue().find("child_allowance"), catalogue().directory(), decision,
                    std::chrono::year{2026} / std::chrono::November / 22};
  auto model = notice_model(input);
  EXPECT_EQ(model.recipient.name, "髙橋　﨑子");
  EXPECT_EQ(model.document_number, "第MDG-7K3Q-9XPD号");
  EXPECT_NE(model.title.find("決定通知書"), std::string::npos);
  EXPECT_NE(model.body.front().find("令和8年11月18日付け"), std::string::npos);
  EXPECT_EQ(model.remarks_heading, "教示");
  EXPECT_EQ(model.office.organization, "仙台市");
  EXPECT_TRUE(model.recipient.address_lines.empty());
  model.verification_url = "https://example.jp/verify/0000000000000000.0000000000000000";
  EXPECT_NO_THROW(documents::checked_notice(model, documents::Delivery::any));
}

TEST(NoticeContent, ARejectionPrintsItsReasonAndAPostedOneItsAddress) {
  auto app = sample();
  DecisionDraft decision{Outcome::reject, "所得が限度額を超えています。", Delivery::post, "980-0011",
                         {"仙台市青葉区上杉一丁目5番1号", "メゾン上杉 302号室"}};
  NoticeInput input{app, *catalogue().find("child_allowance"), catalogue().directory(), decision,
                    std::chrono::year{2026} / std::chrono::November / 22};
  auto model = notice_model(input);
  EXPECT_NE(model.title.find("却下通知書"), std::string::npos);
  bool reason = false;
  for (const auto& row : model.items) reason = reason || (row.label == "却下の理由" && row.value == decision.reason);
  EXPECT_TRUE(reason);
  EXPECT_EQ(model.recipient.postal_code, "980-0011");
  EXPECT_EQ(model.recipient.address_lines.size(), 2u);
  model.verification_url = "https://example.jp/verify/0000000000000000.0000000000000000";
  EXPECT_NO_THROW(documents::checked_notice(model, documents::Delivery::by_post));
  EXPECT_EQ(notice_to_json(notice_from_json(notice_to_json(model))), notice_to_json(model));
}

TEST(NoticeContent, PaperApplicantsGetPaper) {
  auto app = sample();
  EXPECT_EQ(default_delivery(app), Delivery::electronic);
  app.channel = "mail";
  EXPECT_EQ(default_delivery(app), Delivery::post);
  app.channel = "online";
  app.contact_email.reset();
  EXPECT_EQ(default_delivery(app), Delivery::post);
  app.citizen_account_id = 7;
  EXPECT_EQ(default_delivery(app), Delivery::electronic);
}

TEST(NoticeContent, TheMailingAddressComesFromTheAnswers) {
  auto address = mailing_address(*catalogue().find("child_allowance"), sample().answers);
  EXPECT_EQ(address.lines.size(), 2u);
  EXPECT_EQ(address.postal_code, "");
  auto dog = mailing_address(*catalogue().find("dog_registration"),
                             {{"owner_postal_code", "980-0811"}, {"owner_address", "仙台市青葉区一番町1-1"}});
  EXPECT_EQ(dog.postal_code, "980-0811");
}

}  // namespace
}  // namespace madoguchi::casework
