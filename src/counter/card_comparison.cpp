#include "counter/card_comparison.h"

#include <algorithm>
#include <utility>

#include "jp/unicode.h"
#include "procedures/prefill.h"

namespace madoguchi::counter {

namespace {

// Variant forms often found in names and addresses, beside the form people type.
constexpr std::pair<char32_t, char32_t> kVariants[] = {
    {0x9AD9, 0x9AD8},   // 髙 高
    {0xFA11, 0x5D0E},   // 﨑 崎
    {0x5D5C, 0x5D0E},   // 嵜 崎
    {0x20BB7, 0x5409},  // 𠮷 吉
    {0x908A, 0x8FBA},   // 邊 辺
    {0x9089, 0x8FBA},   // 邉 辺
    {0x9F4B, 0x658E},   // 齋 斎
    {0x9F4A, 0x658E},   // 齊 斎
    {0x6FA4, 0x6CA2},   // 澤 沢
    {0x6FF1, 0x6D5C},   // 濱 浜
    {0x6AFB, 0x685C},   // 櫻 桜
    {0x570B, 0x56FD},   // 國 国
    {0x5EE3, 0x5E83},   // 廣 広
    {0x5FB7, 0x5FB3},   // 德 徳
    {0xFA10, 0x585A},   // 塚 (U+FA10) 塚
    {0x7027, 0x6EDD},   // 瀧 滝
    {0x5D8B, 0x5CF6},   // 嶋 島
    {0x5D8C, 0x5CF6},   // 嶌 島
    {0x7E3D, 0x7DCF},   // 總 総
    {0x773E, 0x8846},   // 眾 衆
};

std::u32string decode(const std::string& text) {
  std::u32string out;
  for (size_t pos = 0; pos < text.size();) {
    auto cp = jp::decode_at(text, pos);
    if (!cp) {
      ++pos;
      continue;
    }
    out.push_back(*cp);
  }
  return out;
}

std::string text_of(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

// Spaces (ASCII and ideographic) do not make two names differ.
std::u32string without_spaces(std::u32string text) {
  text.erase(std::remove_if(text.begin(), text.end(), [](char32_t c) { return c == U' ' || c == 0x3000; }), text.end());
  return text;
}

}  // namespace

char32_t common_form(char32_t code_point) {
  for (const auto& [variant, common] : kVariants) {
    if (variant == code_point) return common;
  }
  return code_point;
}

std::vector<CardComparisonRow> compare_with_card(const procedures::Procedure& procedure, const nlohmann::json& answers,
                                                 const CardFourItems& card) {
  procedures::CardFourItems items{card.name.text, card.address.text, card.birth_date, card.sex_code};
  nlohmann::json from_card = procedures::prefill_answers(procedure, &items, {});
  std::vector<CardComparisonRow> rows;
  for (const auto& section : procedure.form.sections) {
    for (const auto& field : section.fields) {
      if (!field.prefill.card || !from_card.contains(field.id)) continue;
      CardComparisonRow row;
      row.field_id = field.id;
      row.card_value = text_of(from_card[field.id]);
      row.answer_value = answers.is_object() && answers.contains(field.id) ? text_of(answers[field.id]) : "";
      if (row.answer_value.empty()) {
        row.agreement = Agreement::unanswered;
      } else if (without_spaces(decode(row.card_value)) == without_spaces(decode(row.answer_value))) {
        row.agreement = Agreement::same;
      } else {
        auto on_card = without_spaces(decode(row.card_value));
        auto typed = without_spaces(decode(row.answer_value));
        bool variant_only = on_card.size() == typed.size();
        for (size_t i = 0; variant_only && i < on_card.size(); ++i) {
          if (on_card[i] == typed[i]) continue;
          if (common_form(on_card[i]) == common_form(typed[i])) {
            std::string pair;
            jp::append_utf8(pair, on_card[i]);
            pair += "→";
            jp::append_utf8(pair, typed[i]);
            row.variant_pairs.push_back(pair);
          } else {
            variant_only = false;
          }
        }
        row.agreement = variant_only ? Agreement::variant : Agreement::differs;
        if (!variant_only) row.variant_pairs.clear();
      }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

nlohmann::json card_items_json(const CardFourItems& card) {
  nlohmann::json flagged = nlohmann::json::array();
  for (const auto* text : {&card.name, &card.address}) {
    for (const auto& u : text->outside_jis_x_0208) {
      flagged.push_back({{"item", text == &card.name ? "name" : "address"},
                         {"character", u.character},
                         {"code_point", jp::code_point_label(u.code_point)},
                         {"level", jp::jis_level_name(u.level)}});
    }
  }
  return {{"name", card.name.text},
          {"address", card.address.text},
          {"birth_date", card.birth_date},
          {"sex_code", card.sex_code},
          {"flagged", flagged}};
}

CardFourItems card_items_from_json(const nlohmann::json& json) {
  CardFourItems out;
  out.name.text = json.value("name", "");
  out.address.text = json.value("address", "");
  out.birth_date = json.value("birth_date", "");
  out.sex_code = json.value("sex_code", 0);
  return out;
}

}  // namespace madoguchi::counter
