// The answers of the operators' `madoguchi jp` subcommand as JSON, computed without I/O: the
// caller loads the postal directory when the question needs one. Used by app/jp_command.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "jp/parsed.h"
#include "jp/postal.h"

namespace madoguchi::jp {

// `args` as after `madoguchi jp`, e.g. {"date", "令和8年11月22日"}. Questions:
//   date TEXT, kana TEXT, chars TEXT, mynumber N, corpnumber N, phone TEXT, postal CODE,
//   address TEXT, holidays YEAR, age BIRTH ON.
// Returns one JSON object, or the input's error ("usage" for a malformed command line,
// "postal_table_missing" when `postal` is null for a postal question).
Parsed<nlohmann::json> inspect(const std::vector<std::string>& args, const PostalDirectory* postal);

// {"error": {"code", "message_ja", "message_en"}}.
nlohmann::json error_json(const Error& error);

// The command's help text (Japanese and English).
std::string_view inspect_usage();

}  // namespace madoguchi::jp
