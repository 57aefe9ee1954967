#include "procedures/field_fit.h"

#include <algorithm>

namespace madoguchi::procedures {

using forms::Field;
using forms::FieldType;

bool answers_fit(const Field& target, const Field& source) {
  if (target.type == FieldType::group || source.type == FieldType::group) {
    if (target.type != source.type || target.repeat != source.repeat) return false;
    bool shared = false;
    for (const auto& child : target.fields) {
      const Field* other = source.find_child(child.id);
      if (!other) continue;
      if (!answers_fit(child, *other)) return false;
      shared = true;
    }
    return shared;
  }
  const auto has_every_option = [&] {
    return std::all_of(source.options.begin(), source.options.end(),
                       [&](const forms::Option& o) { return target.find_option(o.value) != nullptr; });
  };
  const bool target_choice = target.type == FieldType::select || target.type == FieldType::radio;
  const bool source_choice = source.type == FieldType::select || source.type == FieldType::radio;
  if (target_choice && source_choice) return has_every_option();
  if (target.type == FieldType::checkbox && source.type == FieldType::checkbox) {
    if (target.options.empty() != source.options.empty()) return false;
    return has_every_option();
  }
  return target.type == source.type;
}

}  // namespace madoguchi::procedures
