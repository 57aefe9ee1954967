#include "platform/http/router.h"

#include <stdexcept>

namespace madoguchi::platform::http {

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> capture;
  std::string capture_name;
  std::unique_ptr<Node> rest;
  std::string rest_name;
  std::map<std::string, const Route*, std::less<>> by_method;
};

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool is_capture(std::string_view s) { return s.size() > 2 && s.front() == '{' && s.back() == '}'; }

}  // namespace

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;

void Router::add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern must start with '/': " + pattern);
  auto segments = split_path(pattern);
  Node* node = root_.get();
  for (size_t i = 0; i < segments.size(); ++i) {
    std::string_view seg = segments[i];
    if (is_capture(seg) && seg[seg.size() - 2] == '*') {
      if (i + 1 != segments.size()) throw std::invalid_argument("{name*} must be the last segment: " + pattern);
      if (!node->rest) node->rest = std::make_unique<Node>();
      node->rest_name = std::string(seg.substr(1, seg.size() - 3));
      node = node->rest.get();
    } else if (is_capture(seg)) {
      std::string name(seg.substr(1, seg.size() - 2));
      if (!node->capture) {
        node->capture = std::make_unique<Node>();
        node->capture_name = name;
      } else if (node->capture_name != name) {
        throw std::invalid_argument("conflicting parameter names at the same position: " + pattern);
      }
      node = node->capture.get();
    } else {
      auto& child = node->literals[std::string(seg)];
      if (!child) child = std::make_unique<Node>();
      node = child.get();
    }
  }
  if (node->by_method.count(method)) throw std::invalid_argument("duplicate route: " + method + " " + pattern);
  routes_.push_back(std::make_unique<Route>(Route{method, std::move(pattern), std::move(handler), options}));
  node->by_method[std::move(method)] = routes_.back().get();
}

void Router::get(std::string pattern, Handler handler, RouteOptions options) {
  add("GET", std::move(pattern), std::move(handler), options);
}

void Router::post(std::string pattern, Handler handler, RouteOptions options) {
  add("POST", std::move(pattern), std::move(handler), options);
}

void Router::wrap(std::string_view method, std::string_view pattern, const std::function<Handler(Handler)>& decorate) {
  for (auto& route : routes_) {
    if (route->method == method && route->pattern == pattern) {
      route->handler = decorate(std::move(route->handler));
      return;
    }
  }
  throw std::invalid_argument("no route " + std::string(method) + " " + std::string(pattern) + " to wrap");
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  auto segments = split_path(path);
  RouteMatch result;
  // Depth-first: literal, then capture, then rest; the first node that has a
  // handler for the method wins, otherwise remember which methods exist.
  std::function<const Node*(const Node*, size_t, RouteMatch&)> walk =
      [&](const Node* node, size_t i, RouteMatch& m) -> const Node* {
    if (i == segments.size()) return node->by_method.empty() ? nullptr : node;
    std::string_view seg = segments[i];
    if (auto it = node->literals.find(seg); it != node->literals.end()) {
      if (auto found = walk(it->second.get(), i + 1, m)) return found;
    }
    if (node->capture && !seg.empty()) {
      if (auto found = walk(node->capture.get(), i + 1, m)) {
        m.params[node->capture_name] = std::string(seg);
        return found;
      }
    }
    if (node->rest && !node->rest->by_method.empty()) {
      std::string rest;
      for (size_t j = i; j < segments.size(); ++j) {
        if (j > i) rest.push_back('/');
        rest.append(segments[j]);
      }
      m.params[node->rest_name] = rest;
      return node->rest.get();
    }
    return nullptr;
  };
  const Node* node = walk(root_.get(), 0, result);
  if (!node) return result;
  if (auto it = node->by_method.find(method); it != node->by_method.end()) {
    result.route = it->second;
  } else if (method == "HEAD" && node->by_method.count("GET")) {
    result.route = node->by_method.at("GET");
  } else {
    for (const auto& [m, route] : node->by_method) result.allowed_methods.push_back(m);
  }
  return result;
}

std::vector<const Route*> Router::routes() const {
  std::vector<const Route*> out;
  for (const auto& r : routes_) out.push_back(r.get());
  return out;
}

}  // namespace madoguchi::platform::http
