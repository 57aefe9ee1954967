#include "procedures/procedure_loader.h"

#include <algorithm>
#include <set>

#include "forms/printable.h"
#include "forms/spec_from_yaml.h"
#include "forms/yaml_reader.h"
#include "procedures/file_text.h"

namespace madoguchi::procedures {

namespace {

using forms::FieldType;
using forms::shown;
using forms::SpecProblem;
using forms::YamlReader;

bool is_hiragana_reading(std::string_view text) {
  // ぁ-ゖ (U+3041-U+3096), ー (U+30FC), ・ and spaces; UTF-8 E3 81 81 .. E3 82 96, E3 83 BC.
  std::size_t i = 0;
  if (text.empty()) return false;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ') {
      ++i;
      continue;
    }
    if (c != 0xE3 || i + 3 > text.size()) return false;
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    const char32_t cp = (static_cast<char32_t>(c & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
    const bool ok = (cp >= 0x3041 && cp <= 0x3096) || cp == 0x30FC || cp == 0x30FB;
    if (!ok) return false;
    i += 3;
  }
  return true;
}

bool is_romaji(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '-')) return false;
  }
  return true;
}

FieldType applicant_type(std::string_view role) {
  if (role == "name") return FieldType::name;
  if (role == "birth_date") return FieldType::date;
  if (role == "address") return FieldType::address;
  if (role == "phone") return FieldType::phone;
  return FieldType::email;
}

class Loader {
 public:
  Loader(std::vector<SpecProblem>& problems, const Directory* directory)
      : r_(problems), problems_(problems), directory_(directory) {}

  std::optional<Procedure> load(const YAML::Node& root, std::string_view stem) {
    if (!r_.check_map(root, "",
                      {"id", "version", "name", "summary", "search", "department", "handled_at",
                       "category", "life_events", "channels", "identity_assurance", "fee",
                       "processing_days", "processing_note", "bring", "attachments", "applicant",
                       "approval", "form"})) {
      return std::nullopt;
    }
    Procedure p;
    p.id = r_.id(root, "id", "", true).value_or("");
    if (!p.id.empty() && !stem.empty() && p.id != stem) {
      r_.report(r_.get(root, "id", "", false), "id",
                "手続ID" + shown(p.id) + "がファイル名" + shown(std::string(stem) + ".yaml") +
                    "と違います。ファイル名は「手続ID.yaml」にしてください。",
                "the procedure id " + shown(p.id) + " differs from the file name " +
                    shown(std::string(stem) + ".yaml") + "; name the file <id>.yaml.");
    }
    p.version = static_cast<int>(r_.integer(root, "version", "", true, 1, 1'000'000).value_or(1));
    p.name = r_.localized(root, "name", "", true).value_or(LocalizedText{});
    p.summary = r_.localized(root, "summary", "", true).value_or(LocalizedText{});
    load_search(root, p);
    p.department = code(root, "department", "担当局区", "department",
                        [&](std::string_view c) { return directory_->find_department(c) != nullptr; });
    if (auto handled = r_.string(root, "handled_at", "", true)) {
      if (auto h = handling_from_name(*handled)) {
        p.handled_at = *h;
      } else {
        r_.report(r_.get(root, "handled_at", "", false), "handled_at",
                  shown(*handled) + "は使えません。ward_office か central を書いてください。",
                  shown(*handled) + " is not ward_office or central.");
      }
    }
    p.category = code(root, "category", "分類", "category",
                      [&](std::string_view c) { return directory_->find_category(c) != nullptr; });
    load_life_events(root, p);
    load_channels(root, p);
    if (auto level = r_.string(root, "identity_assurance", "", true)) {
      if (auto parsed = identity_assurance_from_name(*level)) {
        p.identity = *parsed;
      } else {
        r_.report(r_.get(root, "identity_assurance", "", false), "identity_assurance",
                  shown(*level) + "は使えません。none, account, mynumber_card_auth, mynumber_card_signature のどれかです。",
                  shown(*level) + " is not one of none, account, mynumber_card_auth, "
                               "mynumber_card_signature.");
      }
    }
    load_fee(root, p);
    p.processing_days =
        static_cast<int>(r_.integer(root, "processing_days", "", true, 0, 365).value_or(0));
    p.processing_note = r_.localized(root, "processing_note", "", false).value_or(LocalizedText{});
    load_bring(root, p);
    if (auto chain = read_approval(r_, root)) p.approval = std::move(*chain);
    const YAML::Node form = r_.get(root, "form", "", true);
    if (form.IsDefined()) {
      auto built = forms::build_form_spec(form, "form");
      for (auto& problem : built.problems) problems_.push_back(std::move(problem));
      if (built.spec) {
        p.form = std::move(*built.spec);
        form_ok_ = true;
      }
    }
    load_attachments(root, p);
    load_applicant(root, p);
    if (form_ok_) check_card_prefill(p.form);
    return p;
  }

 private:
  template <class Known>
  std::string code(const YAML::Node& root, std::string_view key, std::string_view what_ja,
                   std::string_view what_en, Known known) {
    auto value = r_.id(root, key, "", true);
    if (!value) return "";
    if (directory_ && !known(*value)) {
      const std::string file = key == "department" ? kDepartmentsFile : kTaxonomyFile;
      r_.report(r_.get(root, key, "", false), key,
                std::string(what_ja) + "コード" + shown(*value) + "は" + file + "にありません。",
                "unknown " + std::string(what_en) + " code " + shown(*value) + " (not in " + file + ").");
    }
    return *value;
  }

  void load_search(const YAML::Node& root, Procedure& p) {
    const YAML::Node search = r_.get(root, "search", "", true);
    if (!search.IsDefined() || !r_.check_map(search, "search", {"readings", "romaji", "keywords"})) {
      return;
    }
    p.search.readings = r_.string_list(search, "readings", "search", true).value_or(std::vector<std::string>{});
    p.search.romaji = r_.string_list(search, "romaji", "search", true).value_or(std::vector<std::string>{});
    p.search.keywords = r_.string_list(search, "keywords", "search", false).value_or(std::vector<std::string>{});
    const YAML::Node readings = r_.get(search, "readings", "search", false);
    for (std::size_t i = 0; i < p.search.readings.size(); ++i) {
      if (!is_hiragana_reading(p.search.readings[i])) {
        r_.report(readings[i], "search.readings[" + std::to_string(i) + "]",
                  shown(p.search.readings[i]) + "は ひらがな だけで書いてください。",
                  shown(p.search.readings[i]) + " must be written in hiragana only.");
      }
    }
    const YAML::Node romaji = r_.get(search, "romaji", "search", false);
    for (std::size_t i = 0; i < p.search.romaji.size(); ++i) {
      if (!is_romaji(p.search.romaji[i])) {
        r_.report(romaji[i], "search.romaji[" + std::to_string(i) + "]",
                  shown(p.search.romaji[i]) + "は英小文字・数字・空白・ハイフンで書いてください。",
                  shown(p.search.romaji[i]) + " must be lower-case ASCII letters, digits, spaces or hyphens.");
      }
    }
  }

  void load_life_events(const YAML::Node& root, Procedure& p) {
    const auto events = r_.string_list(root, "life_events", "", false);
    if (!events) return;
    const YAML::Node node = r_.get(root, "life_events", "", false);
    for (std::size_t i = 0; i < events->size(); ++i) {
      const std::string& event = (*events)[i];
      if (directory_ && !directory_->find_life_event(event)) {
        r_.report(node[i], "life_events[" + std::to_string(i) + "]",
                  "ライフイベントコード" + shown(event) + "は" + kTaxonomyFile + "にありません。",
                  "unknown life event code " + shown(event) + " (not in " + kTaxonomyFile + ").");
      }
      p.life_events.push_back(event);
    }
  }

  void load_channels(const YAML::Node& root, Procedure& p) {
    const YAML::Node node = r_.get(root, "channels", "", true);
    if (!node.IsDefined() || !r_.check_map(node, "channels", {"online", "counter_pre_entry", "mail"})) {
      return;
    }
    p.channels.online = r_.boolean(node, "online", "channels", true).value_or(false);
    p.channels.counter_pre_entry = r_.boolean(node, "counter_pre_entry", "channels", true).value_or(false);
    p.channels.mail = r_.boolean(node, "mail", "channels", true).value_or(false);
    if (!p.channels.online && !p.channels.counter_pre_entry && !p.channels.mail) {
      r_.report(node, "channels", "少なくとも1つの方法を true にしてください。",
                "at least one channel must be true.");
    }
  }

  void load_fee(const YAML::Node& root, Procedure& p) {
    const YAML::Node node = r_.get(root, "fee", "", true);
    if (!node.IsDefined() || !r_.check_map(node, "fee", {"amount_yen", "per", "note"})) return;
    p.fee.amount_yen = r_.integer(node, "amount_yen", "fee", false, 0, 10'000'000);
    p.fee.per = r_.localized(node, "per", "fee", false).value_or(LocalizedText{});
    p.fee.note = r_.localized(node, "note", "fee", false).value_or(LocalizedText{});
    if (!p.fee.amount_yen && p.fee.note.empty()) {
      r_.report(node, "fee", "amount_yen（無料なら0）か note（金額が変わるとき）を書いてください。",
                "write amount_yen (0 when free) or a note (when the amount varies).");
    }
  }

  void load_bring(const YAML::Node& root, Procedure& p) {
    const YAML::Node node = r_.get(root, "bring", "", false);
    if (!node.IsDefined()) return;
    if (!node.IsSequence()) {
      r_.report(node, "bring", "リストで書いてください。", "expected a list.");
      return;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (auto text = r_.localized_value(node[i], "bring[" + std::to_string(i) + "]")) {
        p.bring.push_back(std::move(*text));
      }
    }
  }

  void load_attachments(const YAML::Node& root, Procedure& p) {
    const YAML::Node node = r_.get(root, "attachments", "", false);
    if (!node.IsDefined()) return;
    if (!node.IsSequence()) {
      r_.report(node, "attachments", "リストで書いてください。", "expected a list.");
      return;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < node.size(); ++i) {
      const std::string where = "attachments[" + std::to_string(i) + "]";
      const YAML::Node item = node[i];
      if (!r_.check_map(item, where, {"id", "name", "required_for", "field"})) continue;
      Attachment a;
      a.id = r_.id(item, "id", where, true).value_or("");
      if (!a.id.empty() && !ids.insert(a.id).second) {
        r_.report(item, where, "添付書類ID" + shown(a.id) + "が重複しています。",
                  "duplicate attachment id " + shown(a.id) + ".");
      }
      a.name = r_.localized(item, "name", where, true).value_or(LocalizedText{});
      if (auto channels = r_.string_list(item, "required_for", where, false)) {
        const YAML::Node list = r_.get(item, "required_for", where, false);
        for (std::size_t k = 0; k < channels->size(); ++k) {
          const auto channel = channel_from_name((*channels)[k]);
          if (!channel) {
            r_.report(list[k], where + ".required_for",
                      shown((*channels)[k]) + "は online, counter_pre_entry, mail のどれでもありません。",
                      shown((*channels)[k]) + " is not online, counter_pre_entry or mail.");
          } else if (!p.channels.allows(*channel)) {
            r_.report(list[k], where + ".required_for",
                      "この手続は" + shown((*channels)[k]) + "で受け付けていません（channels）。",
                      "the procedure does not take " + shown((*channels)[k]) + " (see channels).");
          } else {
            a.required_for.push_back(*channel);
          }
        }
      }
      if (auto field = r_.string(item, "field", where, false)) {
        a.field = *field;
        if (form_ok_) {
          const forms::Field* f = p.form.find_field(*field);
          if (!f || f->type != FieldType::file) {
            r_.report(r_.get(item, "field", where, false), where + ".field",
                      "フォームにファイル項目" + shown(*field) + "がありません。",
                      "the form has no file field " + shown(*field) + ".");
          }
        }
      }
      p.attachments.push_back(std::move(a));
    }
  }

  void load_applicant(const YAML::Node& root, Procedure& p) {
    const YAML::Node node = r_.get(root, "applicant", "", true);
    if (!node.IsDefined() ||
        !r_.check_map(node, "applicant", {"name", "birth_date", "address", "phone", "email"})) {
      return;
    }
    const auto read = [&](std::string_view role, bool required) -> std::string {
      auto path = r_.string(node, role, "applicant", required);
      if (!path || !form_ok_) return path.value_or("");
      const forms::Field* f = p.form.find_field(*path);
      const FieldType expected = applicant_type(role);
      if (!f || f->type != expected || path->find("[]") != std::string::npos) {
        r_.report(r_.get(node, role, "applicant", false), "applicant." + std::string(role),
                  "フォームに種類" + shown(forms::field_type_name(expected)) + "の項目" + shown(*path) +
                      "がありません（繰り返しグループの外の項目を書いてください）。",
                  "the form has no " + shown(forms::field_type_name(expected)) + " field " +
                      shown(*path) + " outside repeating groups.");
      } else if (repeats_along(p.form, *path)) {
        r_.report(r_.get(node, role, "applicant", false), "applicant." + std::string(role),
                  shown(*path) + "は繰り返しグループの中にあります。",
                  shown(*path) + " is inside a repeating group.");
      }
      return *path;
    };
    p.applicant.name = read("name", true);
    p.applicant.birth_date = read("birth_date", false);
    p.applicant.address = read("address", false);
    p.applicant.phone = read("phone", false);
    p.applicant.email = read("email", false);
  }

  static bool repeats_along(const forms::FormSpec& form, std::string_view path) {
    std::string prefix;
    while (true) {
      const auto dot = path.find('.');
      prefix += (prefix.empty() ? "" : ".") + std::string(path.substr(0, dot));
      const forms::Field* f = form.find_field(prefix);
      if (f && f->repeat) return true;
      if (dot == std::string_view::npos) return false;
      path.remove_prefix(dot + 1);
    }
  }

  void check_card_prefill(const forms::FormSpec& form) {
    form.for_each_field([&](const forms::Field& field, const std::string& path) {
      if (field.prefill.card && path.find("[]") != std::string::npos) {
        r_.report_at(field.line, 0, "form",
                     shown(path) + "は繰り返しグループの中なので、マイナンバーカードから転記できません。",
                     shown(path) + " is inside a repeating group, so the My Number card cannot fill it.");
      }
    });
  }

  YamlReader r_;
  std::vector<SpecProblem>& problems_;
  const Directory* directory_;
  bool form_ok_ = false;
};

}  // namespace

ProcedureLoad load_procedure_text(std::string_view text, const std::string& file,
                                  const Directory* directory) {
  ProcedureLoad result;
  std::vector<SpecProblem> problems;
  if (auto root = forms::parse_yaml_text(text, problems)) {
    const std::string stem = std::filesystem::path(file).stem().string();
    Loader loader(problems, directory);
    auto procedure = loader.load(*root, stem);
    if (procedure && problems.empty()) {
      procedure->source_file = file;
      result.procedure = std::move(procedure);
    }
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [](const SpecProblem& a, const SpecProblem& b) { return a.line < b.line; });
  for (const auto& p : problems) result.problems.push_back(Problem{file, p.line, p.column, p.message()});
  return result;
}

ProcedureLoad load_procedure_file(const std::filesystem::path& path, const Directory* directory) {
  std::vector<SpecProblem> problems;
  auto text = read_file_text(path, problems);
  if (!text) {
    ProcedureLoad result;
    for (const auto& p : problems) {
      result.problems.push_back(Problem{path.string(), p.line, p.column, p.message()});
    }
    return result;
  }
  return load_procedure_text(*text, path.string(), directory);
}

}  // namespace madoguchi::procedures
