// HttpError: an exception a handler throws to answer with a clear 4xx (or 5xx)
// error. It carries a stable code and a message in Japanese and English; the
// server turns it into JSON for API clients or into a page via ErrorRenderer.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace madoguchi::platform::http {

struct Request;
struct Response;

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string code, std::string message_ja, std::string message_en,
            nlohmann::json details = nullptr);

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& message_ja() const { return message_ja_; }
  const std::string& message_en() const { return message_en_; }
  const nlohmann::json& details() const { return details_; }

  // {"error": {"status", "code", "message": {"ja", "en"}, "details"?}}.
  nlohmann::json to_json() const;

 private:
  int status_;
  std::string code_;
  std::string message_ja_;
  std::string message_en_;
  nlohmann::json details_;
};

// Turns an HttpError into a response: the default gives JSON; the web layer
// installs one that renders an HTML page for browsers.
using ErrorRenderer = std::function<Response(const Request&, const HttpError&)>;
Response render_error_as_json(const Request& request, const HttpError& error);
// Headers an error implies, whatever its format (Retry-After for a 429, Allow for a 405).
void add_error_headers(Response& response, const HttpError& error);

// Common errors, so every endpoint words them the same way.
HttpError not_found();
HttpError method_not_allowed();
HttpError bad_request(std::string code, std::string message_ja, std::string message_en);

}  // namespace madoguchi::platform::http
