#include "platform/http/static_files.h"

#include <system_error>

#include "platform/http/http_error.h"

namespace madoguchi::platform::http {

namespace {

bool safe_relative(const std::string& path) {
  if (path.empty() || path.find('\0') != std::string::npos || path.front() == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    std::string segment = path.substr(start, end - start);
    if (segment.empty() || segment.front() == '.') return false;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

std::string etag_for(const std::filesystem::path& file, std::error_code& ec) {
  auto size = std::filesystem::file_size(file, ec);
  auto mtime = std::filesystem::last_write_time(file, ec).time_since_epoch().count();
  char buf[64];
  std::snprintf(buf, sizeof buf, "\"%llx-%llx\"", static_cast<unsigned long long>(size),
                static_cast<unsigned long long>(mtime));
  return buf;
}

}  // namespace

std::string content_type_for(const std::filesystem::path& file) {
  static const std::vector<std::pair<std::string, std::string>> types = {
      {".css", "text/css; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".json", "application/json"},
      {".svg", "image/svg+xml"},             {".png", "image/png"},
      {".jpg", "image/jpeg"},                {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},              {".txt", "text/plain; charset=utf-8"},
      {".pdf", "application/pdf"},           {".html", "text/html; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},   {".webmanifest", "application/manifest+json"}};
  std::string ext = file.extension().string();
  for (const auto& [e, type] : types) {
    if (e == ext) return type;
  }
  return "application/octet-stream";
}

Handler static_files(std::vector<StaticMount> mounts, std::string cache_control) {
  return [mounts = std::move(mounts), cache_control = std::move(cache_control)](Request& request) -> Response {
    for (const auto& mount : mounts) {
      if (request.path.rfind(mount.url_prefix + "/", 0) != 0) continue;
      std::string relative = request.path.substr(mount.url_prefix.size() + 1);
      if (!safe_relative(relative)) throw not_found();
      auto file = mount.directory / relative;
      std::error_code ec;
      if (!std::filesystem::is_regular_file(file, ec)) continue;
      std::string etag = etag_for(file, ec);
      if (ec) continue;
      Response response;
      response.headers.set("ETag", etag);
      response.headers.set("Cache-Control", cache_control);
      if (auto match = request.header("If-None-Match"); match && *match == etag) {
        response.status = 304;
        return response;
      }
      response.headers.set("Content-Type", content_type_for(file));
      response.file = file;
      return response;
    }
    throw not_found();
  };
}

}  // namespace madoguchi::platform::http
