#include "applications/web/page_post.h"

#include <algorithm>

#include "applications/form_state.h"
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

// How many entries of the repeating group at `path` the page showed (blank ones included).
size_t rows_posted(const PagePost& post, const std::string& path) {
  size_t rows = 0;
  std::string prefix = path + "[";
  auto count = [&](const std::string& name) {
    if (name.rfind(prefix, 0) != 0) return;
    size_t close = name.find(']', prefix.size());
    if (close == std::string::npos || close - prefix.size() > 4) return;
    size_t index = 0;
    for (char c : name.substr(prefix.size(), close - prefix.size())) {
      if (c < '0' || c > '9') return;
      index = index * 10 + static_cast<size_t>(c - '0');
    }
    rows = std::max(rows, index + 1);
  };
  for (const auto& [name, value] : post.fields) count(name);
  for (const auto& file : post.files) count(file.name);
  return rows;
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

bool change_repeat_entries(const forms::FormSpec& form, const forms::Section& section, const PagePost& post,
                           nlohmann::json& answers) {
  bool add = post.action.rfind("add:", 0) == 0;
  if (!add && post.action.rfind("remove:", 0) != 0) return false;
  std::string rest = post.action.substr(add ? 4 : 7);
  std::optional<size_t> index;
  if (!add) {
    auto colon = rest.rfind(':');
    if (colon == std::string::npos) return false;
    std::string number = rest.substr(colon + 1);
    if (number.empty() || number.size() > 4 || number.find_first_not_of("0123456789") != std::string::npos) return false;
    index = std::stoul(number);
    rest = rest.substr(0, colon);
  }
  const forms::Field* group = form.find_field(path_pattern(rest));
  if (!group || !group->repeat || form.section_of(top_level_id(rest)) != &section) return false;
  nlohmann::json list = nlohmann::json::array();
  if (const auto* existing = answer_at(answers, path_pattern(rest), path_indices(rest)); existing && existing->is_array()) {
    list = *existing;
  }
  while (list.size() < rows_posted(post, rest)) list.push_back(nlohmann::json::object());
  if (add) {
    if (group->max_items && list.size() >= group->max_items) return true;
    if (list.empty()) list.push_back(nlohmann::json::object());
    list.push_back(nlohmann::json::object());
  } else {
    if (*index >= list.size()) return true;
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(*index));
  }
  return set_answer(answers, rest, std::move(list));
}

}  // namespace madoguchi::applications
