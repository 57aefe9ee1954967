#include "applications/web/page_post.h"

#include "platform/http/multipart.h"

namespace madoguchi::applications {

namespace {

std::optional<int> small_number(const std::string& text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::string path_pattern(std::string_view concrete_path) {
  std::string out;
  for (size_t i = 0; i < concrete_path.size(); ++i) {
    if (concrete_path[i] == '[') {
      auto close = concrete_path.find(']', i);
      if (close == std::string_view::npos) break;
      out += "[]";
      i = close;
      continue;
    }
    out.push_back(concrete_path[i]);
  }
  return out;
}

std::vector<size_t> path_indices(std::string_view concrete_path) {
  std::vector<size_t> out;
  for (size_t i = 0; i < concrete_path.size(); ++i) {
    if (concrete_path[i] != '[') continue;
    size_t value = 0;
    for (++i; i < concrete_path.size() && concrete_path[i] >= '0' && concrete_path[i] <= '9'; ++i) {
      value = value * 10 + static_cast<size_t>(concrete_path[i] - '0');
    }
    out.push_back(value);
  }
  return out;
}

PagePost read_page_post(const platform::http::Request& request) {
  PagePost post;
  platform::http::FormFields raw;
  if (request.has_content_type("multipart/form-data")) {
    for (auto& part : platform::http::parse_multipart(request.body, platform::http::multipart_boundary(request))) {
      if (!part.filename.empty() || !part.content_type.empty()) {
        // A file input left empty still sends a part, with no name and no data.
        if (!part.filename.empty() || !part.data.empty()) {
          post.files.push_back({part.name, part.filename, part.content_type, std::move(part.data)});
        }
        continue;
      }
      raw.emplace_back(std::move(part.name), std::move(part.data));
    }
  } else if (request.has_content_type("application/x-www-form-urlencoded")) {
    raw = platform::http::parse_urlencoded(request.body);
  }
  for (auto& [name, value] : raw) {
    if (name == "_action") {
      post.action = value;
    } else if (name == "_version") {
      post.version = small_number(value);
      if (!post.version) post.version = -1;
    } else if (name == "_return") {
      post.return_to_check = value == "check";
    } else if (name == "_remove_file") {
      post.remove_files.push_back(value);
    } else {
      post.fields.emplace_back(std::move(name), std::move(value));
    }
  }
  return post;
}

}  // namespace madoguchi::applications
