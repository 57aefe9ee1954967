// Seeds a migrated madoguchi database with N cases for the queue benchmark:
// applications spread over every procedure's department, the five wards and
// every status (about 70% still open), due dates from 60 days ago to 60 days
// ahead, realistic names and answers, and a third of the cases past intake assigned.
// Writes 10,000 rows per transaction straight into the tables the applications
// and casework modules own (the same columns their stores write), and runs no
// ANALYZE, so the planner works as on a fresh deployment.
//   casework_seed DB_PATH N
#include <array>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>

#include "platform/db/sqlite_connection.h"

namespace {

struct Kind {
  const char* procedure;
  const char* department;
};

constexpr std::array<Kind, 8> kKinds{{{"child_allowance", "children_benefits"},
                                      {"daycare_application", "children_daycare"},
                                      {"residence_certificate", "civic_registry"},
                                      {"moving_in", "civic_registry"},
                                      {"dog_registration", "health_animal_welfare"},
                                      {"health_insurance_enrolment", "health_insurance_pension"},
                                      {"tax_certificate", "finance_tax"},
                                      {"bulky_waste_collection", "environment_waste"}}};
constexpr std::array<const char*, 5> kWards{"aoba", "miyagino", "wakabayashi", "taihaku", "izumi"};
constexpr std::array<const char*, 10> kStatuses{"submitted", "submitted", "in_review", "in_review", "correction_requested",
                                                "resubmitted", "awaiting_approval", "approved", "approved", "rejected"};
constexpr std::array<const char*, 6> kFamily{"髙橋", "佐藤", "鈴木", "田中", "伊藤", "渡邉"};
constexpr std::array<const char*, 6> kGiven{"﨑子", "大輔", "陽葵", "蒼", "美咲", "健一"};

std::string date_at(std::chrono::sys_days day) {
  std::chrono::year_month_day d{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: casework_seed DB_PATH N\n";
    return 2;
  }
  const long total = std::stol(argv[2]);
  madoguchi::platform::db::SqliteConnection c(argv[1], madoguchi::platform::db::Connection::Mode::read_write);
  c.exec("PRAGMA synchronous=OFF");
  std::mt19937_64 random(20261122);
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() + std::chrono::hours(9));
  const char* alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  long written = 0;
  while (written < total) {
    c.exec("BEGIN");
    for (int i = 0; i < 10000 && written < total; ++i, ++written) {
      const Kind& kind = kKinds[random() % kKinds.size()];
      const char* ward = kWards[random() % kWards.size()];
      const char* status = kStatuses[random() % kStatuses.size()];
      std::string reference = "BEN-";
      for (long n = written, k = 0; k < 8; ++k, n /= 32) {
        if (k == 4) reference += "-";
        reference += alphabet[n % 32];
      }
      const std::string name = std::string(kFamily[random() % kFamily.size()]) + "　" + kGiven[random() % kGiven.size()];
      const auto submitted = today - std::chrono::days(static_cast<int>(random() % 90));
      const std::string due = date_at(today + std::chrono::days(static_cast<int>(random() % 121) - 60));
      const std::string at = date_at(submitted) + "T01:00:00.000Z";
      const std::string answers = "{\"applicant_name\":\"" + name + "\",\"applicant_address\":\"仙台市青葉区国分町三丁目7番1号\"}";
      const int64_t id =
          c.query_one("INSERT INTO applications (reference, procedure_id, procedure_version, department, ward, channel, "
                      "status, answers, applicant_name, status_secret_hash, submitted_at, updated_at, due_on) "
                      "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                      {reference, kind.procedure, kind.department, ward, random() % 4 == 0 ? "counter" : "online", status,
                       answers, name, std::string(64, '0'), at, at, due})
              ->integer(0);
      c.execute("INSERT INTO application_revisions (application_id, revision, answers, created_at) VALUES (?, 1, ?, ?)",
                {id, answers, at});
      if (std::string(status) != "submitted" && random() % 3 == 0) {
        c.execute("INSERT INTO casework_assignments (application_id, assignee, assigned_by, assigned_at) VALUES (?, ?, ?, ?)",
                  {id, "bench.processor", "bench.processor", at});
      }
    }
    c.exec("COMMIT");
  }
  std::cout << written << "\n";
  return 0;
}
