#include "app/health.h"

#include <nlohmann/json.hpp>

namespace madoguchi::app {

using platform::http::Request;
using platform::http::Response;

namespace {

Response unavailable(const std::string& database) {
  auto response = Response::json(503, {{"status", "unavailable"}, {"checks", {{"database", database}}}});
  response.headers.set("Retry-After", "5");
  return response;
}

}  // namespace

void register_health_routes(platform::http::Router& router, platform::db::Database& database,
                            const Readiness& readiness, platform::Metrics& metrics) {
  router.get("/healthz", [](Request&) { return Response::json(200, {{"status", "ok"}}); }, platform::http::RouteOptions::io_thread());
  router.get("/readyz", [&database, &readiness](Request&) {
    if (!readiness.ready()) return unavailable(readiness.waiting_for());
    try {
      database.read([](platform::db::Connection& c) { c.query_one("SELECT 1"); });
    } catch (const std::exception&) {
      return unavailable("unreachable");
    }
    return Response::json(200, {{"status", "ready"}, {"checks", {{"database", "ok"}}}});
  });
  router.get("/metrics", [&metrics](Request&) {
    return Response::text(200, metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
  });
}

}  // namespace madoguchi::app
