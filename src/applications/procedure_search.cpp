#include "applications/procedure_search.h"

#include <algorithm>

#include "jp/kana.h"

namespace madoguchi::applications {

namespace {

constexpr int kNameWeight = 4;
constexpr int kWordWeight = 3;
constexpr int kSummaryWeight = 1;
constexpr int kExact = 10;
constexpr int kPrefix = 6;
constexpr int kContained = 3;

// Shortens romaji long vowels so "juuminhyou", "jūminhyō" and "juminhyo" meet.
std::string fold_romaji(std::string text) {
  static const std::pair<std::string_view, std::string_view> kLong[] = {
      {"\xC5\xAB", "u"}, {"\xC5\x8D", "o"}, {"\xC4\x81", "a"}, {"\xC4\x93", "e"}, {"\xC4\xAB", "i"},
      {"ou", "o"},       {"oo", "o"},       {"uu", "u"},       {"aa", "a"},       {"ii", "i"},       {"ee", "e"}};
  for (const auto& [from, to] : kLong) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return text;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  auto width = jp::normalize_width(text);
  if (!width.ok()) return out;
  const std::string& normal = width.value();
  size_t start = 0;
  while (start < normal.size()) {
    auto space = normal.find(' ', start);
    auto word = normal.substr(start, space == std::string::npos ? std::string::npos : space - start);
    if (!word.empty()) out.push_back(fold_search_text(word));
    if (space == std::string::npos) break;
    start = space + 1;
  }
  std::erase_if(out, [](const std::string& w) { return w.empty(); });
  return out;
}

int match_score(const std::string& term, const std::string& word) {
  if (term == word) return kExact;
  if (term.rfind(word, 0) == 0) return kPrefix;
  if (term.find(word) != std::string::npos) return kContained;
  return 0;
}

}  // namespace

std::string fold_search_text(std::string_view text) {
  auto width = jp::normalize_width(text);
  if (!width.ok()) return {};
  auto kana = jp::to_fullwidth_katakana(width.value());
  if (!kana.ok()) return {};
  std::string out;
  bool ascii_only = true;
  for (char c : kana.value()) {
    if (c == ' ' || c == '-' || c == '\'' || c == '.' || c == ',' || c == '(' || c == ')') continue;
    if (static_cast<unsigned char>(c) >= 0x80) ascii_only = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  for (std::string_view mark : {"・", "（", "）", "　", "「", "」", "、", "。"}) {
    for (size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at)) out.erase(at, mark.size());
  }
  return ascii_only || out.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos ? fold_romaji(out) : out;
}

ProcedureSearch::ProcedureSearch(const procedures::Catalogue& catalogue) {
  for (const auto& procedure : catalogue.all()) {
    Entry entry{&procedure, {}};
    auto add = [&entry](std::string_view text, int weight) {
      std::string folded = fold_search_text(text);
      if (!folded.empty()) entry.terms.push_back({std::move(folded), weight});
    };
    for (const auto* name : {&procedure.name.ja, &procedure.name.en, &procedure.name.easy}) add(*name, kNameWeight);
    for (const auto& r : procedure.search.readings) add(r, kWordWeight);
    for (const auto& r : procedure.search.romaji) add(r, kWordWeight);
    for (const auto& k : procedure.search.keywords) add(k, kWordWeight);
    for (const auto* summary : {&procedure.summary.ja, &procedure.summary.en, &procedure.summary.easy}) {
      add(*summary, kSummaryWeight);
    }
    entries_.push_back(std::move(entry));
  }
}

std::vector<SearchHit> ProcedureSearch::search(std::string_view query, size_t limit) const {
  if (query.size() > 400) query = query.substr(0, 400);
  auto words = words_of(query);
  std::vector<SearchHit> hits;
  if (words.empty()) return hits;
  for (const auto& entry : entries_) {
    int total = 0;
    bool all = true;
    for (const auto& word : words) {
      int best = 0;
      for (const auto& term : entry.terms) best = std::max(best, match_score(term.folded, word) * term.weight);
      if (best == 0) {
        all = false;
        break;
      }
      total += best;
    }
    if (all) hits.push_back({entry.procedure, total});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace madoguchi::applications
