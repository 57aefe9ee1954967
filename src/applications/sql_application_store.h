// SqlApplicationStore: ApplicationStore on the platform's Database (SQLite or
// PostgreSQL, the same SQL). Each call returns once durable; a change names
// the row version it expects, so of two changes made at once on any nodes,
// the second is refused as stale.
#pragma once

#include "applications/application_store.h"
#include "platform/db/database.h"

namespace madoguchi::applications {

class SqlApplicationStore : public ApplicationStore {
 public:
  explicit SqlApplicationStore(platform::db::Database& database) : db_(database) {}

  SubmitOutcome submit(const NewApplication& application, const std::optional<IdempotencyRequest>& idempotency) override;
  std::optional<Submitted> replay(const IdempotencyRequest& idempotency) override;
  std::optional<Application> find(std::string_view reference) override;
  std::optional<Application> find_by_id(int64_t id) override;
  bool check_status_secret(std::string_view reference, std::string_view secret) override;
  std::vector<ApplicationEvent> events(int64_t application_id) override;
  std::vector<Revision> revisions(int64_t application_id) override;
  std::vector<Application> list_for_account(int64_t account_id) override;
  int change_status(int64_t id, int expected_row_version, Status to, const std::string& actor,
                    const nlohmann::json& detail, const ChangeOptions& options = {}) override;
  int resubmit(int64_t id, int expected_row_version, const nlohmann::json& answers, const std::string& note,
               const ChangeOptions& options = {}) override;
  int record_change(int64_t id, int expected_row_version, const std::string& kind, const std::string& actor,
                    const nlohmann::json& detail, const ChangeOptions& options = {}) override;

 private:
  platform::db::Database& db_;
};

}  // namespace madoguchi::applications
