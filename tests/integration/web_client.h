// A browser without JavaScript for the citizen web integration tests: it
// asks for HTML, remembers cookies, reads the CSRF token from the last page,
// posts forms (urlencoded or multipart with files) and follows the flow of
// one procedure's draft — as a citizen, or signed in as a clerk at the counter.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "harness.h"

namespace madoguchi::testing {

struct FilePart {
  std::string name;
  std::string filename;
  std::string content_type;
  std::string data;
};

class WebClient {
 public:
  explicit WebClient(const ServerProcess& server) : server_(server) {}

  HttpResult get(const std::string& path);
  // Posts `fields` (the CSRF token of the last page is added unless with_csrf is false).
  HttpResult post(const std::string& path, std::vector<std::pair<std::string, std::string>> fields,
                  bool with_csrf = true);
  HttpResult post_multipart(const std::string& path, std::vector<std::pair<std::string, std::string>> fields,
                            const std::vector<FilePart>& files);

  // Starts a draft of `procedure` on `channel` (online, or counter for a
  // pre-entry); returns its path, "/apply/{id}", or "" if it was refused.
  std::string start(const std::string& procedure, const std::string& channel = "online");
  // Signs this browser in as a member of staff (through the staff sign-in form).
  HttpResult sign_in_staff(const std::string& login, const std::string& password);
  const std::string& last_body() const { return last_body_; }
  // The underlying client (its cookie jar is this browser's).
  HttpClient& http() { return http_; }
  std::string csrf() const;

 private:
  const ServerProcess& server_;
  HttpClient http_;
  std::string last_body_;
};

// The value of the first `attribute="…"` on the element with id `id` in `html`.
std::string attribute_of(const std::string& html, const std::string& id, const std::string& attribute);

// Starts a bulky-waste collection (anyone may send it online) and answers
// both its pages; returns the draft's path, ready for /check and /submit.
// Throws std::runtime_error if a page refuses the answers.
std::string answer_bulky_waste(WebClient& web, const std::string& email);

}  // namespace madoguchi::testing
