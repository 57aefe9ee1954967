#include <gtest/gtest.h>

#include "booking/ics.h"
#include "booking_test_support.h"

namespace madoguchi::booking {
namespace {

CalendarEvent event() {
  CalendarEvent e;
  e.uid = "MDG-7K3Q-9XPD@madoguchi.example.jp";
  e.sequence = 0;
  e.start = test::at(1, 10, 0);
  e.end = test::at(1, 10, 30);
  e.stamp = test::at(0, 10, 0);
  e.summary = "青葉区役所 住民異動（予約 MDG-7K3Q-9XPD）";
  e.location = "青葉区役所 仙台市青葉区上杉1-5-1";
  e.description = "受付番号; Reference, line\nsecond line";
  e.organizer_name = "青葉区役所";
  return e;
}

TEST(Ics, RequestWithUtcTimesAndCrlf) {
  std::string text = calendar_file(event());
  EXPECT_NE(text.find("METHOD:REQUEST\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTART:20270616T010000Z\r\n"), std::string::npos);  // 10:00 in Japan
  EXPECT_NE(text.find("UID:MDG-7K3Q-9XPD@madoguchi.example.jp\r\n"), std::string::npos);
  EXPECT_NE(text.find("SEQUENCE:0\r\n"), std::string::npos);
  EXPECT_NE(text.find("受付番号\\; Reference\\, line\\nsecond line"), std::string::npos);
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
    ASSERT_GT(at, 0u);
    EXPECT_EQ(text[at - 1], '\r');
  }
}

TEST(Ics, CancelCarriesAHigherSequence) {
  auto e = event();
  e.cancelled = true;
  e.sequence = 1;
  std::string text = calendar_file(e);
  EXPECT_NE(text.find("METHOD:CANCEL\r\n"), std::string::npos);
  EXPECT_NE(text.find("STATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_NE(text.find("SEQUENCE:1\r\n"), std::string::npos);
}

TEST(Ics, FoldsAt75OctetsNeverInsideACharacter) {
  std::string line = "SUMMARY:" + std::string(40, 'a');
  for (int i = 0; i < 40; ++i) line += "髙";
  std::string folded = fold_line(line);
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find("\r\n", start);
    std::string piece = folded.substr(start, end == std::string::npos ? std::string::npos : end - start);
    EXPECT_LE(piece.size(), 75u);
    ASSERT_FALSE(piece.empty());
    unsigned char first = static_cast<unsigned char>(piece[start == 0 ? 0 : 1]);
    EXPECT_NE(first & 0xC0, 0x80) << "a piece starts inside a UTF-8 character";
    if (end == std::string::npos) break;
    start = end + 2;
  }
  std::string unfolded;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += folded[i];
  }
  EXPECT_EQ(unfolded, line);
}

}  // namespace
}  // namespace madoguchi::booking
