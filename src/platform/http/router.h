// Router: maps a method and a path to a handler. Patterns are split on '/';
// a segment "{name}" captures one segment and a final "{name*}" captures the
// rest. Literal segments win over captures, so /a/new beats /a/{id}.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http/request.h"
#include "platform/http/response.h"

namespace madoguchi::platform::http {

using Handler = std::function<Response(Request&)>;
// Wraps a handler: may answer itself or call next (sessions, CSRF, headers).
using Middleware = std::function<Response(Request&, const Handler& next)>;

struct RouteOptions {
  // Run on the I/O thread: only for handlers that never block (no database,
  // no files), such as /healthz. Everything else runs on the worker pool.
  bool inline_io = false;
  // Overrides the server's body limit for this route (uploads).
  std::optional<size_t> max_body_bytes;

  static RouteOptions io_thread() { return {true, std::nullopt}; }
  static RouteOptions body_limit(size_t bytes) { return {false, bytes}; }
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
};

struct RouteMatch {
  const Route* route = nullptr;  // null: no route for this method
  std::map<std::string, std::string, std::less<>> params;
  std::vector<std::string> allowed_methods;  // when the path exists for other methods
};

class Router {
 public:
  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Throws std::invalid_argument on a malformed pattern or a duplicate route.
  void add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
  void get(std::string pattern, Handler handler, RouteOptions options = {});
  void post(std::string pattern, Handler handler, RouteOptions options = {});

  // Replaces a registered route's handler with decorate(handler), so policy
  // such as rate limits can be applied in one place after every module has
  // registered. Throws std::invalid_argument if there is no such route.
  void wrap(std::string_view method, std::string_view pattern, const std::function<Handler(Handler)>& decorate);

  RouteMatch match(std::string_view method, std::string_view path) const;
  std::vector<const Route*> routes() const;

 private:
  struct Node;
  std::unique_ptr<Node> root_;
  std::vector<std::unique_ptr<Route>> routes_;
};

}  // namespace madoguchi::platform::http
