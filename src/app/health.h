// Operational routes: /healthz (the process answers; also the hello-world
// ceiling in benchmarks), /readyz (the node found its database,
// startup_gate.h, and can commit, readiness.h; else 503 with Retry-After)
// and /metrics (Prometheus text format).
#pragma once

#include "app/readiness.h"
#include "app/startup_gate.h"
#include "platform/http/router.h"
#include "platform/metrics.h"

namespace madoguchi::app {

void register_health_routes(platform::http::Router& router, const StartupGate& gate, ReadinessProbe& readiness,
                            platform::Metrics& metrics);

}  // namespace madoguchi::app
