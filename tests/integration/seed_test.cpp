// `madoguchi seed --demo` on a fresh instance: applications of every
// procedure, in every ward and several statuses (some overdue), each by a
// channel its procedure's identity assurance allows, staff accounts with
// random passwords saved privately, and a second run that changes nothing.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "harness.h"
#include "platform/time.h"

using namespace madoguchi::testing;

namespace {

std::string sqlite(const std::filesystem::path& db, const std::string& sql) {
  std::string command = "sqlite3 '" + db.string() + "' \"" + sql + "\"";
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  char buf[256];
  while (std::fgets(buf, sizeof buf, pipe)) out += buf;
  ::pclose(pipe);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

TEST(Seed, DemoDataIsCompletePrivateAndIdempotent) {
  auto dir = std::filesystem::temp_directory_path() / ("madoguchi-seed-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  ASSERT_EQ(ServerProcess::run_command({"migrate", "--data", dir.string()}).first, 0);
  auto [code, output] = ServerProcess::run_command({"seed", "--demo", "--data", dir.string()});
  ASSERT_EQ(code, 0) << output;

  auto accounts = dir / "demo-accounts.txt";
  struct stat st {};
  ASSERT_EQ(::stat(accounts.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::ifstream in(accounts);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("demo.approver\tDemo-"), std::string::npos);

  auto db = dir / "madoguchi.db";
  EXPECT_EQ(sqlite(db, "SELECT count(DISTINCT ward) FROM applications"), "5");
  size_t procedures = 0;
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
  EXPECT_EQ(sqlite(db, "SELECT count(DISTINCT procedure_id) FROM applications"), std::to_string(procedures));
  EXPECT_EQ(sqlite(db, "SELECT count(DISTINCT status) FROM applications"), "3");
  const std::string today = madoguchi::platform::iso_date(test_today());
  EXPECT_NE(sqlite(db, "SELECT count(*) FROM applications WHERE due_on < '" + today + "'"), "0");
  EXPECT_EQ(sqlite(db, "SELECT count(*) FROM applications WHERE applicant_name = '髙橋　﨑子'") != "0", true);
  // Each demo application came in the way its procedure allows: nothing that
  // needs an account or a My Number card was submitted anonymously online;
  // those were entered at the counter (or from the post) by demo staff.
  EXPECT_EQ(sqlite(db, "SELECT count(*) FROM applications WHERE channel = 'online' AND procedure_id NOT IN (" +
                           open_to_anyone + ")"),
            "0");
  EXPECT_EQ(sqlite(db, "SELECT DISTINCT e.actor FROM application_events e JOIN applications a ON a.id = "
                       "e.application_id WHERE e.kind = 'submitted' AND a.procedure_id = 'residence_certificate'"),
            "demo.clerk.aoba");
  EXPECT_EQ(sqlite(db, "SELECT DISTINCT channel FROM applications WHERE procedure_id = 'cancer_screening'"), "mail");
  std::string before = sqlite(db, "SELECT count(*) FROM applications");

  auto [again, again_output] = ServerProcess::run_command({"seed", "--demo", "--data", dir.string()});
  EXPECT_EQ(again, 0);
  EXPECT_NE(again_output.find("already present"), std::string::npos);
  EXPECT_EQ(sqlite(db, "SELECT count(*) FROM applications"), before);
  std::filesystem::remove_all(dir);
}
