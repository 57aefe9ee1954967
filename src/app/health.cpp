#include "app/health.h"

#include <nlohmann/json.hpp>

namespace madoguchi::app {

using platform::http::Request;
using platform::http::Response;

namespace {

Response unavailable(nlohmann::json checks) {
  auto response = Response::json(503, {{"status", "unavailable"}, {"checks", std::move(checks)}});
  response.headers.set("Retry-After", "5");
  return response;
}

}  // namespace

void register_health_routes(platform::http::Router& router, const StartupGate& gate, ReadinessProbe& readiness,
                            platform::Metrics& metrics) {
  router.get("/healthz", [](Request&) { return Response::json(200, {{"status", "ok"}}); }, platform::http::RouteOptions::io_thread());
  router.get("/readyz", [&gate, &readiness](Request&) {
    if (!gate.ready()) return unavailable({{"database", gate.waiting_for()}});
    Readiness r = readiness.check();
    nlohmann::json checks = {{"database", r.database}, {"disk", r.disk}};
    if (!r.ready) return unavailable(std::move(checks));
    return Response::json(200, {{"status", "ready"}, {"checks", std::move(checks)}});
  });
  router.get("/metrics", [&metrics](Request&) {
    return Response::text(200, metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
  });
}

}  // namespace madoguchi::app
