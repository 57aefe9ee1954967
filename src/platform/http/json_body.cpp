#include "platform/http/json_body.h"

#include "platform/http/http_error.h"

namespace madoguchi::platform::http {

nlohmann::json parse_json_body(const Request& request, int max_depth) {
  if (!request.has_content_type("application/json")) {
    throw HttpError(415, "unsupported_media_type", "Content-Type は application/json にしてください。",
                    "Send the body as application/json.");
  }
  return parse_json_text(request.body, max_depth);
}

nlohmann::json parse_json_text(std::string_view text, int max_depth) {
  if (text.empty()) throw bad_request("empty_body", "送信されたデータが空です。", "The request body is empty.");
  auto callback = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
    if ((event == nlohmann::json::parse_event_t::object_start || event == nlohmann::json::parse_event_t::array_start) &&
        depth >= max_depth) {
      throw HttpError(400, "json_too_deep",
                      "JSON の入れ子が深すぎます（" + std::to_string(max_depth) + " 段まで）。",
                      "The JSON is nested too deeply (at most " + std::to_string(max_depth) + " levels).");
    }
    return true;
  };
  try {
    return nlohmann::json::parse(text.begin(), text.end(), callback);
  } catch (const HttpError&) {
    throw;
  } catch (const nlohmann::json::exception& e) {
    std::string detail = e.what();
    throw HttpError(400, "malformed_json", "JSON の形式が正しくありません。", "The body is not valid JSON: " + detail);
  }
}

}  // namespace madoguchi::platform::http
