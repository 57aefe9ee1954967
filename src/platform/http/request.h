// Request: one parsed HTTP request as handlers see it, independent of the
// server library. Middleware may attach typed values (a session, a user) that
// later handlers read back with attribute<T>().
#pragma once

#include <any>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "platform/http/headers.h"

namespace madoguchi::platform::http {

struct Request {
  std::string method;          // "GET", "POST", ...
  std::string target;          // as sent: path and query
  std::string path;            // percent-decoded path, no query
  std::string query;           // raw query string, without '?'
  Headers headers;
  std::string body;
  std::string remote_address;
  std::string request_id;
  std::string route;           // the matched route pattern, e.g. /api/v1/procedures/{id}
  std::map<std::string, std::string, std::less<>> path_params;
  std::chrono::steady_clock::time_point received_at{};

  std::optional<std::string_view> header(std::string_view name) const { return headers.get(name); }
  // Path parameter by name; empty when absent.
  std::string param(std::string_view name) const;
  // First value of a query parameter, percent-decoded.
  std::optional<std::string> query_param(std::string_view name) const;
  // Value of a cookie sent in the Cookie header.
  std::optional<std::string> cookie(std::string_view name) const;
  // True if the body declares this media type (parameters such as charset ignored).
  bool has_content_type(std::string_view media_type) const;

  template <class T>
  void set_attribute(const std::string& key, T value) {
    attributes_[key] = std::move(value);
  }
  template <class T>
  const T* attribute(const std::string& key) const {
    auto it = attributes_.find(key);
    return it == attributes_.end() ? nullptr : std::any_cast<T>(&it->second);
  }

 private:
  std::map<std::string, std::any, std::less<>> attributes_;
};

}  // namespace madoguchi::platform::http
