// The OpenAPI document is true to the handlers: every documented operation
// exists (it is not answered "no such route" or "method not allowed"), and a
// plain call to it gets one of the statuses documented for it.
#include <gtest/gtest.h>

#include <regex>

#include "harness.h"

using namespace madoguchi::testing;

namespace {

// Fills path parameters with values that exist in the catalogue.
std::string concrete(std::string path) {
  static const std::vector<std::pair<std::string, std::string>> values = {
      {"{id}", "child_allowance"}, {"{reference}", "MDG-0000-0000"}, {"{code}", "980-0811"}};
  for (const auto& [name, value] : values) {
    for (auto at = path.find(name); at != std::string::npos; at = path.find(name)) path.replace(at, name.size(), value);
  }
  return path;
}

}  // namespace

TEST(OpenApi, EveryDocumentedOperationAnswersAsDocumented) {
  ServerProcess server;
  HttpClient http;
  auto doc = http.get(server.url("/api/v1/openapi.json")).json();
  ASSERT_TRUE(doc["paths"].is_object());
  int operations = 0;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      std::string body = upper == "POST" ? "{}" : "";
      auto r = http.request(upper, server.url(concrete(path)), body,
                            upper == "POST" ? std::vector<std::string>{"Content-Type: application/json"}
                                            : std::vector<std::string>{});
      ++operations;
      EXPECT_NE(r.status, 405) << upper << " " << path << " is documented but not routed";
      if (r.status == 404) {
        EXPECT_NE(r.json()["error"]["code"], "not_found") << upper << " " << path << " is documented but not routed";
      }
      EXPECT_TRUE(operation["responses"].contains(std::to_string(r.status)))
          << upper << " " << path << " answered " << r.status << ", which the document does not list";
    }
  }
  EXPECT_GE(operations, 7);
}
