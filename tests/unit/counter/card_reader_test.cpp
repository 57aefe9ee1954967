// Reading the 券面事項入力補助AP over a channel: the tries are asked first
// without spending one; a wrong PIN says how many are left; the last try is
// never spent without the clerk's confirmation; a blocked card is never sent
// a PIN; a card without the AP, a card pulled out mid-read and a malformed
// record each give their own error.
#include <gtest/gtest.h>

#include "card_support.h"
#include "counter/card_reader.h"

namespace madoguchi::counter {
namespace {

using testing::FakeCard;

CardErrc error_of(CardReader& reader, const CardReadRequest& request, std::optional<int>* tries = nullptr) {
  try {
    reader.read(request);
  } catch (const CardError& e) {
    if (tries) *tries = e.tries_left();
    return e.code();
  }
  ADD_FAILURE() << "the read succeeded";
  return CardErrc::card_failure;
}

TEST(CardReader, ReadsTheFourItemsAndTheNumberWhenAsked) {
  FakeCard card;
  InputSupportAp reader(card);
  EXPECT_EQ(reader.pin_tries_left(), 3);
  auto reading = reader.read({"1234", false, false});
  EXPECT_EQ(reading.items.name.text, "髙橋\u3000𠮷子");
  EXPECT_FALSE(reading.individual_number);
  auto with_number = reader.read({"1234", true, false});
  EXPECT_EQ(with_number.individual_number, "123456789018");
  EXPECT_EQ(card.sent.front().substr(0, 5), std::string("\x00\xA4\x04\x0C\x0A", 5)) << "the card is known by its AP";
}

TEST(CardReader, ReadsALongRecordInShortReads) {
  FakeCard card;
  card.ef0002 = testing::four_items("髙橋\u3000𠮷子", std::string(600, 'X'), "19850401", "2", true) + std::string(300, '\xFF');
  InputSupportAp reader(card);
  auto reading = reader.read({"1234", false, false});
  EXPECT_EQ(reading.items.address.text.size(), 600u);
  for (const auto& apdu : card.sent) {
    if (static_cast<unsigned char>(apdu[1]) == 0xB0) {
      EXPECT_LE(static_cast<unsigned char>(apdu[4]), 0xFF);
    }
  }
}

TEST(CardReader, AWrongPinSaysHowManyTriesAreLeft) {
  FakeCard card;
  InputSupportAp reader(card);
  std::optional<int> tries;
  EXPECT_EQ(error_of(reader, {"0000", false, false}, &tries), CardErrc::pin_wrong);
  EXPECT_EQ(tries, 2);
  CardError message(CardErrc::pin_wrong, 2);
  EXPECT_NE(message.message_ja().find("残りの試行回数は2回"), std::string::npos);
}

TEST(CardReader, NeverSpendsTheLastTryWithoutConfirmation) {
  FakeCard card;
  card.tries = 1;
  InputSupportAp reader(card);
  EXPECT_EQ(error_of(reader, {"0000", false, false}), CardErrc::last_try);
  EXPECT_EQ(card.pins_sent(), 0);
  EXPECT_EQ(card.tries, 1);
  EXPECT_EQ(error_of(reader, {"0000", false, true}), CardErrc::pin_blocked);
  EXPECT_EQ(card.pins_sent(), 1);
  EXPECT_EQ(error_of(reader, {"1234", false, true}), CardErrc::pin_blocked);
  EXPECT_EQ(card.pins_sent(), 1) << "a blocked card is never sent a PIN";
}

TEST(CardReader, TheLastTryWithConfirmationReadsTheCard) {
  FakeCard card;
  card.tries = 1;
  InputSupportAp reader(card);
  EXPECT_EQ(reader.read({"1234", false, true}).items.birth_date, "1985-04-01");
}

TEST(CardReader, RefusesAPinThatIsNotFourDigitsWithoutSendingIt) {
  FakeCard card;
  InputSupportAp reader(card);
  for (const char* pin : {"", "123", "12345", "12a4", "１２３４"}) {
    EXPECT_EQ(error_of(reader, {pin, false, false}), CardErrc::pin_format) << pin;
  }
  EXPECT_TRUE(card.sent.empty());
}

TEST(CardReader, KnowsACardThatIsNotAMyNumberCard) {
  FakeCard card;
  card.mynumber = false;
  InputSupportAp reader(card);
  EXPECT_EQ(error_of(reader, {"1234", false, false}), CardErrc::not_mynumber_card);
}

TEST(CardReader, ACardPulledOutMidReadAndAMalformedRecord) {
  FakeCard pulled;
  pulled.pull_after_reads = 1;
  InputSupportAp reader(pulled);
  EXPECT_EQ(error_of(reader, {"1234", false, false}), CardErrc::card_removed);

  FakeCard broken;
  broken.ef0002 = testing::four_items("名前", "住所", "19851301") + std::string(300, '\xFF');
  InputSupportAp broken_reader(broken);
  EXPECT_EQ(error_of(broken_reader, {"1234", false, false}), CardErrc::malformed_data);
}

}  // namespace
}  // namespace madoguchi::counter
