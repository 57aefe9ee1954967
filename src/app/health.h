// Operational routes: /healthz (the process answers; also the hello-world
// ceiling in benchmarks), /readyz (the database answers) and /metrics
// (Prometheus text format).
#pragma once

#include "platform/db/database.h"
#include "platform/http/router.h"
#include "platform/metrics.h"

namespace madoguchi::app {

void register_health_routes(platform::http::Router& router, platform::db::Database& database,
                            platform::Metrics& metrics);

}  // namespace madoguchi::app
