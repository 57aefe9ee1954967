#include "procedures/catalogue.h"

#include <algorithm>
#include <map>
#include <set>
#include <system_error>

#include "forms/printable.h"
#include "procedures/field_fit.h"
#include "procedures/procedure_loader.h"

namespace madoguchi::procedures {

namespace {

using forms::Field;
using forms::shown;

// Links to procedures whose own definition failed (`broken`) are not reported again.
void check_prefill_links(const std::vector<Procedure>& procedures,
                         const std::set<std::string>& broken, std::vector<Problem>& problems) {
  std::map<std::string_view, const Procedure*> by_id;
  for (const auto& p : procedures) by_id.emplace(p.id, &p);
  for (const auto& p : procedures) {
    p.form.for_each_field([&](const Field& field, const std::string& path) {
      for (const auto& source : field.prefill.from) {
        const auto it = by_id.find(source.procedure);
        const auto report = [&](const std::string& ja, const std::string& en) {
          problems.push_back(Problem{p.source_file, source.line, 0,
                                     "form.fields(" + path + ").prefill.from: " + ja + " / " +
                                         "form.fields(" + path + ").prefill.from: " + en});
        };
        if (it == by_id.end()) {
          if (broken.count(source.procedure)) continue;
          report("手続" + shown(source.procedure) + "はカタログにありません。",
                 "no procedure " + shown(source.procedure) + " in the catalogue.");
          continue;
        }
        if (it->second == &p) {
          report("同じ手続からは転記できません。", "a procedure cannot prefill from itself.");
          continue;
        }
        const Field* from = it->second->form.find_field(source.field);
        if (!from) {
          report("手続" + shown(source.procedure) + "に項目" + shown(source.field) + "はありません。",
                 "procedure " + shown(source.procedure) + " has no field " + shown(source.field) + ".");
          continue;
        }
        if (!answers_fit(field, *from)) {
          report(shown(source.procedure + "." + source.field) + "（" +
                     std::string(forms::field_type_name(from->type)) + "）の回答は、この項目（" +
                     std::string(forms::field_type_name(field.type)) +
                     "）にそのまま入れられません（種類・選択肢・グループの項目を合わせてください）。",
                 "answers of " + shown(source.procedure + "." + source.field) + " (" +
                     std::string(forms::field_type_name(from->type)) + ") do not fit this " +
                     std::string(forms::field_type_name(field.type)) +
                     " field (types, options and group fields must match).");
        }
      }
    });
  }
}

bool is_definition(const std::filesystem::path& path) {
  const auto ext = path.extension();
  return ext == ".yaml" || ext == ".yml";
}

}  // namespace

Catalogue::Catalogue(Directory directory, std::vector<Procedure> procedures)
    : directory_(std::move(directory)), procedures_(std::move(procedures)) {
  std::sort(procedures_.begin(), procedures_.end(),
            [](const Procedure& a, const Procedure& b) { return a.id < b.id; });
}

const Procedure* Catalogue::find(std::string_view id) const {
  const auto it = std::lower_bound(procedures_.begin(), procedures_.end(), id,
                                   [](const Procedure& p, std::string_view key) { return p.id < key; });
  if (it == procedures_.end() || it->id != id) return nullptr;
  return &*it;
}

Catalogue::VersionStatus Catalogue::check_version(std::string_view id, int version) const {
  const Procedure* p = find(id);
  if (!p) return VersionStatus::unknown_procedure;
  if (version == p->version) return VersionStatus::current;
  if (version >= 1 && version < p->version) return VersionStatus::outdated;
  return VersionStatus::unknown_version;
}

CatalogueLoad load_catalogue(const std::filesystem::path& dir) {
  CatalogueLoad result;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    result.problems.push_back(Problem{dir.string(), 0, 0,
                                      "手続のディレクトリがありません。 / the procedures directory "
                                      "does not exist."});
    return result;
  }
  auto reference = load_directory(dir);
  result.problems = std::move(reference.problems);
  const bool reference_ok = result.problems.empty();

  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const auto& path = entry.path();
    if (!entry.is_regular_file() || !is_definition(path)) continue;
    if (path.filename().string().front() == '_') continue;
    files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    result.problems.push_back(Problem{dir.string(), 0, 0,
                                      "手続の定義（*.yaml）がありません。 / no procedure "
                                      "definitions (*.yaml)."});
  }
  std::vector<Procedure> procedures;
  std::map<std::string, std::string> seen;
  std::set<std::string> broken;
  for (const auto& path : files) {
    auto loaded = load_procedure_file(path, reference_ok ? &reference.directory : nullptr);
    for (auto& p : loaded.problems) result.problems.push_back(std::move(p));
    if (!loaded.procedure) {
      broken.insert(path.stem().string());
      continue;
    }
    const auto [it, inserted] = seen.emplace(loaded.procedure->id, path.string());
    if (!inserted) {
      result.problems.push_back(Problem{path.string(), 0, 0,
                                        "手続ID" + shown(loaded.procedure->id) + "は" + it->second +
                                            "でも使われています。 / procedure id " +
                                            shown(loaded.procedure->id) + " is also used by " +
                                            it->second + "."});
      continue;
    }
    procedures.push_back(std::move(*loaded.procedure));
  }
  check_prefill_links(procedures, broken, result.problems);
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const Problem& a, const Problem& b) {
                     return a.file != b.file ? a.file < b.file : a.line < b.line;
                   });
  if (result.problems.empty()) {
    result.catalogue.emplace(std::move(reference.directory), std::move(procedures));
  }
  return result;
}

std::vector<Problem> check_directory(const std::filesystem::path& dir) {
  return load_catalogue(dir).problems;
}

}  // namespace madoguchi::procedures
