// DraftStore: drafts in the application_drafts table. A draft is opened by
// its public id together with the browser's token (only the token's SHA-256
// is stored). Saving refreshes the expiry. A resume code moves the draft to
// another browser: it is single-use and hands out a new token, so the old
// browser no longer opens it. Submission links the draft to its application
// inside the submitting transaction and empties the draft's answers (the
// application keeps them). Expired drafts lose their answers when purged.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "applications/draft.h"
#include "platform/db/database.h"
#include "platform/time.h"

namespace madoguchi::applications {

struct NewDraft {
  std::string procedure_id;
  int procedure_version = 0;
  std::string channel = "online";
  std::optional<int64_t> citizen_account_id;
  // Prepared drafts (a one-stop bundle) start with answers, some of them given
  // once elsewhere, pages already complete, and a page to return to.
  nlohmann::json answers = nlohmann::json::object();
  std::vector<std::string> given_fields = {};
  std::vector<std::string> completed_sections = {};
  std::string return_to = {};
};

// A draft together with the token its browser must present.
struct OpenedDraft {
  Draft draft;
  std::string token;
};

class DraftStore {
 public:
  using Now = std::function<platform::Clock::time_point()>;
  DraftStore(platform::db::Database& database, std::chrono::seconds lifetime, Now clock = {});

  OpenedDraft create(const NewDraft& draft);
  std::optional<Draft> find(std::string_view public_id) const;
  std::optional<Draft> find_by_id(int64_t id) const;
  // True if `token` is the draft's current browser token.
  bool token_matches(int64_t draft_id, std::string_view token) const;

  // Stores the answers as entered and pushes the expiry back; links the
  // account when one is given; records `completed` as a page passed with
  // valid answers. False if the draft was submitted meanwhile.
  bool save(int64_t draft_id, const nlohmann::json& answers, std::optional<int64_t> citizen_account_id,
            std::optional<std::string> completed = std::nullopt);
  // Records that the citizen reviewed the answers on form version `version`.
  void set_version(int64_t draft_id, int version);
  // Replaces a prepared draft's answers, given answers, complete pages and
  // form version at once (the shared answers or the form changed) and pushes
  // the expiry back. False if the draft was submitted meanwhile.
  bool rebase(int64_t draft_id, const nlohmann::json& answers, const std::vector<std::string>& given_fields,
              const std::vector<std::string>& completed_sections, int version);

  // A new resume code for the draft (replacing any earlier one).
  std::string issue_resume_code(int64_t draft_id);
  // True if `code` (canonical form) is the draft's outstanding resume code.
  bool resume_code_matches(int64_t draft_id, std::string_view code) const;
  // The draft an outstanding resume code belongs to.
  std::optional<Draft> find_by_resume_code(std::string_view code) const;
  // Gives the draft a new browser token and spends its resume code.
  std::string move_to_new_browser(int64_t draft_id);

  // Drafts of one account not yet submitted and not expired, newest first.
  std::vector<Draft> list_for_account(int64_t citizen_account_id) const;

  // Inside the transaction that creates the application: links the draft to
  // it and empties its answers. False if it was already linked.
  static bool link_application(platform::db::Connection& connection, int64_t draft_id, int64_t application_id);
  // The same in a transaction of its own, for a submission replayed by its idempotency key.
  bool link_submitted(int64_t draft_id, int64_t application_id);

  // Empties the answers of expired drafts and forgets their resume codes.
  size_t purge_expired();

  std::chrono::seconds lifetime() const { return lifetime_; }
  platform::Clock::time_point now() const { return clock_(); }

 private:
  platform::db::Database& db_;
  std::chrono::seconds lifetime_;
  Now clock_;
};

}  // namespace madoguchi::applications
