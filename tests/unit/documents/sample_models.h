// Realistic document models for the documents/ tests: a child-allowance
// receipt with a repeating group (several children) and names that need
// 髙 and 﨑, a decision notice and a certificate from a ward office.
#pragma once

#include <chrono>
#include <string>

#include "documents/notice.h"
#include "documents/receipt.h"

namespace madoguchi::documents::samples {

inline Office sample_office() {
  return Office{"仙台市", "青葉区役所 保健福祉センター 家庭健康課",
                {"〒980-8701 仙台市青葉区上杉一丁目5番1号", "電話 022-225-7211（平日 8時30分〜17時）"}};
}

// 2026-11-22 05:05:00 UTC = 令和8年（2026年）11月22日 14時05分 in Japan.
inline std::chrono::sys_seconds sample_instant() {
  using namespace std::chrono;
  return sys_days{year{2026} / November / 22} + hours{5} + minutes{5};
}

inline ReceiptModel sample_receipt() {
  ReceiptModel model;
  model.office = Office{"仙台市", "デジタル窓口（児童手当）", {"青葉区役所 家庭健康課　電話 022-225-7211"}};
  model.reference = "MDG-7K3Q-9XPD";
  model.procedure_name = "児童手当 認定請求";
  model.submitted_at = sample_instant();
  model.applicant_name = "髙橋 﨑子";
  model.next_steps = {"区役所の担当者が申請内容を確認します（通常 5 開庁日以内）。",
                      "内容に不足があるときは、登録されたメールアドレスに補正のお願いをお送りします。",
                      "認定されると「児童手当認定通知書」を郵送します。支給は認定の翌月分からです。"};
  model.sections = {
      {"申請者", {{"氏名", "髙橋 﨑子"}, {"氏名（フリガナ）", "タカハシ サキコ"}, {"生年月日", "平成2年4月18日"},
                  {"住所", "〒980-0011 仙台市青葉区上杉一丁目5番1号\nメゾン上杉 302号室"},
                  {"電話番号", "090-1234-5678"}, {"メールアドレス", "saki.takahashi@example.jp"}}},
      {"お子さん（1人目）", {{"氏名", "髙橋 陽向"}, {"生年月日", "令和3年7月2日"}, {"続柄", "長男"}}},
      {"お子さん（2人目）", {{"氏名", "髙橋 﨑良"}, {"生年月日", "令和6年1月15日"}, {"続柄", "次男"}}},
      {"振込先口座", {{"金融機関", "七十七銀行 上杉支店"}, {"口座番号", "普通 1234567"}, {"口座名義", "タカハシ サキコ"}}},
      {"その他", {{"連絡事項", ""}}},
  };
  return model;
}

// A receipt with `answers` rows of numbered questions (for page-count tests and the benchmark).
inline ReceiptModel long_receipt(int answers) {
  ReceiptModel model = sample_receipt();
  model.sections.clear();
  Section section{"申請内容の詳細", {}};
  for (int i = 1; i <= answers; ++i) {
    section.rows.push_back(Row{"質問 " + std::to_string(i), "回答 " + std::to_string(i) + "：仙台市青葉区の申請内容"});
  }
  model.sections.push_back(section);
  return model;
}

inline NoticeModel sample_notice() {
  NoticeModel model;
  model.kind = NoticeKind::decision_notice;
  model.office = sample_office();
  model.document_number = "仙青家第1234号";
  model.issued_on = std::chrono::year{2026} / std::chrono::November / 22;
  model.recipient = Recipient{"980-0011", {"仙台市青葉区上杉一丁目5番1号", "メゾン上杉 302号室"}, "髙橋 﨑子", "様"};
  model.title = "児童手当認定通知書";
  model.body = {"令和8年11月18日付けで申請のあった児童手当について、次のとおり認定したので通知します。"};
  model.items = {{"受給者", "髙橋 﨑子"},
                 {"対象となる児童", "髙橋 陽向（令和3年7月2日生）\n髙橋 﨑良（令和6年1月15日生）"},
                 {"支給開始月", "令和8年12月分から"},
                 {"手当月額", "30,000円（1人につき 15,000円）"},
                 {"支払日", "偶数月の10日（その月の前月分までをお支払いします）"},
                 {"振込先", "七十七銀行 上杉支店 普通 ****567"}};
  model.remarks_heading = "教示";
  model.remarks = {
      "この処分に不服がある場合は、この処分があったことを知った日の翌日から起算して3か月以内に、仙台市長に対して審査請求をすることができます。",
      "この処分の取消しの訴えは、この処分があったことを知った日の翌日から起算して6か月以内に、仙台市を被告として（訴訟において仙台市を代表する者は仙台市長となります。）提起することができます。"};
  model.issuer = "仙台市長　郡　和子";
  model.reference = "MDG-7K3Q-9XPD";
  model.verification_url = "https://madoguchi.city.sendai.jp/verify/7K3Q9XPDA2M4R8TV.B6WZ1H0C5N3J7Y2E";
  return model;
}

inline NoticeModel sample_certificate() {
  NoticeModel model = sample_notice();
  model.kind = NoticeKind::certificate;
  model.document_number = "証明第2026-00412号";
  model.title = "児童手当受給証明書";
  model.body = {"上記のとおり相違ないことを証明します。"};
  model.items = {{"受給者氏名", "髙橋 﨑子"}, {"住所", "仙台市青葉区上杉一丁目5番1号 メゾン上杉 302号室"},
                 {"受給期間", "令和8年12月から"}, {"対象児童数", "2人"}};
  model.remarks_heading.clear();
  model.remarks.clear();
  return model;
}

}  // namespace madoguchi::documents::samples
