#include "forms/spec_from_yaml.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "forms/printable.h"

namespace madoguchi::forms {

namespace {

using Op = Condition::Op;

std::string indexed(std::string_view where, std::string_view key, std::size_t i) {
  return std::string(where) + "." + std::string(key) + "[" + std::to_string(i) + "]";
}

// Option values are stored in answers: lower-case ASCII, digits and underscores.
bool is_option_value(std::string_view value) {
  if (value.empty() || value.size() > 64) return false;
  for (char c : value) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool is_content_type(std::string_view value) {
  const auto slash = value.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == value.size()) return false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (i == slash) continue;
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    (i > slash && (c == '.' || c == '+' || c == '-'));
    if (!ok) return false;
  }
  return true;
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> names;
  while (true) {
    const auto dot = path.find('.');
    std::string_view name = path.substr(0, dot);
    if (name.size() >= 2 && name.substr(name.size() - 2) == "[]") name.remove_suffix(2);
    names.emplace_back(name);
    if (dot == std::string_view::npos) break;
    path.remove_prefix(dot + 1);
  }
  return names;
}

bool all_snake_case(const std::vector<std::string>& names) {
  for (const auto& name : names) {
    if (!is_snake_case_id(name)) return false;
  }
  return !names.empty();
}

// "10MB", "512KB", "2GB" is refused; a plain number is bytes. 1 KB = 1024 bytes.
std::optional<std::uint64_t> parse_size(std::string_view text) {
  std::uint64_t multiplier = 1;
  if (text.size() > 2 && text.substr(text.size() - 2) == "MB") {
    multiplier = 1024 * 1024;
    text.remove_suffix(2);
  } else if (text.size() > 2 && text.substr(text.size() - 2) == "KB") {
    multiplier = 1024;
    text.remove_suffix(2);
  }
  std::uint64_t value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size() || value == 0) return std::nullopt;
  if (value > kMaxFileBytes / multiplier) return std::nullopt;
  return value * multiplier;
}

std::size_t default_max_length(const Field& field) {
  switch (field.type) {
    case FieldType::text: return field.multiline ? 2000 : 200;
    case FieldType::katakana: return 100;
    case FieldType::name: return 100;
    case FieldType::address: return 200;
    case FieldType::email: return 254;
    case FieldType::phone: return 20;
    case FieldType::postal_code: return 10;
    case FieldType::date: return 40;
    default: return 0;
  }
}

std::vector<std::string_view> allowed_field_keys(FieldType type, bool repeat) {
  std::vector<std::string_view> keys{"id", "type", "label", "help", "visible_if", "prefill"};
  if (type != FieldType::group) keys.push_back("required");
  switch (type) {
    case FieldType::text:
      keys.insert(keys.end(), {"min_length", "max_length", "pattern", "pattern_hint", "multiline"});
      break;
    case FieldType::katakana:
    case FieldType::name:
    case FieldType::address:
      keys.insert(keys.end(), {"min_length", "max_length"});
      break;
    case FieldType::email:
      keys.push_back("max_length");
      break;
    case FieldType::date:
      keys.insert(keys.end(), {"min", "max", "min_age", "max_age", "age_on"});
      break;
    case FieldType::number:
      keys.insert(keys.end(), {"min", "max", "decimals", "unit"});
      break;
    case FieldType::select:
    case FieldType::radio:
      keys.push_back("options");
      break;
    case FieldType::checkbox:
      keys.insert(keys.end(), {"options", "min_choices", "max_choices"});
      break;
    case FieldType::file:
      keys.insert(keys.end(), {"accept", "max_size"});
      break;
    case FieldType::group:
      keys.insert(keys.end(), {"fields", "repeat"});
      if (repeat) keys.push_back("item_label");
      break;
    default:
      break;
  }
  return keys;
}

std::string type_list() {
  std::string out;
  for (FieldType type : all_field_types()) {
    if (!out.empty()) out += ", ";
    out += field_type_name(type);
  }
  return out;
}

// A scope is one JSON object level: the form's top level, a group, or an item of a repeating
// group. `prefix` is the answer path pattern of its fields ("children[].").
struct Scope {
  std::vector<const Field*> fields;
  std::string prefix;
};

class Builder {
 public:
  explicit Builder(std::vector<SpecProblem>& problems) : r_(problems) {}

  // A condition over the fields of a finished spec: its top level, or first the child fields of
  // the repeating group `group` (a top-level id) when one is given.
  std::optional<Condition> condition_over(const FormSpec& spec, const YAML::Node& node, std::string_view where,
                                          std::string_view group) {
    Scope top;
    for (const auto& section : spec.sections) {
      for (const auto& field : section.fields) top.fields.push_back(&field);
    }
    std::vector<Scope> scopes{top};
    if (!group.empty()) {
      const Field* owner = spec.find_field(group);
      if (!owner || owner->type != FieldType::group || !owner->repeat) {
        r_.report(node, where, shown(std::string(group)) + "は繰り返しグループではありません。",
                  shown(std::string(group)) + " is not a repeating group.");
        return std::nullopt;
      }
      Scope inner;
      inner.prefix = owner->id + "[].";
      for (const auto& child : owner->fields) inner.fields.push_back(&child);
      scopes.push_back(std::move(inner));
    }
    const std::size_t before = r_.problem_count();
    auto condition = build_condition(node, std::string(where), 0);
    if (!condition) return std::nullopt;
    resolve(*condition, scopes, std::string(where));
    if (r_.problem_count() != before) return std::nullopt;
    return condition;
  }

  std::optional<FormSpec> build(const YAML::Node& node, std::string_view where) {
    if (!r_.check_map(node, where, {"sections", "rules"})) return std::nullopt;
    FormSpec spec;
    const YAML::Node sections = r_.get(node, "sections", where, true);
    if (sections.IsDefined()) {
      const std::string at = std::string(where) + ".sections";
      if (!sections.IsSequence() || sections.size() == 0) {
        r_.report(sections, at, "セクションを1つ以上、リストで書いてください。",
                  "expected a list of at least one section.");
      } else {
        for (std::size_t i = 0; i < sections.size(); ++i) {
          if (auto section = build_section(sections[i], indexed(where, "sections", i))) {
            spec.sections.push_back(std::move(*section));
          }
        }
      }
    }
    check_unique_top_level(spec, where);
    resolve_conditions(spec, where);
    const YAML::Node rules = r_.get(node, "rules", where, false);
    if (rules.IsDefined()) {
      const std::string at = std::string(where) + ".rules";
      if (!rules.IsSequence()) {
        r_.report(rules, at, "ルールはリストで書いてください。", "expected a list of rules.");
      } else {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < rules.size(); ++i) {
          const std::string rule_where = indexed(where, "rules", i);
          if (auto rule = build_rule(spec, rules[i], rule_where)) {
            if (!ids.insert(rule->id).second) {
              r_.report(rules[i], rule_where, "ルールID" + shown(rule->id) + "が重複しています。",
                        "duplicate rule id " + shown(rule->id) + ".");
            }
            spec.rules.push_back(std::move(*rule));
          }
        }
      }
    }
    return spec;
  }

 private:
  std::optional<Section> build_section(const YAML::Node& node, const std::string& where) {
    if (!r_.check_map(node, where, {"id", "title", "help", "visible_if", "fields"})) {
      return std::nullopt;
    }
    Section section;
    section.line = line_of(node);
    section.id = r_.id(node, "id", where, true).value_or("");
    const std::string at = section.id.empty() ? where : where + "（" + section.id + "）";
    section.title = r_.localized(node, "title", at, true).value_or(LocalizedText{});
    section.help = r_.localized(node, "help", at, false).value_or(LocalizedText{});
    const YAML::Node visible = r_.get(node, "visible_if", at, false);
    if (visible.IsDefined()) section.visible_if = build_condition(visible, at + ".visible_if", 0);
    section.fields = build_fields(node, at, 0);
    return section;
  }

  std::vector<Field> build_fields(const YAML::Node& owner, const std::string& where,
                                  std::size_t depth) {
    std::vector<Field> fields;
    const YAML::Node list = r_.get(owner, "fields", where, true);
    if (!list.IsDefined()) return fields;
    if (!list.IsSequence() || list.size() == 0) {
      r_.report(list, where + ".fields", "項目を1つ以上、リストで書いてください。",
                "expected a list of at least one field.");
      return fields;
    }
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string field_where = indexed(where, "fields", i);
      auto field = build_field(list[i], field_where, depth);
      if (!field) continue;
      const auto [it, inserted] = seen.emplace(field->id, field->line);
      if (!inserted) {
        r_.report(list[i], field_where,
                  "項目ID" + shown(field->id) + "が重複しています（" + std::to_string(it->second) +
                      "行目と同じ）。",
                  "duplicate field id " + shown(field->id) + " (also on line " +
                      std::to_string(it->second) + ").");
        continue;
      }
      fields.push_back(std::move(*field));
    }
    return fields;
  }

  std::optional<Field> build_field(const YAML::Node& node, const std::string& where,
                                   std::size_t depth) {
    if (!node.IsMap()) {
      r_.check_map(node, where, {});
      return std::nullopt;
    }
    Field field;
    field.line = line_of(node);
    const auto id = r_.id(node, "id", where, true);
    const std::string at = id ? where + "（" + *id + "）" : where;
    const auto type_name = r_.string(node, "type", at, true);
    std::optional<FieldType> type;
    if (type_name) {
      type = field_type_from_name(*type_name);
      if (!type) {
        r_.report(r_.get(node, "type", at, false), at + ".type",
                  "項目の種類" + shown(*type_name) + "はありません。使える種類: " + type_list() + "。",
                  "unknown field type " + shown(*type_name) + "; expected one of: " + type_list() +
                      ".");
      }
    }
    const bool repeat = r_.get(node, "repeat", at, false).IsDefined();
    r_.check_map(node, at, allowed_field_keys(type.value_or(FieldType::text), repeat));
    if (!id || !type) return std::nullopt;
    field.id = *id;
    field.type = *type;
    field.label = r_.localized(node, "label", at, true).value_or(LocalizedText{});
    field.help = r_.localized(node, "help", at, false).value_or(LocalizedText{});
    field.required = r_.boolean(node, "required", at, false).value_or(false);
    const YAML::Node visible = r_.get(node, "visible_if", at, false);
    if (visible.IsDefined()) field.visible_if = build_condition(visible, at + ".visible_if", 0);

    switch (field.type) {
      case FieldType::text:
      case FieldType::katakana:
      case FieldType::name:
      case FieldType::address:
      case FieldType::email:
        build_text_limits(field, node, at);
        break;
      case FieldType::phone:
      case FieldType::postal_code:
        field.max_length = default_max_length(field);
        break;
      case FieldType::date:
        field.max_length = default_max_length(field);
        build_date_limits(field, node, at);
        break;
      case FieldType::number:
        build_number_limits(field, node, at);
        break;
      case FieldType::select:
      case FieldType::radio:
      case FieldType::checkbox:
        build_options(field, node, at);
        break;
      case FieldType::file:
        build_file_limits(field, node, at);
        break;
      case FieldType::group:
        build_group(field, node, at, depth);
        break;
    }
    build_prefill(field, node, at);
    return field;
  }

  void build_text_limits(Field& field, const YAML::Node& node, const std::string& at) {
    field.multiline = r_.boolean(node, "multiline", at, false).value_or(false);
    const auto max =
        r_.integer(node, "max_length", at, false, 1, static_cast<std::int64_t>(kMaxTextLength));
    field.max_length = max ? static_cast<std::size_t>(*max) : default_max_length(field);
    if (field.type != FieldType::email) {
      const auto min = r_.integer(node, "min_length", at, false, 0,
                                  static_cast<std::int64_t>(kMaxTextLength));
      field.min_length = min ? static_cast<std::size_t>(*min) : 0;
      if (field.min_length > field.max_length) {
        r_.report(r_.get(node, "min_length", at, false), at + ".min_length",
                  "min_length が max_length（" + std::to_string(field.max_length) + "）より大きいです。",
                  "min_length is greater than max_length (" + std::to_string(field.max_length) + ").");
      }
    }
    if (field.type != FieldType::text) return;
    if (auto pattern = r_.string(node, "pattern", at, false)) {
      try {
        field.compiled_pattern = std::make_shared<const std::regex>(*pattern, std::regex::ECMAScript);
        field.pattern = *pattern;
      } catch (const std::regex_error& e) {
        r_.report(r_.get(node, "pattern", at, false), at + ".pattern",
                  "正規表現が正しくありません: " + std::string(e.what()),
                  "invalid regular expression: " + std::string(e.what()));
      }
      if (field.max_length > 1000) {
        r_.report(r_.get(node, "pattern", at, false), at + ".pattern",
                  "pattern を使う項目は max_length を1000以下にしてください。",
                  "a field with a pattern needs max_length of 1000 or less.");
      }
      field.pattern_hint = r_.localized(node, "pattern_hint", at, true).value_or(LocalizedText{});
    } else if (r_.get(node, "pattern_hint", at, false).IsDefined()) {
      r_.report(r_.get(node, "pattern_hint", at, false), at + ".pattern_hint",
                "pattern_hint は pattern と一緒に書いてください。",
                "pattern_hint needs a pattern.");
    }
  }

  std::optional<DateBound> date_bound(const YAML::Node& node, std::string_view key,
                                      const std::string& at) {
    const auto text = r_.string(node, key, at, false);
    if (!text) return std::nullopt;
    auto bound = parse_date_bound(*text);
    if (!bound) {
      r_.report(r_.get(node, key, at, false), at + "." + std::string(key),
                shown(*text) + "は日付の範囲として読めません。2026-04-01、today、today-18y、today+30d、today-6m のように書いてください。",
                shown(*text) + " is not a date limit; write 2026-04-01, today, today-18y, "
                                "today+30d or today-6m.");
    }
    return bound;
  }

  void build_date_limits(Field& field, const YAML::Node& node, const std::string& at) {
    field.earliest = date_bound(node, "min", at);
    field.latest = date_bound(node, "max", at);
    if (field.earliest && field.latest && field.earliest->kind == DateBound::Kind::absolute &&
        field.latest->kind == DateBound::Kind::absolute && field.earliest->date > field.latest->date) {
      r_.report(r_.get(node, "min", at, false), at + ".min", "min が max より後の日付です。",
                "min is after max.");
    }
    const auto min_age = r_.integer(node, "min_age", at, false, 0, 150);
    const auto max_age = r_.integer(node, "max_age", at, false, 0, 150);
    if (min_age) field.min_age = static_cast<int>(*min_age);
    if (max_age) field.max_age = static_cast<int>(*max_age);
    if (min_age && max_age && *min_age > *max_age) {
      r_.report(r_.get(node, "min_age", at, false), at + ".min_age",
                "min_age が max_age より大きいです。", "min_age is greater than max_age.");
    }
    if (auto basis = r_.string(node, "age_on", at, false)) {
      if (auto parsed = age_basis_from_name(*basis)) {
        field.age_on = *parsed;
      } else {
        r_.report(r_.get(node, "age_on", at, false), at + ".age_on",
                  shown(*basis) + "は使えません。today、fiscal_year_start、fiscal_year_end のどれかです。",
                  shown(*basis) + " is not one of today, fiscal_year_start, fiscal_year_end.");
      }
      if (!min_age && !max_age) {
        r_.report(r_.get(node, "age_on", at, false), at + ".age_on",
                  "age_on は min_age か max_age と一緒に書いてください。",
                  "age_on needs min_age or max_age.");
      }
    }
  }

  void build_number_limits(Field& field, const YAML::Node& node, const std::string& at) {
    constexpr double kLimit = 1e15;
    field.min = r_.number(node, "min", at, false);
    field.max = r_.number(node, "max", at, false);
    for (const char* key : {"min", "max"}) {
      const auto& value = std::string_view(key) == "min" ? field.min : field.max;
      if (value && std::fabs(*value) > kLimit) {
        r_.report(r_.get(node, key, at, false), at + "." + key,
                  "絶対値は10の15乗以下にしてください。", "must be at most 10^15 in magnitude.");
      }
    }
    if (field.min && field.max && *field.min > *field.max) {
      r_.report(r_.get(node, "min", at, false), at + ".min", "min が max より大きいです。",
                "min is greater than max.");
    }
    field.decimals = static_cast<int>(r_.integer(node, "decimals", at, false, 0, 6).value_or(0));
    field.unit = r_.localized(node, "unit", at, false).value_or(LocalizedText{});
  }

  void build_options(Field& field, const YAML::Node& node, const std::string& at) {
    const bool needs_options = field.type != FieldType::checkbox;
    const YAML::Node list = r_.get(node, "options", at, needs_options);
    if (list.IsDefined()) {
      if (!list.IsSequence() || list.size() == 0) {
        r_.report(list, at + ".options", "選択肢を1つ以上、リストで書いてください。",
                  "expected a list of at least one option.");
      } else {
        std::set<std::string> values;
        for (std::size_t i = 0; i < list.size(); ++i) {
          const std::string where = indexed(at, "options", i);
          const YAML::Node item = list[i];
          if (!r_.check_map(item, where, {"value", "label", "available_if", "fee_yen"})) continue;
          Option option;
          const auto value = r_.string(item, "value", where, true);
          if (value && !is_option_value(*value)) {
            r_.report(r_.get(item, "value", where, false), where + ".value",
                      shown(*value) + "は選択肢の値に使えません（英小文字・数字・_、64文字まで）。",
                      shown(*value) + " is not an option value ([a-z0-9_], at most 64).");
          } else if (value && !values.insert(*value).second) {
            r_.report(r_.get(item, "value", where, false), where + ".value",
                      "選択肢の値" + shown(*value) + "が重複しています。",
                      "duplicate option value " + shown(*value) + ".");
          }
          option.value = value.value_or("");
          option.label = r_.localized(item, "label", where, true).value_or(LocalizedText{});
          const YAML::Node available = r_.get(item, "available_if", where, false);
          if (available.IsDefined()) {
            option.available_if = build_condition(available, where + ".available_if", 0);
          }
          option.fee_yen = r_.integer(item, "fee_yen", where, false, 0, 100'000'000);
          field.options.push_back(std::move(option));
        }
      }
    }
    if (field.type != FieldType::checkbox) return;
    const auto min = r_.integer(node, "min_choices", at, false, 0, 1000);
    const auto max = r_.integer(node, "max_choices", at, false, 1, 1000);
    if ((min || max) && field.options.empty()) {
      r_.report(node, at, "min_choices と max_choices は選択肢（options）のあるチェックボックスだけに書けます。",
                "min_choices and max_choices need options.");
    }
    field.min_choices = static_cast<std::size_t>(min.value_or(0));
    field.max_choices = static_cast<std::size_t>(max.value_or(0));
    if (max && static_cast<std::size_t>(*max) > field.options.size() && !field.options.empty()) {
      r_.report(r_.get(node, "max_choices", at, false), at + ".max_choices",
                "max_choices が選択肢の数より大きいです。",
                "max_choices is greater than the number of options.");
    }
    if (min && max && *min > *max) {
      r_.report(r_.get(node, "min_choices", at, false), at + ".min_choices",
                "min_choices が max_choices より大きいです。",
                "min_choices is greater than max_choices.");
    }
  }

  void build_file_limits(Field& field, const YAML::Node& node, const std::string& at) {
    if (auto accept = r_.string_list(node, "accept", at, true)) {
      if (accept->empty()) {
        r_.report(r_.get(node, "accept", at, false), at + ".accept",
                  "受け付けるファイル形式を1つ以上書いてください。",
                  "list at least one accepted content type.");
      }
      for (const auto& type : *accept) {
        if (!is_content_type(type)) {
          r_.report(r_.get(node, "accept", at, false), at + ".accept",
                    shown(type) + "はファイル形式（例: application/pdf）として読めません。",
                    shown(type) + " is not a content type such as application/pdf.");
        }
      }
      field.accept = *accept;
    }
    const YAML::Node size = r_.get(node, "max_size", at, true);
    if (!size.IsDefined()) return;
    const auto text = r_.scalar(size, at + ".max_size");
    if (!text) return;
    if (auto bytes = parse_size(*text)) {
      field.max_bytes = *bytes;
    } else {
      r_.report(size, at + ".max_size",
                shown(*text) + "は大きさとして読めません。10MB、512KB、バイト数のどれかで、100MB以下にしてください。",
                shown(*text) + " is not a size: write 10MB, 512KB or a number of bytes, at most "
                                "100MB.");
    }
  }

  void build_group(Field& field, const YAML::Node& node, const std::string& at,
                   std::size_t depth) {
    if (depth >= kMaxGroupDepth) {
      r_.report(node, at,
                "グループの入れ子は" + std::to_string(kMaxGroupDepth) + "段までです。",
                "groups nest at most " + std::to_string(kMaxGroupDepth) + " deep.");
      return;
    }
    const YAML::Node repeat = r_.get(node, "repeat", at, false);
    if (repeat.IsDefined()) {
      field.repeat = true;
      const std::string where = at + ".repeat";
      if (r_.check_map(repeat, where, {"min", "max"})) {
        const auto max =
            r_.integer(repeat, "max", where, true, 1, static_cast<std::int64_t>(kMaxRepeatItems));
        const auto min =
            r_.integer(repeat, "min", where, false, 0, static_cast<std::int64_t>(kMaxRepeatItems));
        field.max_items = static_cast<std::size_t>(max.value_or(1));
        field.min_items = static_cast<std::size_t>(min.value_or(0));
        if (min && max && *min > *max) {
          r_.report(repeat, where, "min が max より大きいです。", "min is greater than max.");
        }
      }
      field.item_label = r_.localized(node, "item_label", at, true).value_or(LocalizedText{});
    }
    field.fields = build_fields(node, at, depth + 1);
  }

  void build_prefill(Field& field, const YAML::Node& node, const std::string& at) {
    const YAML::Node prefill = r_.get(node, "prefill", at, false);
    if (!prefill.IsDefined()) return;
    const std::string where = at + ".prefill";
    if (!r_.check_map(prefill, where, {"card", "from"})) return;
    if (auto card = r_.string(prefill, "card", where, false)) {
      const YAML::Node card_node = r_.get(prefill, "card", where, false);
      const auto item = card_item_from_name(*card);
      if (!item) {
        r_.report(card_node, where + ".card",
                  shown(*card) + "はマイナンバーカードの基本4情報（name, address, birth_date, sex）ではありません。",
                  shown(*card) + " is not one of the card's basic four items (name, address, "
                                  "birth_date, sex).");
      } else if (!card_fits(*item, field)) {
        r_.report(card_node, where + ".card",
                  "カードの" + shown(*card) + "は種類" + shown(field_type_name(field.type)) +
                      "の項目に入れられません（name→name、address→address、birth_date→date、sex→選択肢 male/female を持つ radio か select）。",
                  "the card's " + shown(*card) + " cannot fill a " +
                      shown(field_type_name(field.type)) +
                      " field (name→name, address→address, birth_date→date, sex→radio or select "
                      "with options male and female).");
      } else {
        field.prefill.card = item;
      }
    }
    if (auto sources = r_.string_list(prefill, "from", where, false)) {
      const YAML::Node from_node = r_.get(prefill, "from", where, false);
      for (std::size_t i = 0; i < sources->size(); ++i) {
        const std::string& text = (*sources)[i];
        const auto dot = text.find('.');
        const auto names = split_path(text);
        if (dot == std::string::npos || !all_snake_case(names)) {
          r_.report(from_node[i], where + ".from[" + std::to_string(i) + "]",
                    shown(text) + "は「手続ID.項目ID」（例: moving_in.new_address）の形で書いてください。",
                    shown(text) + " must be procedure_id.field_path, e.g. moving_in.new_address.");
          continue;
        }
        field.prefill.from.push_back(
            PrefillSource{text.substr(0, dot), text.substr(dot + 1), line_of(from_node[i])});
      }
    }
  }

  static bool card_fits(CardItem item, const Field& field) {
    switch (item) {
      case CardItem::name: return field.type == FieldType::name;
      case CardItem::address: return field.type == FieldType::address;
      case CardItem::birth_date: return field.type == FieldType::date;
      case CardItem::sex:
        return (field.type == FieldType::radio || field.type == FieldType::select) &&
               field.find_option("male") && field.find_option("female");
    }
    return false;
  }

  std::optional<Condition> build_condition(const YAML::Node& node, const std::string& where,
                                           std::size_t depth) {
    if (depth >= kMaxConditionDepth) {
      r_.report(node, where, "条件の入れ子が深すぎます。", "conditions nest too deeply.");
      return std::nullopt;
    }
    if (!node.IsMap()) {
      r_.check_map(node, where, {});
      return std::nullopt;
    }
    Condition condition;
    condition.line = line_of(node);
    for (const char* combinator : {"all", "any", "not"}) {
      const YAML::Node operands = r_.get(node, combinator, where, false);
      if (!operands.IsDefined()) continue;
      r_.check_map(node, where, {combinator});
      const std::string at = where + "." + combinator;
      if (std::string_view(combinator) == "not") {
        condition.op = Op::negate;
        if (auto operand = build_condition(operands, at, depth + 1)) {
          condition.operands.push_back(std::move(*operand));
          return condition;
        }
        return std::nullopt;
      }
      condition.op = std::string_view(combinator) == "all" ? Op::all : Op::any;
      if (!operands.IsSequence() || operands.size() == 0) {
        r_.report(operands, at, "条件を1つ以上、リストで書いてください。",
                  "expected a list of at least one condition.");
        return std::nullopt;
      }
      bool ok = true;
      for (std::size_t i = 0; i < operands.size(); ++i) {
        auto operand = build_condition(operands[i], at + "[" + std::to_string(i) + "]", depth + 1);
        if (operand) {
          condition.operands.push_back(std::move(*operand));
        } else {
          ok = false;
        }
      }
      if (!ok) return std::nullopt;
      return condition;
    }
    static const std::vector<std::pair<std::string_view, Op>> kComparisons{
        {"equals", Op::equals},   {"not_equals", Op::not_equals},     {"in", Op::in},
        {"not_in", Op::not_in},   {"answered", Op::answered},         {"contains", Op::contains},
        {"age_at_least", Op::age_at_least}, {"age_below", Op::age_below}};
    r_.check_map(node, where,
                 {"field", "equals", "not_equals", "in", "not_in", "answered", "contains",
                  "age_at_least", "age_below", "age_on"});
    const auto field = r_.string(node, "field", where, true);
    std::vector<std::string_view> found;
    YAML::Node value;
    for (const auto& [key, op] : kComparisons) {
      const YAML::Node candidate = r_.get(node, key, where, false);
      if (!candidate.IsDefined()) continue;
      found.push_back(key);
      condition.op = op;
      value = candidate;
    }
    if (found.size() != 1) {
      r_.report(node, where,
                "比べ方（equals, not_equals, in, not_in, answered, contains, age_at_least, age_below）をちょうど1つ書いてください。",
                "write exactly one comparison (equals, not_equals, in, not_in, answered, "
                "contains, age_at_least, age_below).");
      return std::nullopt;
    }
    if (!field) return std::nullopt;
    const auto names = split_path(*field);
    if (!all_snake_case(names)) {
      r_.report(r_.get(node, "field", where, false), where + ".field",
                shown(*field) + "は項目IDとして読めません。", shown(*field) + " is not a field id.");
      return std::nullopt;
    }
    condition.field.written = *field;
    condition.field.names = names;
    const std::string at = where + "." + std::string(found.front());
    switch (condition.op) {
      case Op::in:
      case Op::not_in: {
        if (!value.IsSequence() || value.size() == 0) {
          r_.report(value, at, "値を1つ以上、リストで書いてください。",
                    "expected a list of at least one value.");
          return std::nullopt;
        }
        for (std::size_t i = 0; i < value.size(); ++i) {
          const auto item = r_.scalar(value[i], at + "[" + std::to_string(i) + "]");
          if (!item) return std::nullopt;
          condition.values.emplace_back(*item);
        }
        break;
      }
      case Op::answered: {
        const auto flag = r_.boolean(node, "answered", where, true);
        if (!flag) return std::nullopt;
        if (!*flag) condition.op = Op::not_answered;
        break;
      }
      case Op::age_at_least:
      case Op::age_below: {
        const auto age = r_.integer_value(value, at, 0, 150);
        if (!age) return std::nullopt;
        condition.age = static_cast<int>(*age);
        break;
      }
      default: {
        const auto item = r_.scalar(value, at);
        if (!item) return std::nullopt;
        condition.values.emplace_back(*item);
      }
    }
    const auto basis = r_.string(node, "age_on", where, false);
    if (basis) {
      const bool is_age = condition.op == Op::age_at_least || condition.op == Op::age_below;
      const auto parsed = age_basis_from_name(*basis);
      if (!is_age || !parsed) {
        r_.report(r_.get(node, "age_on", where, false), where + ".age_on",
                  "age_on は age_at_least / age_below と一緒に、today、fiscal_year_start、fiscal_year_end のどれかで書いてください。",
                  "age_on goes with age_at_least or age_below and is one of today, "
                  "fiscal_year_start, fiscal_year_end.");
      } else {
        condition.age_on = *parsed;
      }
    }
    return condition;
  }

  void check_unique_top_level(const FormSpec& spec, std::string_view where) {
    std::map<std::string, std::string> owner;
    std::set<std::string> section_ids;
    for (std::size_t s = 0; s < spec.sections.size(); ++s) {
      const Section& section = spec.sections[s];
      if (!section.id.empty() && !section_ids.insert(section.id).second) {
        r_.report_at(section.line, 0, std::string(where) + ".sections",
                     "セクションID" + shown(section.id) + "が重複しています。",
                     "duplicate section id " + shown(section.id) + ".");
      }
      for (const Field& field : section.fields) {
        const auto [it, inserted] = owner.emplace(field.id, section.id);
        if (!inserted && it->second != section.id) {
          r_.report_at(field.line, 0, std::string(where) + ".sections",
                       "項目ID" + shown(field.id) + "はセクション" + shown(it->second) +
                           "でも使われています。最上位の項目IDはフォーム全体で1つにしてください。",
                       "field id " + shown(field.id) + " is also used in section " +
                           shown(it->second) + "; top-level ids are unique across the form.");
        }
      }
    }
  }

  // ---- pass 2: resolve condition references, convert their values, find cycles ----

  void resolve_conditions(FormSpec& spec, std::string_view where) {
    Scope top;
    for (auto& section : spec.sections) {
      for (auto& field : section.fields) top.fields.push_back(&field);
    }
    std::vector<Scope> scopes{top};
    const std::string at = std::string(where);
    for (auto& section : spec.sections) {
      if (section.visible_if) {
        resolve(*section.visible_if, scopes, at + ".sections(" + section.id + ").visible_if");
      }
    }
    for (auto& section : spec.sections) {
      for (auto& field : section.fields) resolve_field(field, scopes, at);
    }
    find_cycles(spec, at);
  }

  void resolve_field(Field& field, std::vector<Scope>& scopes, const std::string& where) {
    const std::string at = where + ".fields(" + scopes.back().prefix + field.id + ")";
    if (field.visible_if) resolve(*field.visible_if, scopes, at + ".visible_if");
    for (auto& option : field.options) {
      if (option.available_if) {
        resolve(*option.available_if, scopes, at + ".options(" + option.value + ").available_if");
      }
    }
    if (field.type != FieldType::group) return;
    Scope inner;
    inner.prefix = scopes.back().prefix + field.id + (field.repeat ? "[]." : ".");
    for (auto& child : field.fields) inner.fields.push_back(&child);
    scopes.push_back(std::move(inner));
    for (auto& child : field.fields) resolve_field(child, scopes, where);
    scopes.pop_back();
  }

  void resolve(Condition& condition, const std::vector<Scope>& scopes, const std::string& where) {
    if (condition.op == Op::all || condition.op == Op::any || condition.op == Op::negate) {
      for (auto& operand : condition.operands) resolve(operand, scopes, where);
      return;
    }
    const Field* target = resolve_ref(condition.field, scopes, condition.line, where);
    if (!target) return;
    convert_values(condition, *target, where);
  }

  const Field* resolve_ref(FieldRef& ref, const std::vector<Scope>& scopes, int line,
                           const std::string& where) {
    const std::string& first = ref.names.front();
    for (std::size_t up = 0; up < scopes.size(); ++up) {
      const Scope& scope = scopes[scopes.size() - 1 - up];
      const Field* current = nullptr;
      for (const Field* f : scope.fields) {
        if (f->id == first) current = f;
      }
      if (!current) continue;
      std::string path = scope.prefix + current->id;
      for (std::size_t i = 1; i < ref.names.size(); ++i) {
        if (current->type != FieldType::group || current->repeat) {
          r_.report_at(line, 0, where,
                       shown(ref.written) + "は" + shown(path) +
                           "の中をたどれません（繰り返しのないグループの中だけをたどれます）。",
                       shown(ref.written) + " cannot descend into " + shown(path) +
                           " (only non-repeating groups can be descended into).");
          return nullptr;
        }
        const Field* next = current->find_child(ref.names[i]);
        if (!next) {
          r_.report_at(line, 0, where,
                       shown(path) + "に項目" + shown(ref.names[i]) + "はありません。",
                       shown(path) + " has no field " + shown(ref.names[i]) + ".");
          return nullptr;
        }
        path += "." + next->id;
        current = next;
      }
      if (current->type == FieldType::group) {
        r_.report_at(line, 0, where,
                     "条件はグループ" + shown(path) + "そのものではなく、その中の項目を参照してください。",
                     "a condition must refer to a field, not to the group " + shown(path) + ".");
        return nullptr;
      }
      ref.up = static_cast<int>(up);
      ref.path = path;
      ref.type = current->type;
      return current;
    }
    r_.report_at(line, 0, where,
                 "参照している項目" + shown(ref.written) + "が見つかりません（同じ階層か外側の階層の項目を参照できます）。",
                 "the referenced field " + shown(ref.written) +
                     " does not exist in this scope or an enclosing one.");
    return nullptr;
  }

  void convert_values(Condition& condition, const Field& target, const std::string& where) {
    const auto fail = [&](const std::string& ja, const std::string& en) {
      r_.report_at(condition.line, 0, where, ja, en);
    };
    const std::string& path = condition.field.path;
    if ((condition.op == Op::age_at_least || condition.op == Op::age_below) &&
        target.type != FieldType::date) {
      fail(shown(path) + "は日付の項目ではないので年齢で比べられません。",
           shown(path) + " is not a date field, so it cannot be compared by age.");
      return;
    }
    const bool multi = target.type == FieldType::checkbox && !target.options.empty();
    if (condition.op == Op::contains && !multi) {
      fail("contains は選択肢のあるチェックボックスだけに使えます（" + shown(path) + "）。",
           "contains works only on checkboxes with options (" + shown(path) + ").");
      return;
    }
    if (multi && condition.op != Op::contains && condition.op != Op::answered &&
        condition.op != Op::not_answered) {
      fail("選択肢のあるチェックボックス" + shown(path) + "には contains か answered を使ってください。",
           "use contains or answered with the checkbox list " + shown(path) + ".");
      return;
    }
    for (auto& value : condition.values) {
      const std::string text = value.get<std::string>();
      switch (target.type) {
        case FieldType::checkbox:
          if (multi) {
            if (!target.find_option(text)) {
              fail(shown(path) + "に選択肢" + shown(text) + "はありません。",
                   shown(path) + " has no option " + shown(text) + ".");
            }
          } else if (text == "true" || text == "false") {
            value = text == "true";
          } else {
            fail("チェックボックス" + shown(path) + "とは true か false で比べてください。",
                 "compare the checkbox " + shown(path) + " with true or false.");
          }
          break;
        case FieldType::select:
        case FieldType::radio:
          if (!target.find_option(text)) {
            fail(shown(path) + "に選択肢" + shown(text) + "はありません。",
                 shown(path) + " has no option " + shown(text) + ".");
          }
          break;
        case FieldType::number: {
          double number = 0;
          const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
          if (ec != std::errc{} || ptr != text.data() + text.size()) {
            fail(shown(text) + "は数ではありません（" + shown(path) + "は数の項目です）。",
                 shown(text) + " is not a number (" + shown(path) + " is a number field).");
          } else if (number == std::floor(number) && std::fabs(number) < 1e15) {
            value = static_cast<std::int64_t>(number);
          } else {
            value = number;
          }
          break;
        }
        case FieldType::date:
          if (!parse_iso_date(text)) {
            fail(shown(text) + "は YYYY-MM-DD の日付ではありません。",
                 shown(text) + " is not a YYYY-MM-DD date.");
          }
          break;
        default:
          break;
      }
    }
  }

  // A field's visibility depends on the fields its visible_if reads, on its enclosing group, and
  // (at the top level) on its section's visible_if. A cycle would make visibility undefined.
  void find_cycles(const FormSpec& spec, const std::string& where) {
    std::map<std::string, std::vector<std::string>> deps;
    std::map<std::string, int> lines;
    const auto add_refs = [&](const std::string& path, const Condition& condition) {
      for_each_reference(condition, [&](const FieldRef& ref) {
        if (!ref.path.empty()) deps[path].push_back(ref.path);
      });
    };
    for (const auto& section : spec.sections) {
      for (const auto& field : section.fields) {
        if (section.visible_if) add_refs(field.id, *section.visible_if);
      }
    }
    spec.for_each_field([&](const Field& field, const std::string& path) {
      lines[path] = field.line;
      deps[path];
      if (field.visible_if) add_refs(path, *field.visible_if);
      if (field.type == FieldType::group) {
        const std::string prefix = path + (field.repeat ? "[]." : ".");
        for (const auto& child : field.fields) deps[prefix + child.id].push_back(path);
      }
    });
    std::map<std::string, int> state;  // 1 visiting, 2 done
    std::vector<std::string> stack;
    std::set<std::string> reported;
    std::function<void(const std::string&)> visit = [&](const std::string& node) {
      state[node] = 1;
      stack.push_back(node);
      for (const auto& next : deps[node]) {
        if (state[next] == 1) {
          std::string cycle;
          bool on = false;
          for (const auto& s : stack) {
            if (s == next) on = true;
            if (on) cycle += s + " → ";
          }
          cycle += next;
          if (reported.insert(next).second) {
            r_.report_at(lines[next], 0, where,
                         "表示条件（visible_if）が循環しています: " + cycle,
                         "visible_if conditions form a cycle: " + cycle);
          }
        } else if (state[next] == 0) {
          visit(next);
        }
      }
      stack.pop_back();
      state[node] = 2;
    };
    for (const auto& [node, unused] : deps) {
      if (state[node] == 0) visit(node);
    }
  }

  // ---- rules ----

  std::optional<RulePath> rule_path(const FormSpec& spec, const YAML::Node& node,
                                    const std::string& where) {
    const auto text = r_.scalar(node, where);
    if (!text) return std::nullopt;
    RulePath path;
    path.names = split_path(*text);
    if (!all_snake_case(path.names)) {
      r_.report(node, where, shown(*text) + "は項目のパスとして読めません。",
                shown(*text) + " is not a field path.");
      return std::nullopt;
    }
    const Field* current = nullptr;
    for (std::size_t i = 0; i < path.names.size(); ++i) {
      const std::string& name = path.names[i];
      const Field* next = nullptr;
      if (!current) {
        for (const auto& section : spec.sections) {
          for (const auto& field : section.fields) {
            if (field.id == name) next = &field;
          }
        }
      } else if (current->type == FieldType::group) {
        next = current->find_child(name);
      }
      if (!next) {
        r_.report(node, where,
                  shown(*text) + "の" + shown(name) + "が見つかりません（フォームの最上位からのパスで書きます）。",
                  shown(*text) + ": no field " + shown(name) +
                      " (paths start at the top level of the form).");
        return std::nullopt;
      }
      if (next->repeat) {
        if (path.repeating_at) {
          r_.report(node, where,
                    shown(*text) + "は繰り返しグループを2つ以上たどっています。ルールがたどれるのは1つまでです。",
                    shown(*text) + " goes through more than one repeating group; rules allow one.");
          return std::nullopt;
        }
        path.repeating_at = i;
      }
      path.path += (i == 0 ? "" : ".") + next->id + (next->repeat ? "[]" : "");
      current = next;
    }
    if (current->type == FieldType::group) {
      r_.report(node, where, shown(*text) + "はグループです。ルールには項目を書いてください。",
                shown(*text) + " is a group; rules name fields.");
      return std::nullopt;
    }
    path.type = current->type;
    return path;
  }

  static std::vector<std::string> group_prefix(const RulePath& path) {
    if (!path.repeating_at) return {};
    return {path.names.begin(), path.names.begin() + static_cast<long>(*path.repeating_at) + 1};
  }

  std::optional<CrossFieldRule> build_rule(const FormSpec& spec, const YAML::Node& node,
                                           const std::string& where) {
    if (!r_.check_map(node, where,
                      {"id", "message", "date_order", "one_of_required", "unique", "same_value"})) {
      return std::nullopt;
    }
    CrossFieldRule rule;
    rule.line = line_of(node);
    const auto id = r_.id(node, "id", where, true);
    const std::string at = id ? where + "（" + *id + "）" : where;
    rule.message = r_.localized(node, "message", at, false).value_or(LocalizedText{});
    std::vector<std::pair<std::string_view, CrossFieldRule::Kind>> kinds{
        {"date_order", CrossFieldRule::Kind::date_order},
        {"one_of_required", CrossFieldRule::Kind::one_of_required},
        {"unique", CrossFieldRule::Kind::unique},
        {"same_value", CrossFieldRule::Kind::same_value}};
    YAML::Node body;
    int found = 0;
    for (const auto& [key, kind] : kinds) {
      const YAML::Node candidate = r_.get(node, key, at, false);
      if (!candidate.IsDefined()) continue;
      ++found;
      rule.kind = kind;
      body = candidate;
    }
    if (found != 1) {
      r_.report(node, at,
                "ルールの種類（date_order, one_of_required, unique, same_value）をちょうど1つ書いてください。",
                "write exactly one rule kind (date_order, one_of_required, unique, same_value).");
      return std::nullopt;
    }
    if (!id) return std::nullopt;
    rule.id = *id;
    const std::string body_at = at + "." + std::string(rule_kind_name(rule.kind));
    bool ok = true;
    const auto add = [&](const YAML::Node& path_node, const std::string& path_where) {
      if (auto path = rule_path(spec, path_node, path_where)) {
        rule.fields.push_back(std::move(*path));
      } else {
        ok = false;
      }
    };
    switch (rule.kind) {
      case CrossFieldRule::Kind::date_order: {
        if (!r_.check_map(body, body_at, {"earlier", "later", "allow_equal"})) return std::nullopt;
        const YAML::Node earlier = r_.get(body, "earlier", body_at, true);
        const YAML::Node later = r_.get(body, "later", body_at, true);
        rule.allow_equal = r_.boolean(body, "allow_equal", body_at, false).value_or(false);
        if (!earlier.IsDefined() || !later.IsDefined()) return std::nullopt;
        add(earlier, body_at + ".earlier");
        add(later, body_at + ".later");
        break;
      }
      case CrossFieldRule::Kind::unique:
        add(body, body_at);
        break;
      case CrossFieldRule::Kind::one_of_required:
      case CrossFieldRule::Kind::same_value: {
        if (!body.IsSequence() || body.size() < 2) {
          r_.report(body, body_at, "項目のパスを2つ以上、リストで書いてください。",
                    "expected a list of at least two field paths.");
          return std::nullopt;
        }
        for (std::size_t i = 0; i < body.size(); ++i) {
          add(body[i], body_at + "[" + std::to_string(i) + "]");
        }
        break;
      }
    }
    if (!ok) return std::nullopt;
    check_rule_shape(rule, node, at);
    return rule;
  }

  void check_rule_shape(const CrossFieldRule& rule, const YAML::Node& node, const std::string& at) {
    switch (rule.kind) {
      case CrossFieldRule::Kind::date_order: {
        for (const auto& path : rule.fields) {
          if (path.type != FieldType::date) {
            r_.report(node, at, shown(path.path) + "は日付の項目ではありません。",
                      shown(path.path) + " is not a date field.");
          }
        }
        const auto a = group_prefix(rule.fields[0]);
        const auto b = group_prefix(rule.fields[1]);
        if (!a.empty() && !b.empty() && a != b) {
          r_.report(node, at, "別々の繰り返しグループの項目どうしは比べられません。",
                    "fields of two different repeating groups cannot be compared.");
        }
        break;
      }
      case CrossFieldRule::Kind::unique:
        if (!rule.fields[0].repeating_at) {
          r_.report(node, at,
                    "unique には繰り返しグループの中の項目を書いてください（例: children.name）。",
                    "unique needs a field inside a repeating group (e.g. children.name).");
        }
        break;
      case CrossFieldRule::Kind::one_of_required:
      case CrossFieldRule::Kind::same_value: {
        const auto first = group_prefix(rule.fields[0]);
        for (const auto& path : rule.fields) {
          if (group_prefix(path) != first) {
            r_.report(node, at, "項目はすべて同じ階層（最上位か同じ繰り返しグループ）にしてください。",
                      "all fields must be at the same level (top level or the same repeating "
                      "group).");
            return;
          }
          if (rule.kind == CrossFieldRule::Kind::same_value && path.type != rule.fields[0].type) {
            r_.report(node, at, "same_value の項目は同じ種類にしてください。",
                      "same_value fields must have the same type.");
            return;
          }
        }
        break;
      }
    }
  }

  YamlReader r_;
};

}  // namespace

SpecBuild build_form_spec(const YAML::Node& node, std::string_view where) {
  SpecBuild result;
  Builder builder(result.problems);
  auto spec = builder.build(node, where);
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const SpecProblem& a, const SpecProblem& b) { return a.line < b.line; });
  if (spec && result.problems.empty()) result.spec = std::move(spec);
  return result;
}

std::optional<Condition> build_condition(const FormSpec& spec, const YAML::Node& node, std::string_view where,
                                         std::vector<SpecProblem>& problems, std::string_view group) {
  Builder builder(problems);
  return builder.condition_over(spec, node, where, group);
}

SpecBuild parse_form_spec(std::string_view yaml_text, std::string_view where) {
  SpecBuild result;
  auto node = parse_yaml_text(yaml_text, result.problems);
  if (!node) return result;
  return build_form_spec(*node, where);
}

}  // namespace madoguchi::forms
