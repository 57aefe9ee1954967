#include "lifeevents/life_event_loader.h"

#include <algorithm>
#include <set>
#include <system_error>

#include "applications/identity_policy.h"
#include "forms/printable.h"
#include "forms/spec_from_yaml.h"
#include "forms/yaml_reader.h"
#include "procedures/field_fit.h"
#include "procedures/file_text.h"

namespace madoguchi::lifeevents {

namespace {

using forms::Field;
using forms::FieldType;
using forms::shown;
using forms::SpecProblem;
using forms::YamlReader;
using procedures::Problem;

std::string at(std::string_view where, std::size_t i) { return std::string(where) + "[" + std::to_string(i) + "]"; }

// A field by dotted path outside repeating groups ("spouse.name"), or null.
const Field* plain_field(const forms::FormSpec& form, const std::string& path) {
  std::string prefix;
  std::string_view rest = path;
  const Field* field = nullptr;
  while (true) {
    const auto dot = rest.find('.');
    prefix += (prefix.empty() ? "" : ".") + std::string(rest.substr(0, dot));
    if (field && field->repeat) return nullptr;
    field = form.find_field(prefix);
    if (!field) return nullptr;
    if (dot == std::string_view::npos) return field;
    rest.remove_prefix(dot + 1);
  }
}

std::vector<Office> load_offices(const std::filesystem::path& file, std::vector<Problem>& out) {
  std::vector<SpecProblem> problems;
  std::vector<Office> offices;
  auto text = procedures::read_file_text(file, problems);
  if (text) {
    if (auto root = forms::parse_yaml_text(*text, problems)) {
      YamlReader r(problems);
      if (r.check_map(*root, "", {"offices"})) {
        const YAML::Node list = r.get(*root, "offices", "", true);
        if (list.IsDefined() && !list.IsSequence()) r.report(list, "offices", "リストで書いてください。", "expected a list.");
        std::set<std::string> codes;
        for (std::size_t i = 0; list.IsSequence() && i < list.size(); ++i) {
          const std::string where = at("offices", i);
          if (!r.check_map(list[i], where, {"code", "name", "where", "url"})) continue;
          Office office;
          office.code = r.id(list[i], "code", where, true).value_or("");
          if (!office.code.empty() && !codes.insert(office.code).second) {
            r.report(list[i], where, "窓口コード" + shown(office.code) + "が重複しています。",
                     "duplicate office code " + shown(office.code) + ".");
          }
          office.name = r.localized(list[i], "name", where, true).value_or(LocalizedText{});
          office.where = r.localized(list[i], "where", where, true).value_or(LocalizedText{});
          office.url = r.string(list[i], "url", where, false).value_or("");
          if (!office.url.empty() && office.url.rfind("https://", 0) != 0) {
            r.report(r.get(list[i], "url", where, false), where + ".url", "https:// で始まるアドレスを書いてください。",
                     "write an address starting with https://.");
          }
          offices.push_back(std::move(office));
        }
      }
    }
  }
  for (const auto& p : problems) out.push_back(Problem{file.string(), p.line, p.column, p.message()});
  return offices;
}

class Loader {
 public:
  Loader(std::vector<SpecProblem>& problems, const procedures::Catalogue& catalogue, const std::vector<Office>& offices)
      : r_(problems), problems_(problems), catalogue_(catalogue), offices_(offices) {}

  std::optional<LifeEvent> load(const YAML::Node& root, const std::string& stem) {
    if (!r_.check_map(root, "", {"id", "version", "order", "life_event", "name", "summary", "guide", "event_date",
                                 "questionnaire", "consultation", "form", "checks", "items"})) {
      return std::nullopt;
    }
    LifeEvent e;
    e.id = r_.id(root, "id", "", true).value_or("");
    if (!e.id.empty() && e.id != stem) {
      r_.report(r_.get(root, "id", "", false), "id",
                "ID" + shown(e.id) + "がファイル名" + shown(stem + ".yaml") + "と違います。",
                "the id " + shown(e.id) + " differs from the file name " + shown(stem + ".yaml") + ".");
    }
    e.version = static_cast<int>(r_.integer(root, "version", "", true, 1, 1'000'000).value_or(1));
    e.order = static_cast<int>(r_.integer(root, "order", "", true, 1, 1000).value_or(1));
    if (auto code = r_.id(root, "life_event", "", true)) {
      e.life_event = *code;
      if (!catalogue_.directory().find_life_event(*code)) {
        r_.report(r_.get(root, "life_event", "", false), "life_event",
                  "ライフイベントコード" + shown(*code) + "は_taxonomy.yamlにありません。",
                  "unknown life event code " + shown(*code) + " (not in _taxonomy.yaml).");
      }
    }
    e.name = r_.localized(root, "name", "", true).value_or(LocalizedText{});
    e.summary = r_.localized(root, "summary", "", true).value_or(LocalizedText{});
    load_guide(root, e);
    load_consultation(root, e);
    const YAML::Node form = r_.get(root, "form", "", true);
    bool form_ok = false;
    if (form.IsDefined()) {
      auto built = forms::build_form_spec(form, "form");
      for (auto& problem : built.problems) problems_.push_back(std::move(problem));
      if (built.spec) {
        e.form.id = e.id;
        e.form.version = e.version;
        e.form.name = e.name;
        e.form.form = std::move(*built.spec);
        form_ok = true;
      }
    }
    if (!form_ok) return std::nullopt;
    refuse_files(e.form.form);
    load_questionnaire(root, e);
    load_event_date(root, e);
    load_checks(root, e);
    load_items(root, e);
    return e;
  }

 private:
  void load_guide(const YAML::Node& root, LifeEvent& e) {
    const YAML::Node node = r_.get(root, "guide", "", false);
    if (!node.IsDefined()) return;
    if (!node.IsSequence()) {
      r_.report(node, "guide", "リストで書いてください。", "expected a list.");
      return;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
      const std::string where = at("guide", i);
      if (!r_.check_map(node[i], where, {"title", "text"})) continue;
      GuideSection section;
      section.title = r_.localized(node[i], "title", where, true).value_or(LocalizedText{});
      section.text = r_.localized(node[i], "text", where, true).value_or(LocalizedText{});
      e.guide.push_back(std::move(section));
    }
  }

  void load_consultation(const YAML::Node& root, LifeEvent& e) {
    const YAML::Node node = r_.get(root, "consultation", "", false);
    if (!node.IsDefined() || !r_.check_map(node, "consultation", {"kind", "name"})) return;
    Consultation c;
    c.kind = r_.id(node, "kind", "consultation", true).value_or("");
    c.name = r_.localized(node, "name", "consultation", true).value_or(LocalizedText{});
    e.consultation = std::move(c);
  }

  void refuse_files(const forms::FormSpec& form) {
    form.for_each_field([&](const Field& field, const std::string& path) {
      if (field.type == FieldType::file) {
        r_.report_at(field.line, 0, "form",
                     shown(path) + ": ライフイベントの共通の回答にファイルは使えません（各手続のフォームで添付します）。",
                     shown(path) + ": a life event's shared answers cannot hold files (they are attached in each "
                                   "procedure's form).");
      }
    });
  }

  void load_questionnaire(const YAML::Node& root, LifeEvent& e) {
    auto ids = r_.string_list(root, "questionnaire", "", true);
    if (!ids) return;
    const YAML::Node node = r_.get(root, "questionnaire", "", false);
    const auto& sections = e.form.form.sections;
    if (ids->empty() || ids->size() > sections.size()) {
      r_.report(node, "questionnaire", "フォームの最初のセクションを1つ以上書いてください。",
                "name one or more of the form's first sections.");
      return;
    }
    for (std::size_t i = 0; i < ids->size(); ++i) {
      if (sections[i].id != (*ids)[i]) {
        r_.report(node[i], at("questionnaire", i),
                  "質問のセクションはフォームの先頭から順に書いてください（" + shown(sections[i].id) + "があるはずです）。",
                  "the questionnaire is the form's first sections in order (expected " + shown(sections[i].id) + ").");
        return;
      }
    }
    e.questionnaire = *ids;
  }

  void load_event_date(const YAML::Node& root, LifeEvent& e) {
    const YAML::Node node = r_.get(root, "event_date", "", true);
    if (!node.IsDefined() || !r_.check_map(node, "event_date", {"field", "future", "confirm_before"})) return;
    auto field = r_.string(node, "field", "event_date", true);
    if (field) {
      const Field* f = e.form.form.find_field(*field);
      const auto* section = e.form.form.section_of(*field);
      if (!f || f->type != FieldType::date) {
        r_.report(r_.get(node, "field", "event_date", false), "event_date.field",
                  "フォームに日付の項目" + shown(*field) + "がありません。", "the form has no date field " + shown(*field) + ".");
      } else if (!section || !e.in_questionnaire(section->id)) {
        r_.report(r_.get(node, "field", "event_date", false), "event_date.field",
                  shown(*field) + "は質問のセクションで尋ねてください（期限の計算に使います）。",
                  shown(*field) + " must be asked in the questionnaire (deadlines count from it).");
      } else {
        e.event_field = *field;
      }
    }
    if (auto future = r_.string(node, "future", "event_date", true)) {
      if (*future == "refuse") {
        e.event_date.future = EventDateRule::Future::refuse;
      } else if (*future == "confirm") {
        e.event_date.future = EventDateRule::Future::confirm;
      } else if (*future == "expected") {
        e.event_date.future = EventDateRule::Future::expected;
      } else {
        r_.report(r_.get(node, "future", "event_date", false), "event_date.future",
                  shown(*future) + "は使えません。refuse, confirm, expected のどれかです。",
                  shown(*future) + " is not one of refuse, confirm, expected.");
      }
    }
    if (auto before = r_.string(node, "confirm_before", "event_date", true)) {
      auto bound = forms::parse_date_bound(*before);
      if (!bound || bound->kind != forms::DateBound::Kind::relative || bound->amount >= 0) {
        r_.report(r_.get(node, "confirm_before", "event_date", false), "event_date.confirm_before",
                  shown(*before) + "は過去の相対日付（today-1y など）で書いてください。",
                  shown(*before) + " must be a past date relative to today (today-1y, today-6m).");
      } else {
        e.event_date.confirm_before = *bound;
      }
    }
  }

  std::optional<Predicate> predicate(const LifeEvent& e, const YAML::Node& node, const std::string& where,
                                     std::size_t depth) {
    if (depth > forms::kMaxConditionDepth) {
      r_.report(node, where, "条件の入れ子が深すぎます。", "conditions nest too deeply.");
      return std::nullopt;
    }
    if (!node.IsMap()) {
      r_.check_map(node, where, {});
      return std::nullopt;
    }
    Predicate p;
    p.line = forms::line_of(node);
    if (node["some"]) {
      if (!r_.check_map(node, where, {"some", "where"})) return std::nullopt;
      auto group = r_.id(node, "some", where, true);
      const YAML::Node inner = r_.get(node, "where", where, true);
      if (!group || !inner.IsDefined()) return std::nullopt;
      auto condition = forms::build_condition(e.form.form, inner, where + ".where", problems_, *group);
      if (!condition) return std::nullopt;
      p.kind = Predicate::Kind::some;
      p.group = *group;
      p.condition = std::move(*condition);
      return p;
    }
    for (const char* combinator : {"all", "any", "not"}) {
      if (!node[combinator]) continue;
      if (!r_.check_map(node, where, {combinator})) return std::nullopt;
      const YAML::Node operands = node[combinator];
      const std::string inner = where + "." + combinator;
      if (std::string_view(combinator) == "not") {
        auto operand = predicate(e, operands, inner, depth + 1);
        if (!operand) return std::nullopt;
        p.kind = Predicate::Kind::negate;
        p.operands.push_back(std::move(*operand));
        return p;
      }
      if (!operands.IsSequence() || operands.size() == 0) {
        r_.report(operands, inner, "条件を1つ以上、リストで書いてください。", "expected a list of at least one condition.");
        return std::nullopt;
      }
      p.kind = std::string_view(combinator) == "all" ? Predicate::Kind::all : Predicate::Kind::any;
      for (std::size_t i = 0; i < operands.size(); ++i) {
        auto operand = predicate(e, operands[i], at(inner, i), depth + 1);
        if (!operand) return std::nullopt;
        p.operands.push_back(std::move(*operand));
      }
      return p;
    }
    auto condition = forms::build_condition(e.form.form, node, where, problems_);
    if (!condition) return std::nullopt;
    p.condition = std::move(*condition);
    return p;
  }

  void load_checks(const YAML::Node& root, LifeEvent& e) {
    const YAML::Node node = r_.get(root, "checks", "", false);
    if (!node.IsDefined()) return;
    if (!node.IsSequence()) {
      r_.report(node, "checks", "リストで書いてください。", "expected a list.");
      return;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < node.size(); ++i) {
      const std::string where = at("checks", i);
      if (!r_.check_map(node[i], where, {"id", "when", "question", "fields"})) continue;
      Check check;
      check.line = forms::line_of(node[i]);
      check.id = r_.id(node[i], "id", where, true).value_or("");
      if (!check.id.empty() && !ids.insert(check.id).second) {
        r_.report(node[i], where, "チェックID" + shown(check.id) + "が重複しています。", "duplicate check id " + shown(check.id) + ".");
      }
      check.question = r_.localized(node[i], "question", where, true).value_or(LocalizedText{});
      check.fields = r_.string_list(node[i], "fields", where, true).value_or(std::vector<std::string>{});
      const YAML::Node fields = r_.get(node[i], "fields", where, false);
      for (std::size_t k = 0; k < check.fields.size(); ++k) {
        if (!e.form.form.section_of(check.fields[k])) {
          r_.report(fields[k], where + ".fields", "フォームに最上位の項目" + shown(check.fields[k]) + "がありません。",
                    "the form has no top-level field " + shown(check.fields[k]) + ".");
        }
      }
      const YAML::Node when = r_.get(node[i], "when", where, true);
      if (when.IsDefined()) {
        if (auto p = predicate(e, when, where + ".when", 0)) check.when = std::move(*p);
      }
      e.checks.push_back(std::move(check));
    }
  }

  std::optional<Deadline> deadline(const LifeEvent& e, const YAML::Node& node, const std::string& where) {
    if (!r_.check_map(node, where, {"within", "before", "from", "count_first_day", "law"})) return std::nullopt;
    const bool within = static_cast<bool>(node["within"]);
    const bool before = static_cast<bool>(node["before"]);
    if (within == before) {
      r_.report(node, where, "within（後の期限）か before（前の期限）のどちらか1つを書いてください。",
                "write exactly one of within (after the date) and before (before it).");
      return std::nullopt;
    }
    const char* key = within ? "within" : "before";
    auto text = r_.string(node, key, where, true);
    if (!text) return std::nullopt;
    auto d = parse_period(*text);
    if (!d) {
      r_.report(node[key], where + "." + key, shown(*text) + "は期間として読めません。14d、3m、2y、3bd（開庁日）のように書いてください。",
                shown(*text) + " is not a period; write 14d, 3m, 2y or 3bd (business days).");
      return std::nullopt;
    }
    d->before = before;
    d->line = forms::line_of(node);
    if (before && d->unit != Deadline::Unit::business_days) {
      r_.report(node[key], where + ".before", "前の期限は開庁日（bd）で書いてください。",
                "a deadline before the date is written in business days (bd).");
    }
    d->count_first_day = r_.boolean(node, "count_first_day", where, false).value_or(false);
    if (d->count_first_day && d->unit == Deadline::Unit::business_days) {
      r_.report(node["count_first_day"], where + ".count_first_day", "開庁日の期限には使えません。",
                "does not apply to business days.");
    }
    d->from = r_.string(node, "from", where, false).value_or("");
    if (!d->from.empty()) {
      const Field* f = e.form.form.find_field(d->from);
      if (!f || f->type != FieldType::date) {
        r_.report(node["from"], where + ".from", "フォームに日付の項目" + shown(d->from) + "がありません。",
                  "the form has no date field " + shown(d->from) + ".");
      }
    }
    d->law = r_.localized(node, "law", where, false).value_or(LocalizedText{});
    return d;
  }

  std::optional<nlohmann::json> fixed_value(const YAML::Node& node, const Field& target, const std::string& where) {
    const auto fail = [&](const std::string& ja, const std::string& en) {
      r_.report(node, where, ja, en);
      return std::nullopt;
    };
    if (target.type == FieldType::checkbox && !target.options.empty()) {
      if (!node.IsSequence()) return fail("選択肢のリストで書いてください。", "write a list of options.");
      nlohmann::json chosen = nlohmann::json::array();
      for (const auto& option : node) {
        if (!option.IsScalar() || !target.find_option(option.Scalar())) {
          return fail("項目" + shown(target.id) + "の選択肢ではない値があります。",
                      "a value is not an option of " + shown(target.id) + ".");
        }
        chosen.push_back(option.Scalar());
      }
      return chosen;
    }
    if (!node.IsScalar()) return fail("値を1つ書いてください。", "write one value.");
    const std::string text = node.Scalar();
    switch (target.type) {
      case FieldType::radio:
      case FieldType::select:
        if (!target.find_option(text)) {
          return fail("項目" + shown(target.id) + "に選択肢" + shown(text) + "はありません。",
                      "field " + shown(target.id) + " has no option " + shown(text) + ".");
        }
        return nlohmann::json(text);
      case FieldType::checkbox:
        if (text != "true" && text != "false") {
          return fail("チェックボックス" + shown(target.id) + "には true か false を書いてください。",
                      "write true or false for the checkbox " + shown(target.id) + ".");
        }
        return nlohmann::json(text == "true");
      case FieldType::group:
      case FieldType::file:
        return fail("グループとファイルには決まった値を入れられません。", "groups and files cannot take a fixed value.");
      case FieldType::number: {
        try {
          std::size_t used = 0;
          double number = std::stod(text, &used);
          if (used != text.size()) throw std::invalid_argument(text);
          return nlohmann::json(number);
        } catch (const std::exception&) {
          return fail(shown(text) + "は数ではありません。", shown(text) + " is not a number.");
        }
      }
      default:
        return nlohmann::json(text);
    }
  }

  // `target` is a repeating group; `node` maps some of its child fields to shared answers.
  bool load_item_link(const LifeEvent& e, const Field& target, const YAML::Node& node, const std::string& where,
                      PrefillLink& link) {
    if (target.type != FieldType::group || !target.repeat) {
      r_.report(node, where, shown(target.id) + "は繰り返しグループではありません。", shown(target.id) + " is not a repeating group.");
      return false;
    }
    if (!node.IsMap() || node.size() == 0) {
      r_.report(node, where, "「グループの項目: 共通の回答の項目」のマッピングで書いてください。",
                "expected a mapping of group field: shared field.");
      return false;
    }
    bool ok = true;
    for (const auto& entry : node) {
      const std::string child_id = entry.first.Scalar();
      const std::string source_path = entry.second.IsScalar() ? entry.second.Scalar() : std::string();
      const Field* child = target.find_child(child_id);
      const Field* source = plain_field(e.form.form, source_path);
      if (!child) {
        r_.report(entry.first, where, shown(target.id) + "に項目" + shown(child_id) + "はありません。",
                  shown(target.id) + " has no field " + shown(child_id) + ".");
        ok = false;
      } else if (!source) {
        r_.report(entry.second, where, "共通の回答に項目" + shown(source_path) + "はありません。",
                  "the shared answers have no field " + shown(source_path) + ".");
        ok = false;
      } else if (!procedures::answers_fit(*child, *source)) {
        r_.report(entry.second, where,
                  shown(source_path) + "（" + std::string(forms::field_type_name(source->type)) + "）の回答は" +
                      shown(target.id + "." + child_id) + "（" + std::string(forms::field_type_name(child->type)) +
                      "）に入れられません。",
                  "answers of " + shown(source_path) + " (" + std::string(forms::field_type_name(source->type)) +
                      ") do not fit " + shown(target.id + "." + child_id) + " (" +
                      std::string(forms::field_type_name(child->type)) + ").");
        ok = false;
      } else {
        link.item.emplace_back(child_id, source_path);
      }
    }
    return ok;
  }

  void load_prefill(const LifeEvent& e, const procedures::Procedure& p, const YAML::Node& node,
                    const std::string& where, Item& item) {
    if (!node.IsMap()) {
      r_.report(node, where, "「手続の項目: 共通の回答の項目」のマッピングで書いてください。",
                "expected a mapping of procedure field: shared field.");
      return;
    }
    std::set<std::string> targets;
    for (const auto& entry : node) {
      PrefillLink link;
      link.line = forms::line_of(entry.first);
      link.target = entry.first.Scalar();
      const std::string here = where + "." + link.target;
      if (!targets.insert(link.target).second) {
        r_.report(entry.first, here, "同じ項目が2回書かれています。", "the same field is written twice.");
        continue;
      }
      const Field* target = plain_field(p.form, link.target);
      if (!target) {
        r_.report(entry.first, here,
                  "手続" + shown(p.id) + "に項目" + shown(link.target) + "はありません（繰り返しグループの中には入れられません）。",
                  "procedure " + shown(p.id) + " has no field " + shown(link.target) + " outside repeating groups.");
        continue;
      }
      const YAML::Node spec = entry.second;
      if (spec.IsMap() && spec["item"]) {
        if (!r_.check_map(spec, here, {"item"})) continue;
        if (load_item_link(e, *target, spec["item"], here + ".item", link)) item.prefill.push_back(std::move(link));
        continue;
      }
      const bool fixed = spec.IsMap() && static_cast<bool>(spec["value"]);
      if (fixed) {
        if (!r_.check_map(spec, here, {"value"})) continue;
        link.value = fixed_value(spec["value"], *target, here + ".value");
        if (!link.value) continue;
        item.prefill.push_back(std::move(link));
        continue;
      }
      if (spec.IsMap()) {
        if (!r_.check_map(spec, here, {"field", "where"})) continue;
        link.source = r_.string(spec, "field", here, true).value_or("");
      } else {
        link.source = spec.IsScalar() ? spec.Scalar() : std::string();
      }
      const Field* source = plain_field(e.form.form, link.source);
      if (!source) {
        r_.report(spec, here, "共通の回答に項目" + shown(link.source) + "はありません。",
                  "the shared answers have no field " + shown(link.source) + ".");
        continue;
      }
      if (!procedures::answers_fit(*target, *source)) {
        r_.report(spec, here,
                  shown(link.source) + "（" + std::string(forms::field_type_name(source->type)) + "）の回答は、" +
                      shown(p.id + "." + link.target) + "（" + std::string(forms::field_type_name(target->type)) +
                      "）に入れられません（種類・選択肢・グループの項目を合わせてください）。",
                  "answers of " + shown(link.source) + " (" + std::string(forms::field_type_name(source->type)) +
                      ") do not fit " + shown(p.id + "." + link.target) + " (" +
                      std::string(forms::field_type_name(target->type)) +
                      "): types, options and group fields must match.");
        continue;
      }
      if (spec.IsMap() && spec["where"]) {
        if (!source->repeat || link.source.find('.') != std::string::npos) {
          r_.report(spec["where"], here + ".where", "where は最上位の繰り返しグループにだけ使えます。",
                    "where applies only to a top-level repeating group.");
          continue;
        }
        link.where = forms::build_condition(e.form.form, spec["where"], here + ".where", problems_, link.source);
        if (!link.where) continue;
      }
      item.prefill.push_back(std::move(link));
    }
  }

  void load_items(const YAML::Node& root, LifeEvent& e) {
    const YAML::Node node = r_.get(root, "items", "", true);
    if (!node.IsDefined()) return;
    if (!node.IsSequence() || node.size() == 0) {
      r_.report(node, "items", "項目を1つ以上、リストで書いてください。", "expected a list of at least one item.");
      return;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < node.size(); ++i) {
      const std::string where = at("items", i);
      const YAML::Node n = node[i];
      const bool outside = n.IsMap() && static_cast<bool>(n["office"]);
      if (outside ? !r_.check_map(n, where, {"id", "office", "name", "reason", "when", "deadline", "bring", "note"})
                  : !r_.check_map(n, where, {"procedure", "channel", "reason", "when", "deadline", "prefill", "bring",
                                             "note"})) {
        continue;
      }
      Item item;
      item.line = forms::line_of(n);
      const procedures::Procedure* p = nullptr;
      if (outside) {
        item.id = r_.id(n, "id", where, true).value_or("");
        item.office = r_.id(n, "office", where, true).value_or("");
        if (!item.office.empty() && std::none_of(offices_.begin(), offices_.end(),
                                                 [&](const Office& o) { return o.code == item.office; })) {
          r_.report(n["office"], where + ".office", "窓口コード" + shown(item.office) + "は" + kOfficesFile + "にありません。",
                    "unknown office " + shown(item.office) + " (not in " + kOfficesFile + ").");
        }
        item.name = r_.localized(n, "name", where, true).value_or(LocalizedText{});
      } else {
        item.procedure = r_.id(n, "procedure", where, true).value_or("");
        item.id = item.procedure;
        p = catalogue_.find(item.procedure);
        if (!item.procedure.empty() && !p) {
          r_.report(n["procedure"], where + ".procedure", "手続" + shown(item.procedure) + "はカタログにありません。",
                    "no procedure " + shown(item.procedure) + " in the catalogue.");
        }
        if (p) load_channel(n, where, *p, item);
      }
      if (!item.id.empty() && !ids.insert(item.id).second) {
        r_.report(n, where, "項目" + shown(item.id) + "が2回あります。", "item " + shown(item.id) + " appears twice.");
      }
      item.reason = r_.localized(n, "reason", where, true).value_or(LocalizedText{});
      item.note = r_.localized(n, "note", where, false).value_or(LocalizedText{});
      if (const YAML::Node when = n["when"]) {
        if (auto pred = predicate(e, when, where + ".when", 0)) item.when = std::move(*pred);
      }
      if (const YAML::Node d = n["deadline"]) item.deadline = deadline(e, d, where + ".deadline");
      if (const YAML::Node bring = n["bring"]) {
        if (!bring.IsSequence()) {
          r_.report(bring, where + ".bring", "リストで書いてください。", "expected a list.");
        } else {
          for (std::size_t k = 0; k < bring.size(); ++k) {
            if (auto text = r_.localized_value(bring[k], at(where + ".bring", k))) item.bring.push_back(std::move(*text));
          }
        }
      }
      if (p) {
        if (const YAML::Node prefill = n["prefill"]) load_prefill(e, *p, prefill, where + ".prefill", item);
      }
      e.items.push_back(std::move(item));
    }
  }

  void load_channel(const YAML::Node& n, const std::string& where, const procedures::Procedure& p, Item& item) {
    if (auto written = r_.string(n, "channel", where, false)) {
      auto channel = procedures::channel_from_name(*written);
      if (!channel || *channel == procedures::Channel::mail) {
        r_.report(n["channel"], where + ".channel", shown(*written) + "は使えません。online か counter_pre_entry です。",
                  shown(*written) + " is not online or counter_pre_entry.");
      } else if (!p.channels.allows(*channel)) {
        r_.report(n["channel"], where + ".channel", "手続" + shown(p.id) + "は" + shown(*written) + "で受け付けていません。",
                  "procedure " + shown(p.id) + " does not take " + shown(*written) + ".");
      } else {
        item.channel = *channel;
      }
      return;
    }
    // Online where this site can take it online; a procedure that needs the My Number card online
    // goes to the counter, where the clerk checks identity, when it takes pre-entries.
    const bool online = p.channels.online && !applications::online_needs_card(p);
    if (online || (p.channels.online && !p.channels.counter_pre_entry)) {
      item.channel = procedures::Channel::online;
    } else if (p.channels.counter_pre_entry) {
      item.channel = procedures::Channel::counter_pre_entry;
    } else {
      r_.report(n, where, "手続" + shown(p.id) + "はオンラインでも窓口の事前入力でも受け付けていないので、まとめて準備できません。",
                "procedure " + shown(p.id) + " is offered neither online nor for counter pre-entry, so a bundle cannot "
                "prepare it.");
    }
  }

  YamlReader r_;
  std::vector<SpecProblem>& problems_;
  const procedures::Catalogue& catalogue_;
  const std::vector<Office>& offices_;
};

bool is_definition(const std::filesystem::path& path) {
  const auto ext = path.extension();
  return ext == ".yaml" || ext == ".yml";
}

}  // namespace

LifeEventsLoad load_life_events(const std::filesystem::path& dir, const procedures::Catalogue& catalogue) {
  LifeEventsLoad result;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    result.events.emplace(std::vector<Office>{}, std::vector<LifeEvent>{});
    return result;
  }
  auto offices = load_offices(dir / kOfficesFile, result.problems);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const auto& path = entry.path();
    if (entry.is_regular_file() && is_definition(path) && path.filename().string().front() != '_') files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  std::vector<LifeEvent> events;
  for (const auto& path : files) {
    std::vector<SpecProblem> problems;
    auto text = procedures::read_file_text(path, problems);
    if (text) {
      if (auto root = forms::parse_yaml_text(*text, problems)) {
        Loader loader(problems, catalogue, offices);
        auto event = loader.load(*root, path.stem().string());
        if (event && problems.empty()) events.push_back(std::move(*event));
      }
    }
    std::stable_sort(problems.begin(), problems.end(),
                     [](const SpecProblem& a, const SpecProblem& b) { return a.line < b.line; });
    for (const auto& p : problems) result.problems.push_back(Problem{path.string(), p.line, p.column, p.message()});
  }
  std::stable_sort(events.begin(), events.end(), [](const LifeEvent& a, const LifeEvent& b) { return a.order < b.order; });
  if (result.problems.empty()) result.events.emplace(std::move(offices), std::move(events));
  return result;
}

}  // namespace madoguchi::lifeevents
