#include "platform/metrics.h"

#include <gtest/gtest.h>

using namespace madoguchi::platform;

TEST(Metrics, RendersCountersAndHistogramsInPrometheusFormat) {
  Metrics m;
  m.counter("http_requests_total", "Requests", {{"route", "/x"}, {"status", "200"}}).add();
  m.counter("http_requests_total", "Requests", {{"route", "/x"}, {"status", "200"}}).add(2);
  auto& h = m.histogram("latency", "Latency", {0.1, 1});
  h.observe(0.05);
  h.observe(0.5);
  h.observe(5);
  std::string text = m.render();
  EXPECT_NE(text.find("# TYPE http_requests_total counter"), std::string::npos);
  EXPECT_NE(text.find("http_requests_total{route=\"/x\",status=\"200\"} 3"), std::string::npos) << text;
  EXPECT_NE(text.find("latency_bucket{le=\"0.1\"} 1"), std::string::npos) << text;
  EXPECT_NE(text.find("latency_bucket{le=\"1\"} 2"), std::string::npos);
  EXPECT_NE(text.find("latency_bucket{le=\"+Inf\"} 3"), std::string::npos);
  EXPECT_NE(text.find("latency_count 3"), std::string::npos);
}

TEST(Metrics, EscapesLabelValues) {
  Metrics m;
  m.counter("c", "help", {{"path", "a\"b\\c"}}).add();
  EXPECT_NE(m.render().find("c{path=\"a\\\"b\\\\c\"} 1"), std::string::npos) << m.render();
}

TEST(Metrics, OneNameOneType) {
  Metrics m;
  m.counter("x", "help");
  EXPECT_THROW(m.gauge("x", "help"), std::logic_error);
}
