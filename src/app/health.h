// Operational routes: /healthz (the process answers; also the hello-world
// ceiling in benchmarks), /readyz (the node can commit: readiness.h; 503
// otherwise) and /metrics (Prometheus text format).
#pragma once

#include "app/readiness.h"
#include "platform/http/router.h"
#include "platform/metrics.h"

namespace madoguchi::app {

void register_health_routes(platform::http::Router& router, ReadinessProbe& readiness, platform::Metrics& metrics);

}  // namespace madoguchi::app
