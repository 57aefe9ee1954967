// The machine's own ceiling for durable writes: inserts a JSON document of a
// given size, one row per transaction, into SQLite in WAL mode with
// synchronous=FULL (what every acknowledged submission needs), for a number
// of seconds, and prints rows per second.
//   raw_durable_insert DB_PATH DOCUMENT_FILE SECONDS
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "platform/db/connection.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: raw_durable_insert DB_PATH DOCUMENT_FILE SECONDS\n";
    return 2;
  }
  std::filesystem::remove(argv[1]);
  std::ifstream in(argv[2], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string document = text.str();
  madoguchi::platform::db::Connection c(argv[1], madoguchi::platform::db::Connection::Mode::read_write);
  c.exec("CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  auto seconds = std::chrono::duration<double>(std::stod(argv[3]));
  auto start = std::chrono::steady_clock::now();
  long rows = 0;
  while (std::chrono::steady_clock::now() - start < seconds) {
    c.exec("BEGIN IMMEDIATE");
    c.execute("INSERT INTO documents (body) VALUES (?)", {document});
    c.exec("COMMIT");
    ++rows;
  }
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << static_cast<long>(rows / elapsed) << "\n";
  return 0;
}
