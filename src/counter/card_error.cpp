#include "counter/card_error.h"

namespace madoguchi::counter {

namespace {

struct Words {
  CardErrc code;
  const char* name;
  const char* ja;
  const char* en;
};

constexpr Words kWords[] = {
    {CardErrc::no_service, "no_service",
     "カードリーダーの管理サービス（pcscd）が動いていません。窓口端末の管理者に連絡してください。",
     "The card reader service (pcscd) is not running. Contact the counter PC's administrator."},
    {CardErrc::no_reader, "no_reader", "カードリーダーがつながっていません。USB ケーブルを確かめてください。",
     "No card reader is connected. Check the USB cable."},
    {CardErrc::reader_unavailable, "reader_unavailable",
     "読み取りの途中でカードリーダーが外れました。つなぎ直してからもう一度読み取ってください。",
     "The card reader was disconnected during the read. Connect it again and read once more."},
    {CardErrc::no_card, "no_card", "カードリーダーにカードが置かれていません。", "There is no card on the reader."},
    {CardErrc::card_removed, "card_removed",
     "読み取りの途中でカードが離れました。カードを置いたまま、もう一度読み取ってください。",
     "The card was taken off the reader during the read. Keep it on the reader and read once more."},
    {CardErrc::busy, "busy", "ほかのプログラムがカードを使っています。少し待ってからもう一度読み取ってください。",
     "Another program is using the card. Wait a moment and read again."},
    {CardErrc::not_mynumber_card, "not_mynumber_card",
     "このカードはマイナンバーカードではありません（券面事項入力補助APがありません）。",
     "This card is not a My Number card (it has no card-face input support application)."},
    {CardErrc::pin_format, "pin_format", "暗証番号は数字4桁です。カードには何も送っていません。",
     "The PIN is four digits. Nothing was sent to the card."},
    {CardErrc::pin_wrong, "pin_wrong", "暗証番号が違います。", "The PIN is wrong."},
    {CardErrc::last_try, "last_try",
     "残りの試行回数が1回です。間違えるとカードがロックされ、カード窓口での再設定が必要になります。"
     "ご本人に確かめたうえで「最後の1回を使う」を選んでください。",
     "One try is left. A wrong PIN locks the card, which must then be reset at the card counter. "
     "Check with the citizen, then choose to use the last try."},
    {CardErrc::pin_blocked, "pin_blocked",
     "暗証番号がロックされています。これ以上は読み取りません。マイナンバーカードの窓口（市民課）で暗証番号の再設定をご案内してください。",
     "The PIN is locked. The card will not be tried again. Send the citizen to the My Number card counter to reset it."},
    {CardErrc::malformed_data, "malformed_data", "カードのデータを読み取れませんでした。",
     "The card's data could not be read."},
    {CardErrc::card_failure, "card_failure", "カードが想定外の応答をしました。カードを置き直してもう一度読み取ってください。",
     "The card gave an unexpected answer. Place it again and read once more."},
};

const Words& words(CardErrc code) {
  for (const auto& w : kWords) {
    if (w.code == code) return w;
  }
  return kWords[std::size(kWords) - 1];
}

}  // namespace

std::string_view card_errc_name(CardErrc code) { return words(code).name; }

CardError::CardError(CardErrc code, std::optional<int> tries_left, std::string detail)
    : std::runtime_error(std::string(words(code).name) + (detail.empty() ? "" : ": " + detail)),
      code_(code), tries_left_(tries_left), message_ja_(words(code).ja), message_en_(words(code).en) {
  if (code == CardErrc::pin_wrong && tries_left) {
    message_ja_ += "残りの試行回数は" + std::to_string(*tries_left) + "回です。";
    message_en_ += " " + std::to_string(*tries_left) + (*tries_left == 1 ? " try is" : " tries are") + " left.";
  }
}

CardError::CardError(CardErrc code, std::string message_ja, std::string message_en)
    : std::runtime_error(std::string(words(code).name)), code_(code), message_ja_(std::move(message_ja)),
      message_en_(std::move(message_en)) {}

}  // namespace madoguchi::counter
