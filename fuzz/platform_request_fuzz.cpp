// Fuzzes request parsing as the server does it: raw bytes through Beast's
// request parser with the server's limits, then everything a handler may ask
// of the request (path decoding, routing, query, cookies, content type,
// form fields, multipart, JSON body). Any crash, leak or undefined behaviour
// is a bug; HttpError is the expected answer to bad input.
#include <cstddef>
#include <cstdint>
#include <string>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "platform/http/beast_request.h"
#include "platform/http/http_error.h"
#include "platform/http/json_body.h"
#include "platform/http/multipart.h"
#include "platform/http/request.h"
#include "platform/http/router.h"
#include "platform/http/url.h"

namespace bhttp = boost::beast::http;
using namespace madoguchi::platform::http;

namespace {

const Router& router() {
  static Router* r = [] {
    auto* router = new Router();
    Handler ok = [](Request&) { return Response::text(200, ""); };
    router->get("/api/v1/procedures/{id}", ok);
    router->post("/api/v1/procedures/{id}/applications", ok);
    router->get("/static/{path*}", ok);
    router->get("/a/new", ok);
    router->get("/a/{id}", ok);
    return router;
  }();
  return *r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(1024 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_done()) return 0;
  Request request = request_from_message(parser.release());

  auto match = router().match(request.method, request.path);
  (void)match;
  (void)request.query_param("lang");
  (void)request.cookie("mdg_session");
  (void)request.has_content_type("application/json");
  (void)parse_urlencoded(request.body);
  try {
    (void)parse_multipart(request.body, multipart_boundary(request));
  } catch (const HttpError&) {
  }
  try {
    (void)parse_json_body(request);
  } catch (const HttpError&) {
  }
  return 0;
}
