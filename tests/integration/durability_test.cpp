// An acknowledged submission survives power loss: clients submit as fast as
// they can, the server is killed with SIGKILL mid-run, and after a restart
// every application that was answered 201 is there, readable with its secret.
#include <gtest/gtest.h>

#include <signal.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "casework_support.h"
#include "fixtures.h"
#include "harness.h"

using namespace madoguchi::testing;

TEST(Durability, SigkillDuringLoadLosesNoAcknowledgedApplication) {
  // Every acknowledged application is looked up afterwards, many more than one
  // client may try in a minute.
  ServerOptions options;
  options.environment = {{"MADOGUCHI_SERVER_ATTEMPTS_PER_MINUTE", "100000"}};
  ServerProcess server(options);
  // 児童手当 needs a My Number card online: a counter clerk enters the load.
  add_staff(server, "load.clerk", {"counter_clerk"}, {"all"}, {"all"});
  StaffBrowser clerk(server, "load.clerk");
  const std::string session = "Cookie: mdg_session=" + clerk.http().cookie("mdg_session");
  std::string url = server.url("/api/v1/procedures/child_allowance/applications");
  nlohmann::json body = {{"answers", sample_answers("child_allowance")}, {"channel", "counter"}};
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> acknowledged;  // reference, secret
  std::atomic<bool> stop{false};
  std::atomic<int> refused{0};  // a 4xx means the load itself is wrong: stop rather than wait for ever
  std::vector<std::thread> clients;
  for (int i = 0; i < 16; ++i) {
    clients.emplace_back([&] {
      HttpClient http;
      while (!stop) {
        try {
          auto r = http.post_json(url, body, {session});
          if (r.status / 100 == 4) {
            ++refused;
            return;
          }
          if (r.status != 201) continue;
          auto created = r.json();
          std::lock_guard lock(mutex);
          acknowledged.emplace_back(created["reference"], created["status_secret"]);
        } catch (const std::exception&) {
          return;  // the server is gone
        }
      }
    });
  }
  while (true) {
    {
      std::lock_guard lock(mutex);
      if (acknowledged.size() >= 300 || refused > 0) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (refused > 0) {
    stop = true;
    for (auto& t : clients) t.join();
    FAIL() << "the server refused the load";
  }
  EXPECT_EQ(server.stop(SIGKILL), 128 + SIGKILL);
  stop = true;
  for (auto& t : clients) t.join();

  server.restart();
  HttpClient http;
  size_t found = 0;
  for (const auto& [reference, secret] : acknowledged) {
    auto r = http.get(server.url("/api/v1/applications/" + reference), {"Authorization: Bearer " + secret});
    if (r.status == 200) {
      ++found;
    } else {
      ADD_FAILURE() << reference << " was answered 201 but is missing after SIGKILL (" << r.status << ")";
    }
  }
  EXPECT_EQ(found, acknowledged.size());
  auto [code, output] = ServerProcess::run_command({"jp", "date", "R8.11.22"});
  EXPECT_EQ(code, 0);
}
