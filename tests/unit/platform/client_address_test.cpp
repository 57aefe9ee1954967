#include "platform/http/client_address.h"

#include <gtest/gtest.h>

using madoguchi::platform::http::client_address;
using madoguchi::platform::http::is_ip_address;

namespace {
const std::vector<std::string> kProxies = {"10.0.0.5", "10.0.0.6"};
}

TEST(ClientAddress, ADirectClientIsThePeerWhateverItClaims) {
  EXPECT_EQ(client_address("203.0.113.9", "198.51.100.1", kProxies), "203.0.113.9");
  EXPECT_EQ(client_address("203.0.113.9", "", {}), "203.0.113.9");
}

TEST(ClientAddress, BehindATrustedProxyTheForwardedClientCounts) {
  EXPECT_EQ(client_address("10.0.0.5", "198.51.100.1", kProxies), "198.51.100.1");
  EXPECT_EQ(client_address("10.0.0.5", " 2001:db8::1 ", kProxies), "2001:db8::1");
}

TEST(ClientAddress, TheChainIsReadFromTheRightSoAForgedLeftEntryIsIgnored) {
  // The client sent "X-Forwarded-For: 1.2.3.4"; the proxies appended the real address.
  EXPECT_EQ(client_address("10.0.0.5", "1.2.3.4, 198.51.100.1, 10.0.0.6", kProxies), "198.51.100.1");
}

TEST(ClientAddress, WithoutTheHeaderOrWithGarbageItIsTheLastTrustedHop) {
  EXPECT_EQ(client_address("10.0.0.5", "", kProxies), "10.0.0.5");
  EXPECT_EQ(client_address("10.0.0.5", "not-an-address", kProxies), "10.0.0.5");
  EXPECT_EQ(client_address("10.0.0.5", "junk, 10.0.0.6", kProxies), "10.0.0.6");
}

TEST(ClientAddress, RecognisesBothFamiliesAndNothingElse) {
  EXPECT_TRUE(is_ip_address("127.0.0.1"));
  EXPECT_TRUE(is_ip_address("::1"));
  EXPECT_FALSE(is_ip_address("127.0.0.1:80"));
  EXPECT_FALSE(is_ip_address("localhost"));
  EXPECT_FALSE(is_ip_address(""));
}
