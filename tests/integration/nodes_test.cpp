// Several app nodes on PostgreSQL (run in the pg. suite only): two nodes
// share one database, a draft saved on one resumes on the other, a staff
// session works on both, and one node killed with SIGKILL under load loses
// no application it answered 201, nor stores any twice; then a primary with a
// synchronous replica is killed under load, the replica promoted, and the
// node carries on against it with every acknowledged application there; two
// nodes behind pgbouncer in transaction mode work as they do directly.
#include <gtest/gtest.h>

#include <signal.h>
#include <stdlib.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include "casework_support.h"
#include "fixtures.h"
#include "harness.h"
#include "platform/crypto.h"
#include "web_client.h"

using namespace madoguchi::testing;

namespace {

constexpr const char* kProcedure = "bulky_waste_collection";  // anyone may apply online: no sign-in needed

std::string run_script(const std::string& arguments) {
  std::string out;
  FILE* pipe = ::popen((std::string(MADOGUCHI_TEST_POSTGRES_SCRIPT) + " " + arguments + " 2>&1").c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run test-postgres");
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
  if (::pclose(pipe) != 0) throw std::runtime_error("test-postgres " + arguments + " failed: " + out);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// A PostgreSQL cluster of the test's own (scripts/test-postgres), removed at the end.
class Cluster {
 public:
  // Runs `test-postgres COMMAND DIR AFTER` for a new folder DIR (in /tmp: the
  // server's unprivileged user must reach it).
  explicit Cluster(const std::string& command, const std::string& after = "") {
    std::string pattern = "/tmp/madoguchi-pg-XXXXXX";
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    url_ = run_script(command + " " + dir_ + (after.empty() ? "" : " " + after));
  }
  ~Cluster() {
    try {
      run_script("stop " + dir_);
    } catch (const std::exception&) {
      // The server is already gone.
      std::filesystem::remove_all(dir_);
    }
  }
  const std::string& dir() const { return dir_; }
  const std::string& url() const { return url_; }
  std::string socket() const { return dir_ + "/socket"; }

 private:
  std::string dir_;
  std::string url_;
};

// Clients that submit the same sample again and again, each request with its
// own Idempotency-Key, to whichever node answers; a request whose node died is
// sent again, same key, to the next node (as a load balancer would).
class Load {
 public:
  explicit Load(std::vector<const ServerProcess*> nodes) : nodes_(std::move(nodes)) {}
  ~Load() { stop(); }

  void start(int clients) {
    const auto body = nlohmann::json{{"answers", sample_answers(kProcedure)}}.dump();
    for (int i = 0; i < clients; ++i) {
      threads_.emplace_back([this, body, i] {
        HttpClient http;
        size_t node = static_cast<size_t>(i);
        while (!stopping_) {
          const std::string key = madoguchi::platform::crypto::random_token(16);
          for (int attempt = 0; attempt < 200 && !stopping_; ++attempt, ++node) {
            const auto* target = nodes_[node % nodes_.size()];
            if (!target->running()) continue;
            try {
              auto r = http.post(target->url(std::string("/api/v1/procedures/") + kProcedure + "/applications"), body,
                                 "application/json", {"Idempotency-Key: " + key});
              if (r.status == 201) {
                std::lock_guard lock(mutex_);
                acknowledged_.insert(r.json()["reference"].get<std::string>());
                keys_.insert(key);
                break;
              }
              if (r.status != 503) {
                std::lock_guard lock(mutex_);
                unexpected_.push_back(std::to_string(r.status) + " " + r.body);
                break;
              }
            } catch (const std::exception&) {
              // The node died under this request: its outcome is unknown, so the same key goes to the next node.
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
          }
        }
      });
    }
  }
  void wait_for(size_t acknowledged) {
    for (int i = 0; i < 1200 && count() < acknowledged; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  void stop() {
    stopping_ = true;
    for (auto& t : threads_) t.join();
    threads_.clear();
  }
  size_t count() {
    std::lock_guard lock(mutex_);
    return acknowledged_.size();
  }
  std::set<std::string> acknowledged() {
    std::lock_guard lock(mutex_);
    return acknowledged_;
  }
  std::vector<std::string> unexpected() {
    std::lock_guard lock(mutex_);
    return unexpected_;
  }
  size_t keys() {
    std::lock_guard lock(mutex_);
    return keys_.size();
  }

 private:
  std::vector<const ServerProcess*> nodes_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::set<std::string> acknowledged_;
  std::set<std::string> keys_;
  std::vector<std::string> unexpected_;
};

// Submits the sample through the API; returns the reference.
std::string submit(const ServerProcess& node) {
  HttpClient http;
  auto r = http.post_json(node.url(std::string("/api/v1/procedures/") + kProcedure + "/applications"),
                          {{"answers", sample_answers(kProcedure)}});
  if (r.status != 201) throw std::runtime_error("submission refused: " + r.body);
  return r.json()["reference"];
}

bool stored(const std::string& url, const std::string& reference) {
  auto db = madoguchi::platform::db::connect({url, {}}, madoguchi::platform::db::Connection::Mode::read_only);
  return db->query_one("SELECT 1 FROM applications WHERE reference = ?", {reference}).has_value();
}

// A draft saved on node `a` opens with its resume code on node `b`, answers intact.
void expect_a_draft_saved_on_one_resumes_on_the_other(const ServerProcess& a, const ServerProcess& b) {
  WebClient first(a);
  std::string draft = first.start("child_allowance", "counter");
  first.get(draft + "/step/applicant");
  ASSERT_EQ(first.post(draft + "/step/applicant", {{"_version", "1"}, {"_action", "save"}, {"applicant_name", "髙橋　﨑子"}})
                .status,
            303);
  std::smatch m;
  const auto saved = first.get(draft + "/saved").body;
  ASSERT_TRUE(std::regex_search(saved, m, std::regex("data-resume-code>([0-9A-Z-]{14})<")));
  const std::string code = m[1];
  WebClient other(b);
  other.get("/resume");
  ASSERT_EQ(other.post("/resume", {{"code", code}}).status, 303);
  EXPECT_EQ(attribute_of(other.get(draft + "/step/applicant").body, "f-applicant_name", "value"), "髙橋　﨑子");
}

// Every acknowledged reference, stored exactly once.
void expect_all_stored_once(madoguchi::platform::db::Connection& db, const std::set<std::string>& acknowledged) {
  for (const auto& reference : acknowledged) {
    EXPECT_EQ(db.query_one("SELECT count(*) FROM applications WHERE reference = ?", {reference})->integer(0), 1)
        << reference;
  }
}

class Nodes : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing_postgresql()) GTEST_SKIP() << "several nodes need PostgreSQL";
  }
  static ServerOptions unlimited() {
    ServerOptions options;
    options.environment = {{"MADOGUCHI_SERVER_ATTEMPTS_PER_MINUTE", "100000"}};
    return options;
  }
};

}  // namespace

TEST_F(Nodes, ADraftSavedOnOneNodeResumesOnTheOtherAndAStaffSessionWorksOnBoth) {
  ServerProcess a;
  ServerOptions second;
  second.same_installation_as = &a;
  second.migrate = false;
  ServerProcess b(second);

  expect_a_draft_saved_on_one_resumes_on_the_other(a, b);

  add_staff(a, "nodes.processor", {"processor"}, {"all"}, {"all"});
  StaffBrowser staff(a, "nodes.processor");
  EXPECT_EQ(staff.get("/staff").status, 200);
  // The same browser (its cookies) on the other node.
  EXPECT_EQ(staff.http().get(b.url("/staff"), {"Accept: text/html"}).status, 200);
}

TEST_F(Nodes, ANodeKilledUnderLoadLosesAndDoublesNoAcknowledgedApplication) {
  ServerProcess a(unlimited());
  ServerOptions second = unlimited();
  second.same_installation_as = &a;
  second.migrate = false;
  ServerProcess b(second);
  Load load({&a, &b});
  load.start(8);
  load.wait_for(150);
  b.stop(SIGKILL);
  const size_t at_kill = load.count();
  load.wait_for(at_kill + 150);
  load.stop();
  EXPECT_TRUE(load.unexpected().empty()) << load.unexpected().front();
  ASSERT_GE(load.count(), at_kill + 150) << "the surviving node went on answering";
  auto db = a.database();
  expect_all_stored_once(*db, load.acknowledged());
  // One application per request that was acknowledged, whichever node took it and however often it was sent.
  EXPECT_EQ(static_cast<size_t>(db->query_one("SELECT count(*) FROM applications")->integer(0)), load.keys());
}

TEST_F(Nodes, ThePrimaryKilledUnderLoadAndItsSynchronousReplicaPromotedLosesNothingAcknowledged) {
  Cluster primary("start");
  Cluster replica("replica " + primary.dir());
  {
    auto admin = madoguchi::platform::db::connect({primary.url(), {}}, madoguchi::platform::db::Connection::Mode::read_write);
    admin->exec("ALTER SYSTEM SET synchronous_standby_names = 'replica'");
    admin->exec("SELECT pg_reload_conf()");
    bool synchronous = false;
    for (int i = 0; i < 200 && !synchronous; ++i) {
      synchronous = admin->query_one("SELECT 1 FROM pg_stat_replication WHERE sync_state = 'sync'").has_value();
      if (!synchronous) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_TRUE(synchronous) << "the replica never became synchronous";
  }
  // The node knows both servers and writes to whichever is the primary.
  const std::string both = "postgresql:///madoguchi?host=" + primary.socket() + "," + replica.socket() +
                           "&port=5432,5432&user=madoguchi&target_session_attrs=read-write";
  ServerOptions options = unlimited();
  options.environment.emplace("MADOGUCHI_DATABASE_URL", both);
  ServerProcess node(options);
  Load load({&node});
  load.start(6);
  load.wait_for(150);
  run_script("kill " + primary.dir());
  const size_t at_kill = load.count();
  run_script("promote " + replica.dir());
  load.wait_for(at_kill + 100);
  load.stop();
  EXPECT_TRUE(load.unexpected().empty()) << load.unexpected().front();
  ASSERT_GE(load.count(), at_kill + 100) << "the node carried on against the promoted replica";
  auto db = madoguchi::platform::db::connect({replica.url(), {}}, madoguchi::platform::db::Connection::Mode::read_only);
  expect_all_stored_once(*db, load.acknowledged());
}

TEST_F(Nodes, ABaseBackupAndTheWalArchiveRestoreToAPointInTime) {
  Cluster primary("start", "--archive");
  ServerOptions options;
  options.environment.emplace("MADOGUCHI_DATABASE_URL", primary.url());
  ServerProcess node(options);
  const std::string before_backup = submit(node);
  const std::string backup = primary.dir() + "/base-backup";
  run_script("backup " + primary.dir() + " " + backup);
  const std::string after_backup = submit(node);
  auto admin = madoguchi::platform::db::connect({primary.url(), {}}, madoguchi::platform::db::Connection::Mode::read_write);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  const std::string target =
      admin->query_one("SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")->text(0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  const std::string too_late = submit(node);
  const std::string segment = admin->query_one("SELECT pg_walfile_name(pg_switch_wal())")->text(0);
  bool archived = false;
  for (int i = 0; i < 300 && !archived; ++i) {
    archived = admin->query_one("SELECT 1 FROM pg_stat_archiver WHERE last_archived_wal >= ?", {segment}).has_value();
    if (!archived) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(archived) << "the WAL segment " << segment << " was never archived";

  Cluster restored("restore " + backup, primary.dir() + "/archive '" + target + "'");
  bool recovered = false;
  for (int i = 0; i < 300 && !recovered; ++i) {
    try {
      auto db = madoguchi::platform::db::connect({restored.url(), {}}, madoguchi::platform::db::Connection::Mode::read_only);
      recovered = db->query_one("SELECT NOT pg_is_in_recovery()")->integer(0) == 1;
    } catch (const madoguchi::platform::db::DbError&) {
      // Still starting.
    }
    if (!recovered) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(recovered) << "the restored server never finished recovery";
  EXPECT_TRUE(stored(restored.url(), before_backup));
  EXPECT_TRUE(stored(restored.url(), after_backup)) << "replayed from the archive";
  EXPECT_FALSE(stored(restored.url(), too_late)) << "written after the recovery target";
}

TEST_F(Nodes, TwoNodesBehindPgbouncerInTransactionModeSubmitResumeAndSeeEachOther) {
  Cluster primary("start");
  const std::string bouncer = run_script("pgbouncer " + primary.dir());
  ServerOptions options;
  options.environment = {{"MADOGUCHI_DATABASE_URL", bouncer},
                         {"MADOGUCHI_DATABASE_PREPARE_STATEMENTS", "false"},
                         {"MADOGUCHI_DATABASE_LISTEN_URL", primary.url()}};
  ServerProcess a(options);
  ServerOptions second = options;
  second.same_installation_as = &a;
  second.migrate = false;
  ServerProcess b(second);

  std::set<std::string> references;
  for (int i = 0; i < 20; ++i) references.insert(submit(i % 2 ? b : a));
  auto db = madoguchi::platform::db::connect({primary.url(), {}}, madoguchi::platform::db::Connection::Mode::read_only);
  expect_all_stored_once(*db, references);

  expect_a_draft_saved_on_one_resumes_on_the_other(a, b);
}
