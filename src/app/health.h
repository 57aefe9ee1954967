// Operational routes: /healthz (the process answers; also the hello-world
// ceiling in benchmarks), /readyz (the node is ready and the database
// answers; else 503 with Retry-After) and /metrics (Prometheus text format).
#pragma once

#include "app/readiness.h"
#include "platform/db/database.h"
#include "platform/http/router.h"
#include "platform/metrics.h"

namespace madoguchi::app {

void register_health_routes(platform::http::Router& router, platform::db::Database& database,
                            const Readiness& readiness, platform::Metrics& metrics);

}  // namespace madoguchi::app
