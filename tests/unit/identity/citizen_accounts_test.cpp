#include "identity/citizen_accounts.h"

#include <gtest/gtest.h>

#include "identity_test_support.h"

using namespace madoguchi::identity;
using identity_test::test_client;
using madoguchi::platform::db::Connection;
using namespace std::chrono_literals;

namespace {

struct Mail {
  std::string to;
  std::string category;
  std::string body;
};

std::vector<Mail> outbox(identity_test::Services& s) {
  return s.db->read([](Connection& c) {
    std::vector<Mail> mails;
    for (const auto& row : c.query("SELECT recipient, category, text_body FROM notify_email_outbox ORDER BY id")) {
      mails.push_back({row.text(0), row.text(1), row.text(2)});
    }
    return mails;
  });
}

// The token in the last mail's link under `path`.
std::string token_in(const Mail& mail, const std::string& path) {
  auto at = mail.body.find("https://madoguchi.example.jp" + path);
  EXPECT_NE(at, std::string::npos) << mail.body;
  if (at == std::string::npos) return "";
  at += std::string("https://madoguchi.example.jp").size() + path.size();
  return mail.body.substr(at, mail.body.find('\n', at) - at);
}

void register_and_verify(identity_test::Services& s, const std::string& email, const std::string& password) {
  ASSERT_TRUE(s.citizens.register_account(email, password, password, test_client()).empty());
  ASSERT_TRUE(s.citizens.verify_email(token_in(outbox(s).back(), "/account/verify/"), test_client()));
}

}  // namespace

TEST(CitizenAccounts, RegisterMailsAVerificationLinkAndSignInWaitsForIt) {
  identity_test::Services s;
  EXPECT_TRUE(s.citizens.register_account(" Hanako.Sendai@Example.JP ", "tanabata-2025", "tanabata-2025", test_client()).empty());
  auto mails = outbox(s);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].to, "hanako.sendai@example.jp");
  EXPECT_EQ(mails[0].category, "verification");
  std::string token = token_in(mails[0], "/account/verify/");
  EXPECT_EQ(token.size(), 43u);
  // Only the token's hash is stored.
  auto stored = s.db->read([](Connection& c) { return c.query_one("SELECT token_hash FROM citizen_tokens")->text(0); });
  EXPECT_EQ(stored, SessionStore::hash_token(token));

  EXPECT_EQ(s.citizens.sign_in("hanako.sendai@example.jp", "tanabata-2025", test_client()).status, LoginStatus::unverified);
  EXPECT_TRUE(s.citizens.verify_email(token, test_client()));
  EXPECT_FALSE(s.citizens.verify_email(token, test_client()));  // single use
  auto result = s.citizens.sign_in("HANAKO.SENDAI@example.jp", "tanabata-2025", test_client());
  ASSERT_EQ(result.status, LoginStatus::signed_in);
  auto session = s.sessions.resolve(result.session_token);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->kind, SessionKind::citizen);
  EXPECT_EQ(s.citizens.find(session->principal_id)->email, "hanako.sendai@example.jp");
}

TEST(CitizenAccounts, VerificationLinksExpireAfterADay) {
  identity_test::Services s;
  ASSERT_TRUE(s.citizens.register_account("hanako@example.jp", "tanabata-2025", "tanabata-2025", test_client()).empty());
  std::string token = token_in(outbox(s).back(), "/account/verify/");
  s.clock.advance(24h);
  EXPECT_FALSE(s.citizens.verify_email(token, test_client()));
}

TEST(CitizenAccounts, RegisteringAKnownAddressMailsItsOwnerAndAnswersTheSame) {
  identity_test::Services s;
  register_and_verify(s, "hanako@example.jp", "tanabata-2025");
  s.clock.advance(5min);
  // The same (empty) answer as for a new address; the owner is told instead.
  EXPECT_TRUE(s.citizens.register_account("hanako@example.jp", "another-pass-1", "another-pass-1", test_client()).empty());
  auto mails = outbox(s);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[1].category, "account_notice");
  // Nothing about the account changed.
  EXPECT_EQ(s.citizens.sign_in("hanako@example.jp", "tanabata-2025", test_client()).status, LoginStatus::signed_in);
  // Repeats within two minutes send nothing more.
  EXPECT_TRUE(s.citizens.register_account("hanako@example.jp", "another-pass-1", "another-pass-1", test_client()).empty());
  EXPECT_EQ(outbox(s).size(), 2u);
}

TEST(CitizenAccounts, ReRegisteringAnUnverifiedAddressReplacesThePasswordAndTheLink) {
  identity_test::Services s;
  ASSERT_TRUE(s.citizens.register_account("hanako@example.jp", "first-password", "first-password", test_client()).empty());
  std::string first = token_in(outbox(s).back(), "/account/verify/");
  s.clock.advance(3min);
  ASSERT_TRUE(s.citizens.register_account("hanako@example.jp", "second-password", "second-password", test_client()).empty());
  std::string second = token_in(outbox(s).back(), "/account/verify/");
  EXPECT_FALSE(s.citizens.verify_email(first, test_client()));
  EXPECT_TRUE(s.citizens.verify_email(second, test_client()));
  EXPECT_EQ(s.citizens.sign_in("hanako@example.jp", "first-password", test_client()).status, LoginStatus::refused);
  EXPECT_EQ(s.citizens.sign_in("hanako@example.jp", "second-password", test_client()).status, LoginStatus::signed_in);
}

TEST(CitizenAccounts, InputProblemsNameTheirFields) {
  identity_test::Services s;
  auto problems = s.citizens.register_account("not an address", "short", "short", test_client());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], (FieldProblem{"email", "errors.email_invalid", 0}));
  EXPECT_EQ(problems[1], (FieldProblem{"password", "password.too_short", 10}));
  auto mismatch = s.citizens.register_account("hanako@example.jp", "tanabata-2025", "tanabata-2026", test_client());
  ASSERT_EQ(mismatch.size(), 1u);
  EXPECT_EQ(mismatch[0].field, "confirm_password");
  EXPECT_TRUE(outbox(s).empty());
}

TEST(CitizenAccounts, ResetLooksTheSameForUnknownAddressesAndTheLinkWorksOnceWithinAnHour) {
  identity_test::Services s;
  register_and_verify(s, "hanako@example.jp", "tanabata-2025");
  std::string session = s.citizens.sign_in("hanako@example.jp", "tanabata-2025", test_client()).session_token;
  EXPECT_TRUE(s.citizens.request_password_reset("nobody@example.jp", test_client()).empty());
  EXPECT_EQ(outbox(s).size(), 1u);
  EXPECT_TRUE(s.citizens.request_password_reset("hanako@example.jp", test_client()).empty());
  auto mails = outbox(s);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[1].category, "password_reset");
  std::string link_token = token_in(mails[1], "/account/reset/");

  // Opening the link swaps its token for a fresh one; the link itself is spent.
  auto fresh = s.citizens.exchange_reset_token(link_token);
  ASSERT_TRUE(fresh);
  EXPECT_FALSE(s.citizens.exchange_reset_token(link_token));
  EXPECT_FALSE(s.citizens.reset_token_valid(link_token));
  EXPECT_TRUE(s.citizens.reset_token_valid(*fresh));

  auto weak = s.citizens.reset_password(*fresh, "hanako@example.jp", "hanako@example.jp", test_client());
  ASSERT_TRUE(weak);
  EXPECT_EQ(weak->code, "password.same_as_identifier");
  EXPECT_FALSE(s.citizens.reset_password(*fresh, "new-tanabata-9", "new-tanabata-9", test_client()));
  auto again = s.citizens.reset_password(*fresh, "other-tanabata-9", "other-tanabata-9", test_client());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->field, "token");
  EXPECT_FALSE(s.sessions.resolve(session));
  EXPECT_EQ(s.citizens.sign_in("hanako@example.jp", "new-tanabata-9", test_client()).status, LoginStatus::signed_in);
}

TEST(CitizenAccounts, ResetLinksExpireAfterAnHour) {
  identity_test::Services s;
  register_and_verify(s, "hanako@example.jp", "tanabata-2025");
  ASSERT_TRUE(s.citizens.request_password_reset("hanako@example.jp", test_client()).empty());
  std::string token = token_in(outbox(s).back(), "/account/reset/");
  auto fresh = s.citizens.exchange_reset_token(token);
  ASSERT_TRUE(fresh);
  s.clock.advance(1h);
  EXPECT_FALSE(s.citizens.reset_token_valid(*fresh));
  EXPECT_TRUE(s.citizens.reset_password(*fresh, "new-tanabata-9", "new-tanabata-9", test_client()));
}

TEST(CitizenAccounts, AuditEntriesNeverHoldTheAddress) {
  identity_test::Services s;
  register_and_verify(s, "hanako@example.jp", "tanabata-2025");
  s.citizens.sign_in("hanako@example.jp", "wrong-password", test_client());
  s.citizens.sign_in("nobody@example.jp", "wrong-password", test_client());
  s.citizens.request_password_reset("hanako@example.jp", test_client());
  auto all = s.audit.search({"", "", "", std::nullopt, std::nullopt, 1, 500});
  EXPECT_GE(all.records.size(), 5u);
  for (const auto& r : all.records) {
    for (const std::string& field : {r.actor, r.subject_id, r.detail}) {
      EXPECT_EQ(field.find("example.jp"), std::string::npos) << r.action << " " << field;
    }
  }
}

// As for staff: wrong passwords lock out the client that typed them, not the
// account's owner, and every outcome checks exactly one password hash.
TEST(CitizenAccounts, WrongPasswordsLockOutTheirClientOnlyAndEveryOutcomeChecksOneHash) {
  identity_test::Services s;
  register_and_verify(s, "hanako@example.jp", "tanabata-2025");
  const AuditActor stranger{"anonymous", "", "203.0.113.66", "req-stranger"};
  const AuditActor owner{"anonymous", "", "192.0.2.10", "req-owner"};
  auto hashes_checked_by = [](auto&& attempt) {
    uint64_t before = madoguchi::platform::crypto::password_verifications();
    attempt();
    return madoguchi::platform::crypto::password_verifications() - before;
  };
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(hashes_checked_by([&] { s.citizens.sign_in("hanako@example.jp", "wrong-password", stranger); }), 1u);
  }
  EXPECT_EQ(hashes_checked_by([&] {
              EXPECT_EQ(s.citizens.sign_in("hanako@example.jp", "tanabata-2025", stranger).status, LoginStatus::refused);
            }),
            1u)
      << "locked";
  EXPECT_EQ(hashes_checked_by([&] { s.citizens.sign_in("nobody@example.jp", "tanabata-2025", stranger); }), 1u);
  EXPECT_EQ(s.citizens.sign_in("hanako@example.jp", "tanabata-2025", owner).status, LoginStatus::signed_in);
}
