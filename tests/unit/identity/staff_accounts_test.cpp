#include "identity/staff_accounts.h"

#include <gtest/gtest.h>

#include "identity/totp.h"
#include "identity_test_support.h"

using namespace madoguchi::identity;
using identity_test::cli;
using identity_test::new_staff;
using identity_test::test_client;
using madoguchi::platform::db::Connection;
using namespace std::chrono_literals;

namespace {
std::vector<std::string> fields(const StaffInputError& e) {
  std::vector<std::string> out;
  for (const auto& p : e.problems()) out.push_back(p.field + ":" + p.code);
  return out;
}
}  // namespace

TEST(StaffAccounts, KeepsTheNameAsTypedAndFoldsTheLogin) {
  identity_test::Services s;
  NewStaff staff = new_staff("Takahashi.Sakiko", {Role::processor, Role::approver}, {"civic_registry"}, {"aoba"});
  staff.display_name = "  髙橋　﨑子 ";
  StaffUser created = s.staff.create(staff, cli());
  EXPECT_EQ(created.login, "takahashi.sakiko");
  auto found = s.staff.find_by_login("TAKAHASHI.SAKIKO");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->display_name, "髙橋　﨑子");
  EXPECT_EQ(found->roles, (RoleSet{Role::processor, Role::approver}));
  EXPECT_EQ(found->scope.departments.codes(), std::vector<std::string>{"civic_registry"});
  EXPECT_EQ(found->scope.wards.codes(), std::vector<std::string>{"aoba"});
  EXPECT_FALSE(found->totp_enabled);
  auto stored = s.db->read([](Connection& c) { return c.query_one("SELECT password_hash FROM staff_users")->text(0); });
  EXPECT_EQ(stored.rfind("$argon2id$", 0), 0u);
}

TEST(StaffAccounts, RefusesBadInputFieldByField) {
  identity_test::Services s;
  NewStaff staff = new_staff("a b", {}, {"Civic Registry"}, {"aoba"});
  staff.display_name = "";
  staff.password = "short";
  try {
    s.staff.create(staff, cli());
    FAIL() << "created";
  } catch (const StaffInputError& e) {
    EXPECT_EQ(fields(e), (std::vector<std::string>{"login:errors.login_invalid", "display_name:errors.display_name_required",
                                                   "role:errors.roles_required", "department:errors.scope_code_invalid",
                                                   "password:password.too_short"}));
  }
  EXPECT_TRUE(s.staff.list().empty());
}

TEST(StaffAccounts, RefusesATakenLoginAndAPasswordEqualToTheLogin) {
  identity_test::Services s;
  s.staff.create(new_staff("sato.ichiro", {Role::auditor}), cli());
  try {
    s.staff.create(new_staff("sato.ichiro", {Role::auditor}), cli());
    FAIL() << "created twice";
  } catch (const StaffInputError& e) {
    EXPECT_EQ(fields(e), std::vector<std::string>{"login:errors.login_taken"});
  }
  NewStaff same = new_staff("sato.jiro.sendai", {Role::auditor});
  same.password = "Sato.Jiro.Sendai";
  EXPECT_THROW(s.staff.create(same, cli()), StaffInputError);
}

TEST(StaffAccounts, CreationIsAudited) {
  identity_test::Services s;
  s.staff.create(new_staff("sato.ichiro", {Role::processor}, {"civic_registry"}, {"aoba"}), cli());
  auto page = s.audit.search({"cli:test", "staff_user_created", "sato.ichiro", std::nullopt, std::nullopt, 1, 50});
  ASSERT_EQ(page.records.size(), 1u);
  EXPECT_EQ(page.records[0].detail, R"({"departments":["civic_registry"],"roles":["processor"],"wards":["aoba"]})");
  EXPECT_EQ(page.records[0].detail.find("correct horse"), std::string::npos);
}

TEST(StaffAccounts, PasswordChangeNeedsTheCurrentOneAndEndsOtherSessions) {
  identity_test::Services s;
  StaffUser user = s.staff.create(new_staff("sato.ichiro", {Role::processor}), cli());
  std::string other = s.staff.sign_in("sato.ichiro", "correct horse battery", test_client()).session_token;
  ASSERT_TRUE(s.sessions.resolve(other));

  auto wrong = s.staff.change_password(user, "not it at all", "new staple battery", "new staple battery", test_client());
  ASSERT_TRUE(wrong.problem);
  EXPECT_EQ(wrong.problem->field, "current_password");
  auto mismatch = s.staff.change_password(user, "correct horse battery", "new staple battery", "new stapel battery",
                                          test_client());
  ASSERT_TRUE(mismatch.problem);
  EXPECT_EQ(mismatch.problem->code, "errors.confirmation_mismatch");
  auto weak = s.staff.change_password(user, "correct horse battery", "password1234", "password1234", test_client());
  ASSERT_TRUE(weak.problem);
  EXPECT_EQ(weak.problem->code, "password.too_common");

  auto done = s.staff.change_password(user, "correct horse battery", "new staple battery", "new staple battery",
                                      test_client());
  ASSERT_FALSE(done.problem);
  EXPECT_FALSE(s.sessions.resolve(other));
  EXPECT_TRUE(s.sessions.resolve(done.session_token));
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "correct horse battery", test_client()).status, LoginStatus::refused);
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "new staple battery", test_client()).status, LoginStatus::signed_in);
}

TEST(StaffAccounts, TotpSetupThenSignInNeedsAFreshCode) {
  identity_test::Services s;
  StaffUser user = s.staff.create(new_staff("sato.ichiro", {Role::processor}), cli());
  auto secret = s.staff.begin_totp_setup(user);
  EXPECT_EQ(s.staff.pending_totp_secret(user), secret);
  auto wrong = s.staff.confirm_totp(user, identity_test::wrong_code(secret, s.clock.now()), test_client());
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->code, "errors.totp_code_wrong");
  ASSERT_FALSE(s.staff.confirm_totp(user, totp_at(secret, totp_step(s.clock.now())), test_client()));
  // The secret is kept sealed, never as plain base32.
  auto stored = s.db->read([](Connection& c) { return c.query_one("SELECT totp_secret FROM staff_users")->text(0); });
  EXPECT_EQ(stored.find(base32_encode(secret)), std::string::npos);

  s.clock.advance(60s);
  auto first = s.staff.sign_in("sato.ichiro", "correct horse battery", test_client());
  ASSERT_EQ(first.status, LoginStatus::second_factor_needed);
  // The pending sign-in is not a session.
  auto pending = s.sessions.resolve(first.session_token);
  ASSERT_TRUE(pending);
  EXPECT_TRUE(pending->second_factor_pending);
  auto bad = s.staff.second_factor(first.session_token, "12345", test_client());
  EXPECT_EQ(bad.status, LoginStatus::second_factor_needed);
  std::string code = totp_at(secret, totp_step(s.clock.now()));
  auto good = s.staff.second_factor(first.session_token, code, test_client());
  ASSERT_EQ(good.status, LoginStatus::signed_in);
  EXPECT_NE(good.session_token, first.session_token);
  EXPECT_FALSE(s.sessions.resolve(first.session_token));

  // The same code cannot sign in a second time.
  auto again = s.staff.sign_in("sato.ichiro", "correct horse battery", test_client());
  ASSERT_EQ(again.status, LoginStatus::second_factor_needed);
  EXPECT_EQ(s.staff.second_factor(again.session_token, code, test_client()).status, LoginStatus::second_factor_needed);
}

TEST(StaffAccounts, WrongCodesCountTowardsTheLockout) {
  identity_test::Services s;
  StaffUser user = s.staff.create(new_staff("sato.ichiro", {Role::processor}), cli());
  auto secret = s.staff.begin_totp_setup(user);
  ASSERT_FALSE(s.staff.confirm_totp(user, totp_at(secret, totp_step(s.clock.now())), test_client()));
  s.clock.advance(60s);
  auto pending = s.staff.sign_in("sato.ichiro", "correct horse battery", test_client());
  ASSERT_EQ(pending.status, LoginStatus::second_factor_needed);
  const std::string wrong = identity_test::wrong_code(secret, s.clock.now());
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(s.staff.second_factor(pending.session_token, wrong, test_client()).status,
              LoginStatus::second_factor_needed);
  }
  EXPECT_EQ(s.staff.second_factor(pending.session_token, wrong, test_client()).status, LoginStatus::refused);
  EXPECT_FALSE(s.sessions.resolve(pending.session_token));
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "correct horse battery", test_client()).status, LoginStatus::refused);
}

TEST(StaffAccounts, DisableTotpNeedsThePassword) {
  identity_test::Services s;
  StaffUser user = s.staff.create(new_staff("sato.ichiro", {Role::processor}), cli());
  auto secret = s.staff.begin_totp_setup(user);
  ASSERT_FALSE(s.staff.confirm_totp(user, totp_at(secret, totp_step(s.clock.now())), test_client()));
  user = *s.staff.find(user.id);
  ASSERT_TRUE(user.totp_enabled);
  EXPECT_TRUE(s.staff.disable_totp(user, "not the password", test_client()));
  EXPECT_FALSE(s.staff.disable_totp(user, "correct horse battery", test_client()));
  EXPECT_FALSE(s.staff.find(user.id)->totp_enabled);
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "correct horse battery", test_client()).status, LoginStatus::signed_in);
}

TEST(StaffAccounts, AdministratorSetsAPasswordAndLiftsTheLock) {
  identity_test::Services s;
  s.staff.create(new_staff("sato.ichiro", {Role::processor}), cli());
  for (int i = 0; i < 5; ++i) s.staff.sign_in("sato.ichiro", "wrong password!", test_client());
  s.staff.set_password("sato.ichiro", "fresh staple battery", cli());
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "fresh staple battery", test_client()).status, LoginStatus::signed_in);
  EXPECT_THROW(s.staff.set_password("nobody", "fresh staple battery", cli()), StaffInputError);
  EXPECT_THROW(s.staff.set_password("sato.ichiro", "short", cli()), StaffInputError);
}

TEST(StaffAccounts, DisablingEndsSessions) {
  identity_test::Services s;
  s.staff.create(new_staff("sato.ichiro", {Role::processor}), cli());
  auto token = s.staff.sign_in("sato.ichiro", "correct horse battery", test_client()).session_token;
  ASSERT_TRUE(s.staff.disable("sato.ichiro", cli()));
  EXPECT_FALSE(s.sessions.resolve(token));
  EXPECT_FALSE(s.staff.disable("nobody", cli()));
  EXPECT_TRUE(s.staff.list().front().disabled);
}

// Five wrong passwords lock the account for the client that typed them, not
// for everyone: a stranger cannot lock a member of staff out of their work.
TEST(StaffAccounts, WrongPasswordsFromOneClientLockOutThatClientOnly) {
  identity_test::Services s;
  s.staff.create(new_staff("sato.ichiro", {Role::processor}), cli());
  const AuditActor stranger{"anonymous", "", "203.0.113.66", "req-stranger"};
  const AuditActor owner{"anonymous", "", "192.0.2.10", "req-owner"};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(s.staff.sign_in("sato.ichiro", "wrong password!", stranger).status, LoginStatus::refused);
  }
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "correct horse battery", stranger).status, LoginStatus::refused);
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "correct horse battery", owner).status, LoginStatus::signed_in);
  s.clock.advance(15min);
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "correct horse battery", stranger).status, LoginStatus::signed_in);
}

// Unknown, locked, wrong and right: every sign-in checks exactly one
// password hash, so the time an answer takes does not tell them apart.
TEST(StaffAccounts, EverySignInChecksExactlyOnePasswordHashWhateverTheOutcome) {
  identity_test::Services s;
  s.staff.create(new_staff("sato.ichiro", {Role::processor}), cli());
  auto hashes_checked_by = [](auto&& attempt) {
    uint64_t before = madoguchi::platform::crypto::password_verifications();
    attempt();
    return madoguchi::platform::crypto::password_verifications() - before;
  };
  EXPECT_EQ(hashes_checked_by([&] { s.staff.sign_in("no.such.login", "wrong password!", test_client()); }), 1u);
  EXPECT_EQ(hashes_checked_by([&] { s.staff.sign_in("not a valid login!", "wrong password!", test_client()); }), 1u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(hashes_checked_by([&] { s.staff.sign_in("sato.ichiro", "wrong password!", test_client()); }), 1u);
  }
  EXPECT_EQ(hashes_checked_by([&] {
              EXPECT_EQ(s.staff.sign_in("sato.ichiro", "correct horse battery", test_client()).status,
                        LoginStatus::refused);
            }),
            1u)
      << "locked";
  EXPECT_EQ(hashes_checked_by([&] { s.staff.sign_in("sato.ichiro", "correct horse battery", cli()); }), 1u);
}
