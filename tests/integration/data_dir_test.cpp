// The data directory holds answers in plain JSON, uploads and keys: a fresh
// one is private to the server's user from the first command (folders 0700,
// files 0600), and a key file others may read stops the server at start with
// a message that says how to fix it, as the document signing key always did.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/stat.h>

#include <filesystem>

#include "fixtures.h"
#include "harness.h"
#include "support/scratch.h"

using namespace madoguchi::testing;

namespace {

mode_t mode_of(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return 07777;
  return info.st_mode & 07777;
}

// Every folder and file under `dir` (the folder itself included) with a mode other than 0700 / 0600.
std::vector<std::string> open_entries(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  if (mode_of(dir) != 0700) out.push_back(dir.string());
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    mode_t expected = entry.is_directory() ? 0700 : 0600;
    if (mode_of(entry.path()) != expected) out.push_back(entry.path().string());
  }
  return out;
}

}  // namespace

TEST(DataDirectory, IsCreatedPrivateAndAKeyOthersMayReadStopsTheServer) {
  ServerOptions options;
  options.data_dir = scratch_dir("data-dir-modes") / "data";
  ServerProcess server(options);
  const auto& data = server.data_dir();

  HttpClient http;
  const std::string boundary = "----madoguchi-modes";
  auto uploaded = http.post(server.url("/api/v1/uploads"),
                            multipart_file("file", "scan.pdf", "application/pdf", tiny_pdf(), boundary),
                            "multipart/form-data; boundary=" + boundary);
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;

  EXPECT_EQ(mode_of(data), 0700u);
  for (const char* name : {"madoguchi.db", "madoguchi.db-wal", "madoguchi.db-shm"}) {
    if (std::filesystem::exists(data / name)) {
      EXPECT_EQ(mode_of(data / name), 0600u) << name;
    }
  }
  ASSERT_TRUE(std::filesystem::exists(data / "keys" / "csrf.key"));
  EXPECT_EQ(open_entries(data / "keys"), std::vector<std::string>{});
  if (testing_postgresql()) {
    EXPECT_FALSE(std::filesystem::exists(data / "uploads")) << "on PostgreSQL uploads are kept in the database";
  } else {
    EXPECT_EQ(open_entries(data / "uploads"), std::vector<std::string>{});
  }

  server.stop(SIGTERM);
  std::filesystem::permissions(data / "keys" / "csrf.key", std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  try {
    server.restart();
    FAIL() << "the server started with a key others may read";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("csrf.key"), std::string::npos) << what;
    EXPECT_NE(what.find("chmod 600"), std::string::npos) << what;
  }
}
