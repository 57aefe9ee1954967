// GET /api/v1/stats: the public figures per procedure (insight/stats.h) as
// JSON, for the progress dashboard and open data. No personal data; anyone
// may read it; answers are cached by the reader and marked cacheable.
#pragma once

#include "insight/stats_reader.h"
#include "platform/http/router.h"

namespace madoguchi::insight {

void register_stats_routes(platform::http::Router& router, StatsReader& reader);

}  // namespace madoguchi::insight
