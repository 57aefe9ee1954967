#include "platform/config_source.h"

#include <gtest/gtest.h>

using namespace madoguchi::platform;

TEST(ConfigSource, ReadsNestedKeysWithDefaults) {
  auto c = ConfigSource::from("server:\n  port: 9000\n  host: 0.0.0.0\n", {});
  EXPECT_EQ(c.get_int("server.port", 8080, 0, 65535), 9000);
  EXPECT_EQ(c.get_string("server.host", "x"), "0.0.0.0");
  EXPECT_EQ(c.get_int("server.workers", 64, 1, 100), 64);
  EXPECT_NO_THROW(c.reject_unknown_keys());
}

TEST(ConfigSource, EnvironmentOverridesFile) {
  auto c = ConfigSource::from("server:\n  port: 9000\n", {{"MADOGUCHI_SERVER_PORT", "9100"}});
  EXPECT_EQ(c.get_int("server.port", 8080, 0, 65535), 9100);
}

TEST(ConfigSource, ReportsBadValuesWithOrigin) {
  auto c = ConfigSource::from("server:\n  port: eighty\n", {});
  try {
    c.get_int("server.port", 8080, 0, 65535);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("(inline):2"), std::string::npos) << e.what();
  }
  auto range = ConfigSource::from("", {{"MADOGUCHI_SERVER_PORT", "70000"}});
  EXPECT_THROW(range.get_int("server.port", 8080, 0, 65535), ConfigError);
  auto boolean = ConfigSource::from("flag: maybe\n", {});
  EXPECT_THROW(boolean.get_bool("flag", false), ConfigError);
}

TEST(ConfigSource, UnknownKeysAreTyposNotSilence) {
  auto c = ConfigSource::from("server:\n  prot: 9000\n", {});
  c.get_int("server.port", 8080, 0, 65535);
  try {
    c.reject_unknown_keys();
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("server.prot"), std::string::npos);
  }
}

TEST(ConfigSource, LookupDoesNotModifyTheTree) {
  auto c = ConfigSource::from("a:\n  b: 1\n", {});
  EXPECT_EQ(c.get_string("a.c", "none"), "none");
  EXPECT_EQ(c.get_string("x.y.z", "none"), "none");
  EXPECT_EQ(c.get_int("a.b", 0, 0, 10), 1);
  EXPECT_NO_THROW(c.reject_unknown_keys());
}
