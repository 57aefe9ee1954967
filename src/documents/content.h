// The pieces of content shared by every document model: a label/value row, a
// titled section of rows (one per repeating-group entry, e.g. each child), and
// the issuing office that heads and closes a document.
#pragma once

#include <string>
#include <vector>

namespace madoguchi::documents {

struct Row {
  std::string label;  // e.g. "氏名"
  std::string value;  // may span lines; an empty value prints as "（記入なし）"
};

struct Section {
  std::string title;  // e.g. "申請者", "お子さん（2人目）"
  std::vector<Row> rows;
};

struct Office {
  std::string organization;                // "仙台市"
  std::string department;                  // "青葉区役所 保健福祉センター 家庭健康課"
  std::vector<std::string> contact_lines;  // "電話 022-225-7211（平日 8時30分〜17時）", at most 6
};

}  // namespace madoguchi::documents
