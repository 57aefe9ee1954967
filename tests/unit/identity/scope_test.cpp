#include <gtest/gtest.h>

#include "identity/access.h"
#include "identity/role.h"
#include "identity/scope.h"

using namespace madoguchi::identity;

namespace {

struct NamedSet {
  const char* name;
  CodeSet set;
};

const std::vector<NamedSet> kDepartmentScopes = {{"all departments", CodeSet::all()},
                                                 {"civic_registry", CodeSet::of({"civic_registry"})},
                                                 {"finance_tax", CodeSet::of({"finance_tax"})},
                                                 {"no department", CodeSet()}};
const std::vector<NamedSet> kWardScopes = {{"all wards", CodeSet::all()},
                                           {"aoba", CodeSet::of({"aoba"})},
                                           {"taihaku", CodeSet::of({"taihaku", "izumi"})},
                                           {"no ward", CodeSet()}};

// For a case of civic_registry in taihaku: which department scopes and ward scopes cover it.
const bool kDepartmentCovers[] = {true, true, false, false};
const bool kWardCoversTaihaku[] = {true, false, true, false};
// A case with no ward is covered only by "all" wards.
const bool kWardCoversNoWard[] = {true, false, false, false};

StaffUser user_with(Role role, const CodeSet& departments, const CodeSet& wards) {
  StaffUser user;
  user.login = "test";
  user.roles = RoleSet{role};
  user.scope = {departments, wards};
  return user;
}

bool is_case_role(Role role) {
  return role == Role::counter_clerk || role == Role::processor || role == Role::approver ||
         role == Role::department_admin;
}

}  // namespace

TEST(Scope, EveryRoleAndScopeCombination) {
  int checked = 0;
  for (Role role : kAllRoles) {
    for (size_t d = 0; d < kDepartmentScopes.size(); ++d) {
      for (size_t w = 0; w < kWardScopes.size(); ++w) {
        StaffUser user = user_with(role, kDepartmentScopes[d].set, kWardScopes[w].set);
        SCOPED_TRACE(std::string(role_name(role)) + " / " + kDepartmentScopes[d].name + " / " + kWardScopes[w].name);
        EXPECT_EQ(in_scope(user, "civic_registry", std::string("taihaku")),
                  is_case_role(role) && kDepartmentCovers[d] && kWardCoversTaihaku[w]);
        EXPECT_EQ(in_scope(user, "civic_registry", std::nullopt),
                  is_case_role(role) && kDepartmentCovers[d] && kWardCoversNoWard[w]);
        // The scope itself does not depend on the role.
        EXPECT_EQ(user.scope.covers("civic_registry", std::string("taihaku")), kDepartmentCovers[d] && kWardCoversTaihaku[w]);
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 6 * 4 * 4);
}

TEST(Scope, AnAobaProcessorCannotOpenATaihakuCase) {
  StaffUser aoba = user_with(Role::processor, CodeSet::all(), CodeSet::of({"aoba"}));
  EXPECT_TRUE(in_scope(aoba, "civic_registry", std::string("aoba")));
  EXPECT_FALSE(in_scope(aoba, "civic_registry", std::string("taihaku")));
}

TEST(Scope, AuditorOrAdminGainsCasesOnlyWithACaseRole) {
  StaffUser user = user_with(Role::auditor, CodeSet::all(), CodeSet::all());
  EXPECT_FALSE(in_scope(user, "civic_registry", std::string("aoba")));
  user.roles.add(Role::approver);
  EXPECT_TRUE(in_scope(user, "civic_registry", std::string("aoba")));
}

TEST(Scope, DisabledAccountsAreInNoScope) {
  StaffUser user = user_with(Role::processor, CodeSet::all(), CodeSet::all());
  user.disabled = true;
  EXPECT_FALSE(in_scope(user, "civic_registry", std::string("aoba")));
}

TEST(Scope, AllAmongCodesMeansAllAndCodesAreChecked) {
  EXPECT_TRUE(CodeSet::of({"aoba", "all"}).is_all());
  EXPECT_EQ(CodeSet::of({"taihaku", "aoba", "aoba"}).codes(), (std::vector<std::string>{"aoba", "taihaku"}));
  EXPECT_EQ(CodeSet::all().codes(), (std::vector<std::string>{"all"}));
  EXPECT_TRUE(is_valid_scope_code("civic_registry"));
  EXPECT_TRUE(is_valid_scope_code("all"));
  EXPECT_FALSE(is_valid_scope_code("Civic"));
  EXPECT_FALSE(is_valid_scope_code("aoba ward"));
  EXPECT_FALSE(is_valid_scope_code(""));
}

TEST(Roles, NamesRoundTripAndUnknownNamesAreRefused) {
  for (Role role : kAllRoles) EXPECT_EQ(role_from_name(role_name(role)), role);
  EXPECT_FALSE(role_from_name("superuser"));
  RoleSet set{Role::auditor, Role::processor};
  EXPECT_EQ(set.names(), (std::vector<std::string>{"processor", "auditor"}));
  EXPECT_TRUE(set.has_any({Role::auditor, Role::system_admin}));
  EXPECT_FALSE(set.has_any({Role::approver}));
}
