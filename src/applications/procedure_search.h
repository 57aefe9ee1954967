// ProcedureSearch: finds procedures whatever script or width the citizen
// types — じゅうみんひょう, ジュウミンヒョウ, ｼﾞｭｳﾐﾝﾋｮｳ, 住民票 and "juminhyo"
// all find the residence certificate. Queries and the indexed words (names
// in ja/en/easy, readings, romaji, keywords, summaries) are folded the same
// way: width normalised, hiragana to katakana, ASCII lower-cased, spaces
// removed, romaji long vowels shortened (juuminhyou → juminhyo). Every word
// of the query must match; exact beats prefix beats contained, names beat
// readings and keywords, which beat summaries. Pure and immutable: build it
// once from the catalogue and share it between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "procedures/catalogue.h"

namespace madoguchi::applications {

// The folded form described above (also applied to each indexed word).
std::string fold_search_text(std::string_view text);

struct SearchHit {
  const procedures::Procedure* procedure = nullptr;
  int score = 0;
};

class ProcedureSearch {
 public:
  explicit ProcedureSearch(const procedures::Catalogue& catalogue);

  // Best first; ties keep catalogue order. Empty for a blank query.
  std::vector<SearchHit> search(std::string_view query, size_t limit = 50) const;

 private:
  struct Term {
    std::string folded;
    int weight = 1;
  };
  struct Entry {
    const procedures::Procedure* procedure;
    std::vector<Term> terms;
  };
  std::vector<Entry> entries_;
};

}  // namespace madoguchi::applications
