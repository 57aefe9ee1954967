#include "web_client.h"

#include <curl/curl.h>

#include <regex>
#include <stdexcept>

namespace madoguchi::testing {

namespace {

std::string encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [key, value] : fields) {
    char* k = curl_easy_escape(nullptr, key.data(), static_cast<int>(key.size()));
    char* v = curl_easy_escape(nullptr, value.data(), static_cast<int>(value.size()));
    body += (body.empty() ? "" : "&") + std::string(k) + "=" + v;
    curl_free(k);
    curl_free(v);
  }
  return body;
}

const std::vector<std::string> kHtml = {"Accept: text/html"};

}  // namespace

HttpResult WebClient::get(const std::string& path) {
  auto r = http_.get(server_.url(path), kHtml);
  if (r.header("content-type").rfind("text/html", 0) == 0) last_body_ = r.body;
  return r;
}

std::string WebClient::csrf() const {
  std::smatch m;
  static const std::regex token(R"re(name="_csrf" value="([^"]+)")re");
  return std::regex_search(last_body_, m, token) ? m[1].str() : std::string();
}

HttpResult WebClient::post(const std::string& path, std::vector<std::pair<std::string, std::string>> fields,
                           bool with_csrf) {
  if (with_csrf) fields.emplace_back("_csrf", csrf());
  auto r = http_.post(server_.url(path), encode(fields), "application/x-www-form-urlencoded", kHtml);
  if (r.header("content-type").rfind("text/html", 0) == 0) last_body_ = r.body;
  return r;
}

HttpResult WebClient::post_multipart(const std::string& path, std::vector<std::pair<std::string, std::string>> fields,
                                     const std::vector<FilePart>& files) {
  const std::string boundary = "----madoguchi-test-boundary";
  fields.emplace_back("_csrf", csrf());
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
  for (const auto& f : files) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.name + "\"; filename=\"" + f.filename +
            "\"\r\nContent-Type: " + f.content_type + "\r\n\r\n" + f.data + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  auto r = http_.post(server_.url(path), body, "multipart/form-data; boundary=" + boundary, kHtml);
  if (r.header("content-type").rfind("text/html", 0) == 0) last_body_ = r.body;
  return r;
}

HttpResult WebClient::sign_in_staff(const std::string& login, const std::string& password) {
  get("/staff/login");
  return post("/staff/login", {{"login", login}, {"password", password}});
}

std::string WebClient::start(const std::string& procedure, const std::string& channel) {
  get("/procedures/" + procedure);
  auto r = post("/procedures/" + procedure + "/start", {{"channel", channel}});
  std::string location = r.header("location");
  auto step = location.find("/step/");
  return step == std::string::npos ? std::string() : location.substr(0, step);
}

std::string attribute_of(const std::string& html, const std::string& id, const std::string& attribute) {
  auto at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return {};
  auto start = html.rfind('<', at);
  auto end = html.find('>', at);
  std::string tag = html.substr(start, end - start);
  std::smatch m;
  std::regex pattern(attribute + "=\"([^\"]*)\"");
  return std::regex_search(tag, m, pattern) ? m[1].str() : std::string();
}

std::string answer_bulky_waste(WebClient& web, const std::string& email) {
  std::string draft = web.start("bulky_waste_collection");
  web.get(draft + "/step/requester");
  auto requester = web.post(draft + "/step/requester", {{"_version", "1"},
                                                        {"name", "千葉　洋子"},
                                                        {"name_kana", "チバ ヨウコ"},
                                                        {"postal_code", "982-0011"},
                                                        {"collection_address", "仙台市太白区長町5-2-1"},
                                                        {"phone", "022-247-1111"},
                                                        {"email", email},
                                                        {"email_confirmation", email}});
  web.get(draft + "/step/items");
  auto items = web.post(draft + "/step/items", {{"_version", "1"},
                                                {"items[0].item_type", "sofa"},
                                                {"items[0].quantity", "1"},
                                                {"place_to_put_out", "entrance"},
                                                {"agrees_to_rules", "true"}});
  if (draft.empty() || requester.status != 303 || items.status != 303) {
    throw std::runtime_error("the bulky-waste pages refused the answers: " + items.body + requester.body);
  }
  return draft;
}

}  // namespace madoguchi::testing
