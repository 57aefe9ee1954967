// `madoguchi seed --demo` on a fresh instance: applications in every ward and
// several statuses (some overdue), staff accounts with random passwords saved
// privately, and a second run that changes nothing.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "harness.h"
#include "platform/time.h"

using namespace madoguchi::testing;

namespace {

int64_t count(const ServerProcess& server, const std::string& sql, const madoguchi::platform::db::Params& params = {}) {
  return server.database()->query_one(sql, params)->integer(0);
}

}  // namespace

TEST(Seed, DemoDataIsCompletePrivateAndIdempotent) {
  ServerProcess server;
  auto [code, output] = server.command({"seed", "--demo"});
  ASSERT_EQ(code, 0) << output;

  auto accounts = server.data_dir() / "demo-accounts.txt";
  struct stat st {};
  ASSERT_EQ(::stat(accounts.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::ifstream in(accounts);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("demo.approver\tDemo-"), std::string::npos);

  EXPECT_EQ(count(server, "SELECT count(DISTINCT ward) FROM applications"), 5);
  EXPECT_EQ(count(server, "SELECT count(DISTINCT procedure_id) FROM applications"), 13);
  EXPECT_EQ(count(server, "SELECT count(DISTINCT status) FROM applications"), 3);
  EXPECT_GT(count(server, "SELECT count(*) FROM applications WHERE due_on < ?",
                  {madoguchi::platform::iso_date(test_today())}),
            0);
  EXPECT_GT(count(server, "SELECT count(*) FROM applications WHERE applicant_name = ?", {"髙橋　﨑子"}), 0);
  const auto before = count(server, "SELECT count(*) FROM applications");

  auto [again, again_output] = server.command({"seed", "--demo"});
  EXPECT_EQ(again, 0);
  EXPECT_NE(again_output.find("already present"), std::string::npos);
  EXPECT_EQ(count(server, "SELECT count(*) FROM applications"), before);
}
