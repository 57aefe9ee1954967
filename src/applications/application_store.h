// ApplicationStore: where applications live. The interface is what features
// use; SqlApplicationStore implements it today and a PostgreSQL store can
// implement it later without touching them. Every change is one durable
// transaction: the row, its event and its revision together, or nothing.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "applications/application.h"
#include "platform/db/connection.h"

namespace madoguchi::applications {

struct IdempotencyRequest {
  std::string key;           // the client's Idempotency-Key
  std::string request_hash;  // hash of what was sent with it
};

struct SubmitOutcome {
  enum class Kind { created, replayed };
  Kind kind = Kind::created;
  Submitted submitted;
};

// The Idempotency-Key was used before for a different request.
class IdempotencyConflict : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// An upload named by the application is unknown or belongs to another one.
class UploadUnavailable : public std::runtime_error {
 public:
  explicit UploadUnavailable(std::string upload_id)
      : std::runtime_error("upload unavailable: " + upload_id), upload_id_(std::move(upload_id)) {}
  const std::string& upload_id() const { return upload_id_; }

 private:
  std::string upload_id_;
};
// The application changed since the caller read it (optimistic concurrency).
class StaleRevision : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// The status change is not allowed from the current status.
class InvalidTransition : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Runs inside the transaction of a change, after the application row is
// updated, with its new row version: what it writes (the case's own rows, the
// audit entry) commits with the change or not at all.
using WithinChange = std::function<void(platform::db::Connection&, int row_version)>;

// What a back-office change may add to its transaction.
struct ChangeOptions {
  std::optional<std::string> due_on;    // a new due date (ISO), e.g. extended for the time spent correcting
  std::vector<std::string> upload_ids;  // uploads the resubmitted answers claim (throws UploadUnavailable)
  WithinChange within_transaction;
};

struct Revision {
  int revision = 0;
  nlohmann::json answers;
  std::string created_at;
  std::string note;
};

class ApplicationStore {
 public:
  virtual ~ApplicationStore() = default;

  virtual SubmitOutcome submit(const NewApplication& application, const std::optional<IdempotencyRequest>& idempotency) = 0;
  // The first result for this Idempotency-Key, if it was used; throws
  // IdempotencyConflict if it was used for a different request.
  virtual std::optional<Submitted> replay(const IdempotencyRequest& idempotency) = 0;
  virtual std::optional<Application> find(std::string_view reference) = 0;
  virtual std::optional<Application> find_by_id(int64_t id) = 0;
  // True if `secret` is the application's status code (status_code.h) as typed, or its older secret.
  virtual bool check_status_secret(std::string_view reference, std::string_view secret) = 0;
  virtual std::vector<ApplicationEvent> events(int64_t application_id) = 0;
  virtual std::vector<Revision> revisions(int64_t application_id) = 0;
  virtual std::vector<Application> list_for_account(int64_t account_id) = 0;

  // Moves the status; returns the new row version. Throws StaleRevision if
  // the application is no longer at expected_row_version, InvalidTransition
  // if the move is not allowed.
  virtual int change_status(int64_t id, int expected_row_version, Status to, const std::string& actor,
                            const nlohmann::json& detail, const ChangeOptions& options = {}) = 0;
  // The citizen's corrected answers after a correction request: a new
  // answers revision, status resubmitted. Same errors as change_status.
  virtual int resubmit(int64_t id, int expected_row_version, const nlohmann::json& answers, const std::string& note,
                       const ChangeOptions& options = {}) = 0;
  // A change that keeps the status (an assignment, an approval step): a
  // timeline event of `kind` and a new row version. Throws StaleRevision, or
  // InvalidTransition when the application is unknown or already decided.
  virtual int record_change(int64_t id, int expected_row_version, const std::string& kind, const std::string& actor,
                            const nlohmann::json& detail, const ChangeOptions& options = {}) = 0;
};

}  // namespace madoguchi::applications
