// Anyone may upload a file before applying, so uploads are limited per client
// (counted in the database, so every node shares the count), and files nobody
// claimed are purged on a schedule instead of filling the disk for ever.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "fixtures.h"
#include "harness.h"
#include "platform/db/connection.h"

using namespace madoguchi::testing;

namespace {

HttpResult upload(HttpClient& http, const ServerProcess& server) {
  const std::string boundary = "----madoguchi-upload-limits";
  return http.post(server.url("/api/v1/uploads"),
                   multipart_file("file", "scan.pdf", "application/pdf", tiny_pdf(), boundary),
                   "multipart/form-data; boundary=" + boundary);
}

bool upload_row_exists(const ServerProcess& server, const std::string& id) {
  auto db = server.database();
  return db->query_one("SELECT 1 FROM uploads WHERE id = ?", {id}).has_value();
}

size_t files_under(const std::filesystem::path& dir) {
  if (!std::filesystem::exists(dir)) return 0;
  size_t n = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) n += entry.is_regular_file() ? 1 : 0;
  return n;
}

}  // namespace

TEST(UploadLimits, AClientMayUploadOnlySoManyFilesAnHour) {
  ServerOptions options;
  options.environment = {{"MADOGUCHI_UPLOADS_PER_CLIENT_PER_HOUR", "3"}};
  ServerProcess server(options);
  HttpClient http;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(upload(http, server).status, 201);
  auto refused = upload(http, server);
  EXPECT_EQ(refused.status, 429) << refused.body;
  auto error = refused.json()["error"];
  EXPECT_EQ(error["code"], "too_many_uploads");
  EXPECT_FALSE(error["message"]["ja"].get<std::string>().empty());
  EXPECT_FALSE(error["message"]["en"].get<std::string>().empty());
  EXPECT_FALSE(refused.header("retry-after").empty());
}

TEST(UploadLimits, UnclaimedUploadsArePurgedOnASchedule) {
  ServerOptions options;
  options.environment = {{"MADOGUCHI_UPLOADS_UNCLAIMED_MAX_AGE_SECONDS", "1"},
                         {"MADOGUCHI_UPLOADS_PURGE_INTERVAL_SECONDS", "1"}};
  ServerProcess server(options);
  HttpClient http;
  auto saved = upload(http, server);
  ASSERT_EQ(saved.status, 201) << saved.body;
  const std::string id = saved.json()["upload_id"];
  // On PostgreSQL the file is kept in the database, beside its row.
  ASSERT_EQ(files_under(server.data_dir() / "uploads"), testing_postgresql() ? 0u : 1u);
  bool purged = false;
  for (int i = 0; i < 100 && !purged; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    purged = !upload_row_exists(server, id) && files_under(server.data_dir() / "uploads") == 0;
  }
  EXPECT_TRUE(purged);
  EXPECT_NE(server.log().find("\"event\":\"uploads_purged\""), std::string::npos) << server.log();
}
