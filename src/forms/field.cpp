#include "forms/field.h"

#include <array>
#include <utility>

namespace madoguchi::forms {

namespace {

constexpr std::array<std::pair<CardItem, std::string_view>, 4> kCardItems{{
    {CardItem::name, "name"},
    {CardItem::address, "address"},
    {CardItem::birth_date, "birth_date"},
    {CardItem::sex, "sex"},
}};

}  // namespace

std::string_view card_item_name(CardItem item) {
  for (const auto& [i, name] : kCardItems) {
    if (i == item) return name;
  }
  return "name";
}

std::optional<CardItem> card_item_from_name(std::string_view name) {
  for (const auto& [i, n] : kCardItems) {
    if (n == name) return i;
  }
  return std::nullopt;
}

const Option* Field::find_option(std::string_view value) const {
  for (const auto& option : options) {
    if (option.value == value) return &option;
  }
  return nullptr;
}

const Field* Field::find_child(std::string_view child_id) const {
  for (const auto& child : fields) {
    if (child.id == child_id) return &child;
  }
  return nullptr;
}

}  // namespace madoguchi::forms
