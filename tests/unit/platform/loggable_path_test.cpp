// What the access log writes for a path: secret parameters by name, and any
// token-shaped segment whatever the route, while words stay readable.
#include "platform/http/loggable_path.h"

#include <gtest/gtest.h>

namespace madoguchi::platform::http {
namespace {

Request at(std::string path) {
  Request r;
  r.path = std::move(path);
  return r;
}

TEST(LoggablePath, TokenShapedSegmentsAreRedactedAndWordsKept) {
  EXPECT_TRUE(is_token_shaped("q8Zr3VbXk1Lw0PmN7sTcYf2HdJg5AeUo9iKx4RtWnBq"));
  EXPECT_TRUE(is_token_shaped("9f86d081884c7d659a2feaa0c55ad015"));
  EXPECT_TRUE(is_token_shaped("AbCdEfGhIjKlMnOp"));
  EXPECT_FALSE(is_token_shaped("residence_certificate"));
  EXPECT_FALSE(is_token_shaped("family_register_certificate"));
  EXPECT_FALSE(is_token_shaped("MDG-7K3Q-9XPD"));
  EXPECT_FALSE(is_token_shaped("9f86d081884c7d6"));
  EXPECT_FALSE(is_token_shaped("{token}"));
  EXPECT_EQ(loggable_path(at("/account/verify/q8Zr3VbXk1Lw0PmN7sTcYf2HdJg5AeUo9iKx4RtWnBq/")),
            "/account/verify/{redacted}/");
  EXPECT_EQ(loggable_path(at("/procedures/residence_certificate/extra")), "/procedures/residence_certificate/extra");
  EXPECT_EQ(loggable_path(at("/status/MDG-7K3Q-9XPD")), "/status/MDG-7K3Q-9XPD");
  EXPECT_EQ(loggable_path(at("/")), "/");
  EXPECT_EQ(loggable_path(at("")), "");
}

TEST(LoggablePath, SecretParametersAreNamed) {
  Request r = at("/account/reset/short-one");
  r.path_params = {{"token", "short-one"}};
  EXPECT_EQ(loggable_path(r), "/account/reset/{token}");
}

}  // namespace
}  // namespace madoguchi::platform::http
