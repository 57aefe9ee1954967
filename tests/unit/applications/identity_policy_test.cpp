// The identity policy on the real catalogue: who may submit on which channel
// for each level of identity_assurance, and where the card procedures send
// people instead.
#include "applications/identity_policy.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace madoguchi::applications {
namespace {

using procedures::Channel;
using testing::procedure;

const Submitter kAnonymous{};
const Submitter kCitizen = Submitter::citizen(7);
const Submitter kClerk = Submitter::staff("clerk.aoba", {identity::Role::counter_clerk}, {});
const Submitter kProcessor = Submitter::staff("processor", {identity::Role::processor}, {});
const Submitter kApprover = Submitter::staff("approver", {identity::Role::approver}, {});

TEST(IdentityPolicy, OnlineFollowsTheProceduresLevel) {
  const auto& none = procedure("bulky_waste_collection");
  const auto& account = procedure("cancer_screening");
  const auto& card = procedure("residence_certificate");
  EXPECT_EQ(identity_refusal(none, Channel::online, kAnonymous), std::nullopt);
  EXPECT_EQ(identity_refusal(account, Channel::online, kAnonymous), IdentityRefusal::sign_in_required);
  EXPECT_EQ(identity_refusal(account, Channel::online, kCitizen), std::nullopt);
  EXPECT_EQ(identity_refusal(account, Channel::online, kClerk), IdentityRefusal::sign_in_required);
  for (const auto* who : {&kAnonymous, &kCitizen, &kClerk}) {
    EXPECT_EQ(identity_refusal(card, Channel::online, *who), IdentityRefusal::card_signature_unavailable);
  }
}

TEST(IdentityPolicy, CounterAndPostAreEnteredByStaffWhoCheckedIdentity) {
  for (const char* id : {"residence_certificate", "moving_in", "dog_registration"}) {
    const auto& p = procedure(id);
    EXPECT_EQ(identity_refusal(p, Channel::counter_pre_entry, kClerk), std::nullopt) << id;
    for (const auto* who : {&kAnonymous, &kCitizen, &kProcessor, &kApprover}) {
      EXPECT_EQ(identity_refusal(p, Channel::counter_pre_entry, *who), IdentityRefusal::channel_needs_staff) << id;
    }
  }
  const auto& card = procedure("residence_certificate");
  EXPECT_EQ(identity_refusal(card, Channel::mail, kClerk), std::nullopt);
  EXPECT_EQ(identity_refusal(card, Channel::mail, kProcessor), std::nullopt);
  EXPECT_EQ(identity_refusal(card, Channel::mail, kCitizen), IdentityRefusal::channel_needs_staff);
  EXPECT_EQ(identity_refusal(card, Channel::mail, kApprover), IdentityRefusal::channel_needs_staff);
}

TEST(IdentityPolicy, HowToApplyNamesTheChannelsTheProcedureOffers) {
  auto both = how_to_apply(procedure("residence_certificate"));
  EXPECT_NE(both.ja.find("窓口"), std::string::npos);
  EXPECT_NE(both.ja.find("事前入力"), std::string::npos);
  EXPECT_NE(both.ja.find("郵送でも"), std::string::npos);
  EXPECT_NE(both.en.find("counter"), std::string::npos);
  EXPECT_NE(both.en.find("by post"), std::string::npos);
  EXPECT_FALSE(both.easy.empty());
  procedures::Procedure post_only = procedure("residence_certificate");
  post_only.channels.counter_pre_entry = false;
  auto post = how_to_apply(post_only);
  EXPECT_EQ(post.ja.find("窓口で申請"), std::string::npos);
  EXPECT_NE(post.ja.find("郵送で申請してください"), std::string::npos);
  EXPECT_TRUE(online_needs_card(procedure("residence_certificate")));
  EXPECT_FALSE(online_needs_card(procedure("cancer_screening")));
}

TEST(IdentityPolicy, TheTimelineNamesTheStaffWhoEnteredIt) {
  EXPECT_EQ(kClerk.event_actor(), "clerk.aoba");
  EXPECT_EQ(kCitizen.event_actor(), "citizen");
  EXPECT_EQ(kAnonymous.event_actor(), "citizen");
}

}  // namespace
}  // namespace madoguchi::applications
