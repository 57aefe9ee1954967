#include "insight/stats_routes.h"

namespace madoguchi::insight {

void register_stats_routes(platform::http::Router& router, StatsReader& reader) {
  router.get("/api/v1/stats", [&reader](platform::http::Request&) {
    auto response = platform::http::Response::json(200, reader.figures());
    response.headers.set("Cache-Control", "public, max-age=60");
    response.headers.set("Access-Control-Allow-Origin", "*");
    return response;
  });
}

}  // namespace madoguchi::insight
