#include "app/health.h"

#include <nlohmann/json.hpp>

namespace madoguchi::app {

using platform::http::Request;
using platform::http::Response;

void register_health_routes(platform::http::Router& router, ReadinessProbe& readiness, platform::Metrics& metrics) {
  router.get("/healthz", [](Request&) { return Response::json(200, {{"status", "ok"}}); }, platform::http::RouteOptions::io_thread());
  router.get("/readyz", [&readiness](Request&) {
    Readiness r = readiness.check();
    return Response::json(r.ready ? 200 : 503, {{"status", r.ready ? "ready" : "unavailable"},
                                                {"checks", {{"database", r.database}, {"disk", r.disk}}}});
  });
  router.get("/metrics", [&metrics](Request&) {
    return Response::text(200, metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
  });
}

}  // namespace madoguchi::app
