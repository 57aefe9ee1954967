// `madoguchi seed --demo` on a fresh instance: applications of every
// procedure, in every ward and several statuses (some overdue), each by a
// channel its procedure's identity assurance allows, staff accounts with
// random passwords saved privately, and a second run that changes nothing.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness.h"
#include "platform/time.h"

using namespace madoguchi::testing;

namespace {

int64_t count(const ServerProcess& server, const std::string& sql, const madoguchi::platform::db::Params& params = {}) {
  return server.database()->query_one(sql, params)->integer(0);
}

std::string first_text(const ServerProcess& server, const std::string& sql) {
  auto row = server.database()->query_one(sql);
  return row ? row->text(0) : std::string();
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
  int64_t procedures = 0;
  std::string open_to_anyone;  // the procedures anyone may send online, as an SQL list
  for (const auto& entry : std::filesystem::directory_iterator("procedures")) {
    const auto name = entry.path().filename().string();
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml" || name.front() == '_') continue;
    ++procedures;
    std::ifstream yaml(entry.path());
    std::stringstream body;
    body << yaml.rdbuf();
    if (body.str().find("\nidentity_assurance: none\n") != std::string::npos) {
      open_to_anyone += (open_to_anyone.empty() ? "'" : ",'") + entry.path().stem().string() + "'";
    }
  }
  ASSERT_NE(open_to_anyone.find("'bulky_waste_collection'"), std::string::npos);
  EXPECT_EQ(count(server, "SELECT count(DISTINCT procedure_id) FROM applications"), procedures);
  EXPECT_EQ(count(server, "SELECT count(DISTINCT status) FROM applications"), 3);
  EXPECT_GT(count(server, "SELECT count(*) FROM applications WHERE due_on < ?",
                  {madoguchi::platform::iso_date(test_today())}),
            0);
  EXPECT_GT(count(server, "SELECT count(*) FROM applications WHERE applicant_name = ?", {"髙橋　﨑子"}), 0);
  // Each demo application came in the way its procedure allows: nothing that
  // needs an account or a My Number card was submitted anonymously online;
  // those were entered at the counter (or from the post) by demo staff.
  EXPECT_EQ(count(server, "SELECT count(*) FROM applications WHERE channel = 'online' AND procedure_id NOT IN (" +
                              open_to_anyone + ")"),
            0);
  EXPECT_EQ(first_text(server, "SELECT DISTINCT e.actor FROM application_events e JOIN applications a ON a.id = "
                         "e.application_id WHERE e.kind = 'submitted' AND a.procedure_id = 'residence_certificate'"),
            "demo.clerk.aoba");
  EXPECT_EQ(first_text(server, "SELECT DISTINCT channel FROM applications WHERE procedure_id = 'cancer_screening'"), "mail");
  const auto before = count(server, "SELECT count(*) FROM applications");

  auto [again, again_output] = server.command({"seed", "--demo"});
  EXPECT_EQ(again, 0);
  EXPECT_NE(again_output.find("already present"), std::string::npos);
  EXPECT_EQ(count(server, "SELECT count(*) FROM applications"), before);
}
