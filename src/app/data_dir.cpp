#include "app/data_dir.h"

#include <sys/stat.h>

#include "platform/log.h"

namespace madoguchi::app {

void make_created_files_private() { ::umask(077); }

void create_data_dir(const std::filesystem::path& data_dir) {
  if (std::filesystem::create_directories(data_dir)) {
    std::filesystem::permissions(data_dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
  }
}

void warn_if_open(const std::filesystem::path& data_dir, const std::filesystem::path& database) {
  auto database_wal = database;
  database_wal += "-wal";
  for (const auto& path : {data_dir, database, database_wal}) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || (info.st_mode & 077) == 0) continue;
    platform::log::warn("data_dir_permissions",
                        {{"path", path.string()},
                         {"message", "group or others may read " + path.string() + ": run chmod " +
                                         (S_ISDIR(info.st_mode) ? "700 " : "600 ") + path.string()}});
  }
}

}  // namespace madoguchi::app
