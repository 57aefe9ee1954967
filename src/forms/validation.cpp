#include "forms/validation.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "forms/field_checks.h"
#include "forms/messages.h"

namespace madoguchi::forms {

namespace {

using json = nlohmann::json;

const json& null_json() {
  static const json kNull;
  return kNull;
}

struct Scope;

// One field of one JSON object level, with its checked answer and, for groups, its items.
struct Node {
  const Field* field = nullptr;
  const Section* section = nullptr;  // top-level fields only
  Scope* scope = nullptr;            // the object level holding this field
  std::string path;                  // "children[1].birth_date"
  const json* raw = nullptr;
  FieldOutcome outcome;              // fields that are not groups
  std::vector<FieldError> group_errors;
  bool group_answered = false;
  std::vector<std::unique_ptr<Scope>> items;  // repeating: one per item (null when invalid)
  int visible = -1;                            // -1 unknown, 0/1 known, 2 being computed
};

struct Scope {
  Scope* parent = nullptr;
  Node* owner = nullptr;  // the group node whose object this is; null at the top level
  std::string prefix;     // "", "spouse.", "children[1]."
  const json* raw = nullptr;
  std::vector<Node> nodes;
};

std::string top_level_id(std::string_view path) {
  return std::string(path.substr(0, path.find_first_of(".[")));
}

class Validator {
 public:
  Validator(const FormSpec& spec, const ValidationContext& context)
      : spec_(spec), context_(context) {}

  // Validates everything; `answers` and errors cover the whole form.
  void run(const json& answers, ValidationResult& result) {
    if (!answers.is_object() && !answers.is_null()) {
      result.errors.push_back(
          FieldError{"", "not_an_object", render_message("not_an_object", LocalizedText{})});
      return;
    }
    top_.raw = answers.is_object() ? &answers : nullptr;
    std::vector<std::pair<const Field*, const Section*>> fields;
    for (const auto& section : spec_.sections) {
      for (const auto& field : section.fields) fields.emplace_back(&field, &section);
    }
    build(top_, fields);
    emit_scope(top_, result.answers, result);
    check_rules(result);
  }

 private:
  // ---- building: check every answer, regardless of visibility ----

  void build(Scope& scope, const std::vector<std::pair<const Field*, const Section*>>& fields) {
    scope.nodes.reserve(fields.size());
    for (const auto& [field, section] : fields) {
      Node node;
      node.field = field;
      node.section = section;
      node.scope = &scope;
      node.path = scope.prefix + field->id;
      node.raw = &null_json();
      if (scope.raw) {
        const auto it = scope.raw->find(field->id);
        if (it != scope.raw->end()) node.raw = &*it;
      }
      scope.nodes.push_back(std::move(node));
    }
    for (auto& node : scope.nodes) {
      if (node.field->type == FieldType::group) {
        build_group(node);
      } else {
        node.outcome = check_field_value(*node.field, *node.raw, node.path, context_);
      }
    }
  }

  std::unique_ptr<Scope> child_scope(Node& owner, std::string prefix, const json* raw) {
    auto scope = std::make_unique<Scope>();
    scope->parent = owner.scope;
    scope->owner = &owner;
    scope->prefix = std::move(prefix);
    scope->raw = raw;
    std::vector<std::pair<const Field*, const Section*>> fields;
    for (const auto& child : owner.field->fields) fields.emplace_back(&child, nullptr);
    build(*scope, fields);
    return scope;
  }

  void build_group(Node& node) {
    const Field& field = *node.field;
    const json& raw = *node.raw;
    const auto wrong_type = [&](const std::string& path, const char* ja, const char* en) {
      node.group_errors.push_back(FieldError{
          path, "wrong_type",
          render_message("wrong_type", field.label, {MessageArg{"expected", {ja, en, ja}}})});
    };
    if (!field.repeat) {
      if (!raw.is_null() && !raw.is_object()) {
        node.group_answered = true;
        wrong_type(node.path, "項目のまとまり（オブジェクト）", "an object of fields");
        return;
      }
      node.group_answered = raw.is_object() && !raw.empty();
      node.items.push_back(child_scope(node, node.path + ".", raw.is_object() ? &raw : nullptr));
      return;
    }
    if (raw.is_null()) return;
    if (!raw.is_array()) {
      node.group_answered = true;
      wrong_type(node.path, "リスト", "a list");
      return;
    }
    node.group_answered = !raw.empty();
    std::size_t count = raw.size();
    if (count > field.max_items) {
      node.group_errors.push_back(FieldError{
          node.path, "too_many_items",
          render_message("too_many_items", field.label,
                         {MessageArg::same_in_all("max", std::to_string(field.max_items)),
                          MessageArg::same_in_all("count", std::to_string(count))})});
      count = field.max_items;
    }
    for (std::size_t i = 0; i < count; ++i) {
      const json& item = raw[i];
      const std::string item_path = node.path + "[" + std::to_string(i) + "]";
      if (!item.is_object()) {
        wrong_type(item_path, "項目のまとまり（オブジェクト）", "an object of fields");
        node.items.push_back(nullptr);
        continue;
      }
      node.items.push_back(child_scope(node, item_path + ".", &item));
    }
  }

  // ---- visibility and conditions ----

  static Node* find_node(Scope& scope, const std::string& id) {
    for (auto& node : scope.nodes) {
      if (node.field->id == id) return &node;
    }
    return nullptr;
  }

  const json* lookup(Scope& from, const FieldRef& ref) {
    Scope* scope = &from;
    for (int i = 0; i < ref.up && scope; ++i) scope = scope->parent;
    if (!scope || ref.names.empty()) return nullptr;
    Node* node = find_node(*scope, ref.names.front());
    for (std::size_t i = 1; node && i < ref.names.size(); ++i) {
      if (node->items.empty() || !node->items.front()) return nullptr;
      node = find_node(*node->items.front(), ref.names[i]);
    }
    if (!node || !visible(*node) || !node->outcome.value) return nullptr;
    return &*node->outcome.value;
  }

  bool holds(const Condition& condition, Scope& scope) {
    return evaluate(
        condition, [&](const FieldRef& ref) { return lookup(scope, ref); }, context_.today);
  }

  bool visible(Node& node) {
    if (node.visible == 0 || node.visible == 1) return node.visible == 1;
    if (node.visible == 2) return false;  // a cycle; the loader refuses them
    node.visible = 2;
    bool shown = true;
    if (node.scope->owner && !visible(*node.scope->owner)) shown = false;
    if (shown && node.section && node.section->visible_if &&
        !holds(*node.section->visible_if, *node.scope)) {
      shown = false;
    }
    if (shown && node.field->visible_if && !holds(*node.field->visible_if, *node.scope)) {
      shown = false;
    }
    node.visible = shown ? 1 : 0;
    return shown;
  }

  // ---- emitting the normalised answers of shown fields ----

  static std::string required_code(const Field& field) {
    switch (field.type) {
      case FieldType::select:
      case FieldType::radio:
        return "required_choice";
      case FieldType::checkbox:
        return field.options.empty() ? "required_check" : "required_choice";
      case FieldType::file:
        return "required_file";
      default:
        return "required";
    }
  }

  void add_error(ValidationResult& result, FieldError error) {
    result.errors.push_back(std::move(error));
  }

  void emit_scope(Scope& scope, json& out, ValidationResult& result) {
    for (auto& node : scope.nodes) {
      if (!visible(node)) continue;
      visible_paths_.insert(node.path);
      if (node.field->type == FieldType::group) {
        emit_group(node, out, result);
      } else {
        emit_leaf(node, out, result);
      }
    }
    report_unknown_keys(scope, result);
  }

  void emit_leaf(Node& node, json& out, ValidationResult& result) {
    const Field& field = *node.field;
    FieldOutcome& outcome = node.outcome;
    for (auto& w : outcome.warnings) result.warnings.push_back(w);
    if (!outcome.errors.empty()) {
      for (auto& e : outcome.errors) add_error(result, e);
      return;
    }
    if (!outcome.answered) {
      if (field.required) {
        add_error(result, FieldError{node.path, required_code(field),
                                     render_message(required_code(field), field.label)});
        return;
      }
      if (outcome.value) out[field.id] = *outcome.value;
      return;
    }
    if (!outcome.value) return;
    if (!field.options.empty()) {
      std::vector<std::string> chosen;
      if (outcome.value->is_string()) chosen.push_back(outcome.value->get<std::string>());
      if (outcome.value->is_array()) {
        for (const auto& v : *outcome.value) chosen.push_back(v.get<std::string>());
      }
      for (const auto& value : chosen) {
        const Option* option = field.find_option(value);
        if (option && option->available_if && !holds(*option->available_if, *node.scope)) {
          add_error(result,
                    FieldError{node.path, "option_not_available",
                               render_message("option_not_available", field.label,
                                              {MessageArg{"option", quote(option->label)}})});
          return;
        }
      }
    }
    out[field.id] = *outcome.value;
  }

  static LocalizedText quote(const LocalizedText& label) {
    return LocalizedText{"「" + label.ja + "」", "\u201c" + label.en + "\u201d",
                         "「" + label.easy + "」"};
  }

  void emit_group(Node& node, json& out, ValidationResult& result) {
    const Field& field = *node.field;
    for (auto& e : node.group_errors) add_error(result, e);
    if (!field.repeat) {
      if (node.items.empty() || !node.items.front()) return;
      json object = json::object();
      emit_scope(*node.items.front(), object, result);
      if (!object.empty()) out[field.id] = std::move(object);
      return;
    }
    const bool wrong_type = std::any_of(node.group_errors.begin(), node.group_errors.end(),
                                        [&](const FieldError& e) { return e.path == node.path && e.code == "wrong_type"; });
    if (wrong_type) return;
    const std::size_t count = node.raw->is_array() ? node.raw->size() : 0;
    if (count < field.min_items) {
      add_error(result, FieldError{node.path, "too_few_items",
                                   render_message("too_few_items", field.label,
                                                  {MessageArg::same_in_all(
                                                      "min", std::to_string(field.min_items))})});
    }
    // Items that are not objects stay as null so that later paths keep their index.
    json list = json::array();
    for (auto& item : node.items) {
      if (!item) {
        list.push_back(nullptr);
        continue;
      }
      json object = json::object();
      emit_scope(*item, object, result);
      list.push_back(std::move(object));
    }
    out[field.id] = std::move(list);
  }

  void report_unknown_keys(const Scope& scope, ValidationResult& result) {
    if (!scope.raw) return;
    std::size_t reported = 0;
    for (auto it = scope.raw->begin(); it != scope.raw->end(); ++it) {
      bool known = false;
      for (const auto& node : scope.nodes) {
        if (node.field->id == it.key()) known = true;
      }
      if (known) continue;
      if (++reported > context_.max_errors + 1) break;  // enough to trigger too_many_errors
      const std::string path = scope.prefix + printable(it.key(), 64);
      add_error(result, FieldError{path, "unknown_field",
                                   render_message("unknown_field", LocalizedText{},
                                                  {MessageArg::same_in_all("path", path)})});
    }
  }

  // ---- cross-field rules, on the normalised answers ----

  struct Located {
    std::string path;
    const json* value;
    std::optional<std::size_t> item;
  };

  static void locate_from(const json& object, const RulePath& rule_path, std::size_t i,
                          const std::string& prefix, std::optional<std::size_t> item,
                          std::vector<Located>& out) {
    if (!object.is_object()) return;
    const std::string& name = rule_path.names[i];
    const auto it = object.find(name);
    if (it == object.end()) return;
    const std::string path = prefix + name;
    if (rule_path.repeating_at && *rule_path.repeating_at == i) {
      if (!it->is_array()) return;
      for (std::size_t k = 0; k < it->size(); ++k) {
        const std::string item_path = path + "[" + std::to_string(k) + "]";
        locate_from((*it)[k], rule_path, i + 1, item_path + ".", k, out);
      }
      return;
    }
    if (i + 1 == rule_path.names.size()) {
      out.push_back(Located{path, &*it, item});
      return;
    }
    locate_from(*it, rule_path, i + 1, path + ".", item, out);
  }

  static std::vector<Located> locate(const json& root, const RulePath& rule_path) {
    std::vector<Located> out;
    locate_from(root, rule_path, 0, "", std::nullopt, out);
    return out;
  }

  static std::string concrete(const RulePath& rule_path, std::optional<std::size_t> item) {
    std::string path;
    for (std::size_t i = 0; i < rule_path.names.size(); ++i) {
      if (i) path += ".";
      path += rule_path.names[i];
      if (rule_path.repeating_at && *rule_path.repeating_at == i && item) {
        path += "[" + std::to_string(*item) + "]";
      }
    }
    return path;
  }

  // Number of items of the repeating group a rule path goes through, in the answers.
  static std::size_t item_count(const json& root, const RulePath& rule_path) {
    const json* current = &root;
    for (std::size_t i = 0; i <= *rule_path.repeating_at; ++i) {
      if (!current->is_object()) return 0;
      const auto it = current->find(rule_path.names[i]);
      if (it == current->end()) return 0;
      current = &*it;
    }
    return current->is_array() ? current->size() : 0;
  }

  LocalizedText label_of(const RulePath& rule_path) const {
    const Field* field = spec_.find_field(rule_path.path);
    return field ? field->label : LocalizedText{rule_path.path, rule_path.path, rule_path.path};
  }

  static bool paired(const Located& a, const Located& b) {
    return !a.item || !b.item || *a.item == *b.item;
  }

  void rule_error(ValidationResult& result, const CrossFieldRule& rule, const std::string& path,
                  const std::string& default_code, const LocalizedText& label,
                  const std::vector<MessageArg>& args) {
    LocalizedText message =
        rule.message.empty() ? render_message(default_code, label, args) : rule.message;
    add_error(result, FieldError{path, rule.id, std::move(message)});
  }

  void check_rules(ValidationResult& result) {
    const json& answers = result.answers;
    for (const auto& rule : spec_.rules) {
      switch (rule.kind) {
        case CrossFieldRule::Kind::date_order: {
          const auto earlier = locate(answers, rule.fields[0]);
          const auto later = locate(answers, rule.fields[1]);
          for (const auto& l : later) {
            for (const auto& e : earlier) {
              if (!paired(e, l) || !e.value->is_string() || !l.value->is_string()) continue;
              const auto& a = e.value->get_ref<const std::string&>();
              const auto& b = l.value->get_ref<const std::string&>();
              const bool broken = rule.allow_equal ? b < a : b <= a;
              if (!broken) continue;
              rule_error(result, rule, l.path,
                         rule.allow_equal ? "date_order_or_equal" : "date_order", LocalizedText{},
                         {MessageArg{"earlier", quote(label_of(rule.fields[0]))},
                          MessageArg{"later", quote(label_of(rule.fields[1]))}});
              break;
            }
          }
          break;
        }
        case CrossFieldRule::Kind::one_of_required: {
          std::vector<std::optional<std::size_t>> items;
          if (rule.fields[0].repeating_at) {
            const std::size_t n = item_count(answers, rule.fields[0]);
            for (std::size_t k = 0; k < n; ++k) items.emplace_back(k);
          } else {
            items.emplace_back(std::nullopt);
          }
          std::vector<std::vector<Located>> located;
          for (const auto& f : rule.fields) located.push_back(locate(answers, f));
          for (const auto& item : items) {
            bool any_visible = false;
            bool any_answered = false;
            for (std::size_t f = 0; f < rule.fields.size(); ++f) {
              if (visible_paths_.count(concrete(rule.fields[f], item))) any_visible = true;
              for (const auto& l : located[f]) {
                if (l.item == item) any_answered = true;
              }
            }
            if (!any_visible || any_answered) continue;
            LocalizedText labels;
            for (const auto& f : rule.fields) {
              const auto q = quote(label_of(f));
              labels.ja += (labels.ja.empty() ? "" : "、") + q.ja;
              labels.en += (labels.en.empty() ? "" : ", ") + q.en;
              labels.easy += (labels.easy.empty() ? "" : "、") + q.easy;
            }
            rule_error(result, rule, concrete(rule.fields[0], item), "one_of_required",
                       LocalizedText{}, {MessageArg{"labels", labels}});
          }
          break;
        }
        case CrossFieldRule::Kind::unique: {
          std::map<std::string, std::string> seen;
          for (const auto& l : locate(answers, rule.fields[0])) {
            const std::string key = l.value->dump();
            if (!seen.emplace(key, l.path).second) {
              rule_error(result, rule, l.path, "unique", label_of(rule.fields[0]),
                         {MessageArg::same_in_all("value", describe_json_value(*l.value))});
            }
          }
          break;
        }
        case CrossFieldRule::Kind::same_value: {
          const auto first = locate(answers, rule.fields[0]);
          for (std::size_t f = 1; f < rule.fields.size(); ++f) {
            for (const auto& other : locate(answers, rule.fields[f])) {
              for (const auto& a : first) {
                if (!paired(a, other) || *a.value == *other.value) continue;
                rule_error(result, rule, other.path, "same_value", label_of(rule.fields[f]),
                           {MessageArg{"other", quote(label_of(rule.fields[0]))}});
                break;
              }
            }
          }
          break;
        }
      }
    }
  }

  const FormSpec& spec_;
  const ValidationContext& context_;
  Scope top_;
  std::set<std::string> visible_paths_;
};

void cap_errors(ValidationResult& result, std::size_t max_errors) {
  if (result.errors.size() <= max_errors) return;
  result.errors.resize(max_errors);
  result.errors.push_back(FieldError{
      "", "too_many_errors",
      render_message("too_many_errors", LocalizedText{},
                     {MessageArg::same_in_all("max", std::to_string(max_errors))})});
}

}  // namespace

ValidationResult validate(const FormSpec& spec, const json& answers,
                          const ValidationContext& context) {
  ValidationResult result;
  Validator(spec, context).run(answers, result);
  cap_errors(result, context.max_errors);
  return result;
}

ValidationResult validate_section(const FormSpec& spec, std::string_view section_id,
                                  const json& answers, const ValidationContext& context) {
  ValidationResult result;
  const Section* section = spec.find_section(section_id);
  if (!section) {
    result.errors.push_back(FieldError{
        "", "unknown_section",
        render_message("unknown_section", LocalizedText{},
                       {MessageArg::same_in_all("value", printable(section_id, 64))})});
    return result;
  }
  ValidationResult full;
  Validator(spec, context).run(answers, full);
  const auto belongs = [&](const std::string& path, const std::string& code) {
    if (path.empty()) return true;
    const std::string top = top_level_id(path);
    const Section* owner = spec.section_of(top);
    if (owner) return owner == section;
    return code == "unknown_field";
  };
  for (auto& error : full.errors) {
    if (belongs(error.path, error.code)) result.errors.push_back(std::move(error));
  }
  for (auto& warning : full.warnings) {
    if (belongs(warning.path, warning.code)) result.warnings.push_back(std::move(warning));
  }
  for (const auto& field : section->fields) {
    const auto it = full.answers.find(field.id);
    if (it != full.answers.end()) result.answers[field.id] = std::move(*it);
  }
  cap_errors(result, context.max_errors);
  return result;
}

}  // namespace madoguchi::forms
