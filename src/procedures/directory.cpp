#include "procedures/directory.h"

#include <set>

#include "forms/yaml_reader.h"
#include "procedures/file_text.h"

namespace madoguchi::procedures {

namespace {

using forms::LocalizedText;
using forms::SpecProblem;
using forms::YamlReader;

template <class T>
const T* find_code(const std::vector<T>& items, std::string_view code) {
  for (const auto& item : items) {
    if (item.code == code) return &item;
  }
  return nullptr;
}

// Reads a list of {code, name, …} entries under `key`, checking codes are unique.
template <class T, class Extra>
std::vector<T> read_coded_list(YamlReader& r, const YAML::Node& root, std::string_view key,
                               std::initializer_list<std::string_view> allowed, Extra extra) {
  std::vector<T> out;
  const YAML::Node list = r.get(root, key, "", true);
  if (!list.IsDefined()) return out;
  if (!list.IsSequence() || list.size() == 0) {
    r.report(list, key, "1つ以上の項目をリストで書いてください。", "expected a non-empty list.");
    return out;
  }
  std::set<std::string> codes;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    const YAML::Node item = list[i];
    if (!r.check_map(item, where, allowed)) continue;
    T entry;
    entry.code = r.id(item, "code", where, true).value_or("");
    entry.name = r.localized(item, "name", where, true).value_or(LocalizedText{});
    if (!entry.code.empty() && !codes.insert(entry.code).second) {
      r.report(item, where, "コード\"" + entry.code + "\"が重複しています。",
               "duplicate code \"" + entry.code + "\".");
    }
    extra(r, item, where, entry);
    out.push_back(std::move(entry));
  }
  return out;
}

void append_problems(std::vector<Problem>& out, const std::string& file,
                     const std::vector<SpecProblem>& problems) {
  for (const auto& p : problems) out.push_back(Problem{file, p.line, p.column, p.message()});
}

}  // namespace

const Department* Directory::find_department(std::string_view code) const {
  return find_code(departments, code);
}
const Ward* Directory::find_ward(std::string_view code) const { return find_code(wards, code); }
const Term* Directory::find_category(std::string_view code) const {
  return find_code(categories, code);
}
const Term* Directory::find_life_event(std::string_view code) const {
  return find_code(life_events, code);
}

const Ward* Directory::ward_of_address(std::string_view address) const {
  std::string_view rest = address;
  const auto city = rest.find(city_ja);
  if (!city_ja.empty() && city != std::string_view::npos) rest.remove_prefix(city + city_ja.size());
  while (!rest.empty() && (rest.front() == ' ')) rest.remove_prefix(1);
  for (const auto& ward : wards) {
    if (!ward.name.ja.empty() && rest.substr(0, ward.name.ja.size()) == ward.name.ja) return &ward;
  }
  return nullptr;
}

DirectoryLoad load_directory(const std::filesystem::path& dir) {
  DirectoryLoad result;
  {
    const std::string file = (dir / kDepartmentsFile).string();
    std::vector<SpecProblem> problems;
    if (auto text = read_file_text(dir / kDepartmentsFile, problems)) {
      if (auto root = forms::parse_yaml_text(*text, problems)) {
        YamlReader r(problems);
        if (r.check_map(*root, "", {"city", "departments", "wards"})) {
          if (auto city = r.localized(*root, "city", "", true)) {
            result.directory.city_ja = city->ja;
            result.directory.city_en = city->en;
          }
          result.directory.departments = read_coded_list<Department>(
              r, *root, "departments", {"code", "name"},
              [](YamlReader&, const YAML::Node&, const std::string&, Department&) {});
          result.directory.wards = read_coded_list<Ward>(
              r, *root, "wards", {"code", "name", "office", "branches"},
              [](YamlReader& rr, const YAML::Node& item, const std::string& where, Ward& ward) {
                ward.office = rr.localized(item, "office", where, true).value_or(LocalizedText{});
                const YAML::Node branches = rr.get(item, "branches", where, false);
                if (!branches.IsDefined()) return;
                if (!branches.IsSequence()) {
                  rr.report(branches, where + ".branches", "リストで書いてください。",
                            "expected a list.");
                  return;
                }
                for (std::size_t i = 0; i < branches.size(); ++i) {
                  const std::string at = where + ".branches[" + std::to_string(i) + "]";
                  if (!rr.check_map(branches[i], at, {"code", "name"})) continue;
                  BranchOffice branch;
                  branch.code = rr.id(branches[i], "code", at, true).value_or("");
                  branch.name = rr.localized(branches[i], "name", at, true).value_or(LocalizedText{});
                  ward.branches.push_back(std::move(branch));
                }
              });
        }
      }
    }
    append_problems(result.problems, file, problems);
  }
  {
    const std::string file = (dir / kTaxonomyFile).string();
    std::vector<SpecProblem> problems;
    if (auto text = read_file_text(dir / kTaxonomyFile, problems)) {
      if (auto root = forms::parse_yaml_text(*text, problems)) {
        YamlReader r(problems);
        if (r.check_map(*root, "", {"categories", "life_events"})) {
          const auto none = [](YamlReader&, const YAML::Node&, const std::string&, Term&) {};
          result.directory.categories =
              read_coded_list<Term>(r, *root, "categories", {"code", "name"}, none);
          result.directory.life_events =
              read_coded_list<Term>(r, *root, "life_events", {"code", "name"}, none);
        }
      }
    }
    append_problems(result.problems, file, problems);
  }
  return result;
}

}  // namespace madoguchi::procedures
