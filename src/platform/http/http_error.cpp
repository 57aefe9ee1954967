#include "platform/http/http_error.h"

#include "platform/http/request.h"
#include "platform/http/response.h"

namespace madoguchi::platform::http {

HttpError::HttpError(int status, std::string code, std::string message_ja, std::string message_en,
                     nlohmann::json details)
    : std::runtime_error(message_en),
      status_(status),
      code_(std::move(code)),
      message_ja_(std::move(message_ja)),
      message_en_(std::move(message_en)),
      details_(std::move(details)) {}

nlohmann::json HttpError::to_json() const {
  nlohmann::json error = {{"status", status_},
                          {"code", code_},
                          {"message", {{"ja", message_ja_}, {"en", message_en_}}}};
  if (!details_.is_null()) error["details"] = details_;
  return {{"error", error}};
}

Response render_error_as_json(const Request& request, const HttpError& error) {
  auto body = error.to_json();
  if (!request.request_id.empty()) body["request_id"] = request.request_id;
  auto response = Response::json(error.status(), body);
  add_error_headers(response, error);
  return response;
}

void add_error_headers(Response& response, const HttpError& error) {
  const auto& details = error.details();
  if (!details.is_object()) return;
  if (auto it = details.find("retry_after_seconds"); it != details.end() && it->is_number_integer()) {
    response.headers.set("Retry-After", std::to_string(it->get<int>()));
  }
  if (auto it = details.find("allow"); it != details.end() && it->is_string()) {
    response.headers.set("Allow", it->get<std::string>());
  }
}

HttpError not_found() {
  return HttpError(404, "not_found", "お探しのページは見つかりませんでした。", "The requested resource was not found.");
}

HttpError method_not_allowed() {
  return HttpError(405, "method_not_allowed", "この操作はこのアドレスでは使えません。",
                   "This method is not allowed for this resource.");
}

HttpError bad_request(std::string code, std::string message_ja, std::string message_en) {
  return HttpError(400, std::move(code), std::move(message_ja), std::move(message_en));
}

}  // namespace madoguchi::platform::http
