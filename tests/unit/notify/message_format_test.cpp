#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "notify/mime_message.h"
#include "notify_test_support.h"
#include "platform/time.h"

using namespace madoguchi::notify;

namespace {

// An independent base64 decoder, so the test does not trust the encoder it checks.
std::string decode_base64(const std::string& text) {
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=' || c == '\r' || c == '\n') continue;
    auto index = alphabet.find(c);
    if (index == std::string::npos) throw std::invalid_argument(std::string("not base64: ") + c);
    buffer = (buffer << 6) | static_cast<uint32_t>(index);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

std::vector<std::string> crlf_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\r\n", start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

struct Parsed {
  std::vector<std::pair<std::string, std::string>> headers;  // unfolded
  std::string body;
  std::string header(const std::string& name) const {
    for (const auto& [n, v] : headers) {
      if (n == name) return v;
    }
    return "";
  }
};

Parsed parse(const std::string& message) {
  Parsed parsed;
  size_t end = message.find("\r\n\r\n");
  EXPECT_NE(end, std::string::npos);
  for (const auto& line : crlf_lines(message.substr(0, end))) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      parsed.headers.back().second += line;
    } else {
      size_t colon = line.find(':');
      parsed.headers.emplace_back(line.substr(0, colon), line.substr(colon + 2));
    }
  }
  parsed.body = message.substr(end + 4);
  return parsed;
}

// The text an unstructured header carries once its encoded-words are decoded.
std::string decode_words(const std::string& value, size_t* words = nullptr) {
  static const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=)");
  std::string out;
  size_t count = 0;
  for (std::sregex_iterator it(value.begin(), value.end(), word), end; it != end; ++it) {
    EXPECT_LE(it->str().size(), 75u) << it->str();
    out += decode_base64((*it)[1]);
    ++count;
  }
  if (words) *words = count;
  return out;
}

const Sender city{"noreply@city.sendai.example.jp", "仙台市"};
const auto april_first = madoguchi::platform::parse_iso_timestamp("2025-04-01T09:00:00.000Z");

std::string compose(const EmailMessage& message) {
  return compose_message(message, city, "<k3y@city.sendai.example.jp>", april_first);
}

}  // namespace

TEST(MessageFormat, JapaneseSubjectIsUtf8BEncodedWordsThatDecodeBack) {
  auto message = notify_test::receipt_message();
  auto parsed = parse(compose(message));
  std::string subject = parsed.header("Subject");
  size_t words = 0;
  EXPECT_EQ(decode_words(subject, &words), message.subject);
  EXPECT_GE(words, 2u) << "a long subject is split over several words";
  EXPECT_EQ(subject.find("受付"), std::string::npos) << "no raw UTF-8 in a header";
}

TEST(MessageFormat, PlainAsciiSubjectStaysReadable) {
  auto message = notify_test::receipt_message();
  message.subject = "Your application was received";
  EXPECT_EQ(parse(compose(message)).header("Subject"), "Your application was received");
}

TEST(MessageFormat, AsciiSubjectThatLooksEncodedIsEncoded) {
  auto message = notify_test::receipt_message();
  message.subject = "=?UTF-8?B?aGk=?= is not a word here";
  auto subject = parse(compose(message)).header("Subject");
  EXPECT_EQ(decode_words(subject), message.subject);
}

TEST(MessageFormat, SenderNameIsEncodedAndAddressKept) {
  auto parsed = parse(compose(notify_test::receipt_message()));
  EXPECT_EQ(parsed.header("From"), "=?UTF-8?B?5LuZ5Y+w5biC?= <noreply@city.sendai.example.jp>");
  EXPECT_EQ(parsed.header("To"), "<taro.yamada@example.jp>");
}

TEST(MessageFormat, AsciiSenderNameWithSpecialsIsQuoted) {
  auto message = compose_message(notify_test::receipt_message(), {"noreply@example.jp", "Sendai City, \"Aoba\""},
                                 "<k@example.jp>", april_first);
  EXPECT_EQ(parse(message).header("From"), "\"Sendai City, \\\"Aoba\\\"\" <noreply@example.jp>");
}

TEST(MessageFormat, CarriesDateMessageIdAndMimeHeaders) {
  auto parsed = parse(compose(notify_test::receipt_message()));
  EXPECT_EQ(parsed.header("Date"), "Tue, 01 Apr 2025 18:00:00 +0900");
  EXPECT_EQ(parsed.header("Message-ID"), "<k3y@city.sendai.example.jp>");
  EXPECT_EQ(parsed.header("MIME-Version"), "1.0");
  EXPECT_EQ(parsed.header("Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(parsed.header("Content-Transfer-Encoding"), "base64");
  EXPECT_EQ(parsed.header("Auto-Submitted"), "auto-generated");
}

TEST(MessageFormat, BodyIsBase64OfTheTextWithCrlfLineBreaks) {
  auto message = notify_test::receipt_message();
  message.text_body = "一行目\n二行目\r\n三行目\rおわり";
  auto parsed = parse(compose(message));
  EXPECT_EQ(decode_base64(parsed.body), "一行目\r\n二行目\r\n三行目\r\nおわり");
  for (const auto& line : crlf_lines(parsed.body)) EXPECT_LE(line.size(), 76u);
}

TEST(MessageFormat, LongBodyRoundTripsInShortLines) {
  auto message = notify_test::receipt_message();
  message.text_body.clear();
  for (int i = 0; i < 500; ++i) message.text_body += "髙橋﨑𠮷 " + std::to_string(i) + (i % 7 ? "" : "\r\n");
  auto text = compose(message);
  EXPECT_EQ(decode_base64(parse(text).body), message.text_body);
  for (const auto& line : crlf_lines(text)) EXPECT_LE(line.size(), 78u) << line;
  EXPECT_EQ(text.find('\n'), text.find("\r\n") + 1) << "no bare LF";
}

TEST(MessageFormat, EveryLineIsCrlfTerminatedAndWithinLimits) {
  auto message = notify_test::receipt_message();
  message.subject = std::string(150, 'a') + "と日本語";
  auto text = compose(message);
  ASSERT_GE(text.size(), 2u);
  EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      EXPECT_EQ(text[i - 1], '\r') << "bare LF at " << i;
    }
    if (text[i] == '\r') {
      EXPECT_EQ(text[i + 1], '\n') << "bare CR at " << i;
    }
  }
  for (const auto& line : crlf_lines(text)) EXPECT_LE(line.size(), 78u) << line;
  EXPECT_EQ(decode_words(parse(text).header("Subject")), message.subject);
}

TEST(MessageFormat, HtmlAlternativeIsMultipartWithBothParts) {
  auto message = notify_test::receipt_message();
  message.html_body = "<p>受付番号 <strong>MDG-7K3Q-9XPD</strong></p>";
  auto parsed = parse(compose(message));
  EXPECT_EQ(parsed.header("Content-Type"), "multipart/alternative; boundary=\"=_madoguchi_alternative\"");
  auto parts = parsed.body;
  auto plain = parts.find("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
  auto html = parts.find("Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
  ASSERT_NE(plain, std::string::npos);
  ASSERT_NE(html, std::string::npos);
  EXPECT_LT(plain, html) << "plain text first, the richer part last";
  auto part_body = [&](size_t header_at, const std::string& until) {
    size_t start = parts.find("\r\n\r\n", header_at) + 4;
    return parts.substr(start, parts.find(until, start) - start);
  };
  EXPECT_EQ(decode_base64(part_body(plain, "--=_madoguchi_alternative")), canonical_line_breaks(message.text_body));
  EXPECT_EQ(decode_base64(part_body(html, "--=_madoguchi_alternative--")), *message.html_body);
  EXPECT_EQ(parts.substr(parts.size() - 29), "--=_madoguchi_alternative--\r\n");
}

TEST(MessageFormat, MessageIdUsesTheSenderDomain) {
  EXPECT_EQ(make_message_id("abc_DEF-123", "noreply@city.sendai.example.jp"), "<abc_DEF-123@city.sendai.example.jp>");
}
