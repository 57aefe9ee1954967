// Static files: serves files under one or more root directories at a URL
// prefix, with content types, a strong ETag (304 on If-None-Match) and
// Cache-Control. Paths that escape a root, hidden files and directories are 404.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "platform/http/router.h"

namespace madoguchi::platform::http {

struct StaticMount {
  std::string url_prefix;              // e.g. "/static"
  std::filesystem::path directory;     // files served from here
};

// A handler for routes of the form PREFIX/{path*}; the first mount whose
// prefix matches and whose directory holds the file answers.
Handler static_files(std::vector<StaticMount> mounts, std::string cache_control = "public, max-age=3600");

std::string content_type_for(const std::filesystem::path& file);

}  // namespace madoguchi::platform::http
