// The data directory holds the database (answers in plain JSON), uploads and
// keys, so it is private to the server's user: every madoguchi command runs
// with umask 077 (folders 0700, files 0600), create_data_dir() makes the
// folder 0700, and warn_if_open() logs a warning, with the fix, when an
// existing folder or database file may be read by group or others.
#pragma once

#include <filesystem>

namespace madoguchi::app {

// Called first by every command: files and folders it creates are the user's only.
void make_created_files_private();
// Creates the data directory (0700) and its parents if missing.
void create_data_dir(const std::filesystem::path& data_dir);
// Logs `data_dir_permissions` for the folder and database files others may read.
void warn_if_open(const std::filesystem::path& data_dir, const std::filesystem::path& database);

}  // namespace madoguchi::app
