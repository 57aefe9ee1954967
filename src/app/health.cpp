#include "app/health.h"

#include <nlohmann/json.hpp>

namespace madoguchi::app {

using platform::http::Request;
using platform::http::Response;

void register_health_routes(platform::http::Router& router, platform::db::Database& database,
                            platform::Metrics& metrics) {
  router.get("/healthz", [](Request&) { return Response::json(200, {{"status", "ok"}}); }, platform::http::RouteOptions::io_thread());
  router.get("/readyz", [&database](Request&) {
    try {
      database.read([](platform::db::Connection& c) { c.query_one("SELECT 1"); });
    } catch (const std::exception&) {
      return Response::json(503, {{"status", "unavailable"}, {"checks", {{"database", "unreachable"}}}});
    }
    return Response::json(200, {{"status", "ready"}, {"checks", {{"database", "ok"}}}});
  });
  router.get("/metrics", [&metrics](Request&) {
    return Response::text(200, metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
  });
}

}  // namespace madoguchi::app
