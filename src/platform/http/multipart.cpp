#include "platform/http/multipart.h"

#include "platform/http/http_error.h"

namespace madoguchi::platform::http {

namespace {

HttpError malformed(const std::string& why_ja, const std::string& why_en) {
  return HttpError(400, "malformed_multipart", "アップロードの形式が正しくありません：" + why_ja,
                   "The multipart upload is malformed: " + why_en);
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// Value of a parameter such as name="x" in a Content-Disposition header.
std::string parameter(std::string_view header, std::string_view key) {
  size_t pos = 0;
  while ((pos = header.find(';', pos)) != std::string_view::npos) {
    ++pos;
    while (pos < header.size() && header[pos] == ' ') ++pos;
    if (header.substr(pos, key.size()) == key && pos + key.size() < header.size() && header[pos + key.size()] == '=') {
      size_t start = pos + key.size() + 1;
      if (start < header.size() && header[start] == '"') {
        std::string value;
        for (size_t i = start + 1; i < header.size(); ++i) {
          if (header[i] == '\\' && i + 1 < header.size()) {
            value.push_back(header[++i]);
          } else if (header[i] == '"') {
            return value;
          } else {
            value.push_back(header[i]);
          }
        }
        return value;
      }
      size_t end = header.find(';', start);
      return trim(header.substr(start, end - start));
    }
  }
  return {};
}

}  // namespace

std::string multipart_boundary(const Request& request) {
  auto type = request.header("Content-Type");
  if (!type || !request.has_content_type("multipart/form-data")) {
    throw HttpError(415, "unsupported_media_type", "multipart/form-data で送信してください。",
                    "Send the upload as multipart/form-data.");
  }
  std::string boundary = parameter(*type, "boundary");
  if (boundary.empty() || boundary.size() > 70) {
    throw malformed("境界文字列（boundary）がありません。", "the boundary parameter is missing or too long.");
  }
  return boundary;
}

std::vector<MultipartPart> parse_multipart(std::string_view body, std::string_view boundary,
                                           const MultipartLimits& limits) {
  const std::string delimiter = "--" + std::string(boundary);
  std::vector<MultipartPart> parts;
  size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) throw malformed("最初の境界が見つかりません。", "the first boundary is missing.");
  pos += delimiter.size();
  while (true) {
    if (body.substr(pos, 2) == "--") return parts;
    if (body.substr(pos, 2) != "\r\n") throw malformed("境界の後に改行がありません。", "a boundary is not followed by CRLF.");
    pos += 2;
    size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos || headers_end - pos > limits.max_header_bytes) {
      throw malformed("パートのヘッダーが正しくありません。", "a part's headers are missing or too long.");
    }
    MultipartPart part;
    std::string_view headers = body.substr(pos, headers_end - pos);
    bool has_disposition = false;
    while (!headers.empty()) {
      size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) throw malformed("ヘッダー行が正しくありません。", "a header line has no colon.");
      std::string_view name = line.substr(0, colon);
      std::string value = trim(line.substr(colon + 1));
      if (iequals(name, "Content-Disposition")) {
        has_disposition = true;
        part.name = parameter(value, "name");
        part.filename = parameter(value, "filename");
      } else if (iequals(name, "Content-Type")) {
        part.content_type = value;
      }
    }
    if (!has_disposition || part.name.empty()) {
      throw malformed("パートに名前（Content-Disposition）がありません。", "a part has no Content-Disposition name.");
    }
    size_t data_start = headers_end + 4;
    size_t next = body.find("\r\n" + delimiter, data_start);
    if (next == std::string_view::npos) {
      throw malformed("終わりの境界がありません（送信が途中で切れた可能性があります）。",
                      "the closing boundary is missing (the upload may have been cut off).");
    }
    part.data = std::string(body.substr(data_start, next - data_start));
    parts.push_back(std::move(part));
    if (parts.size() > limits.max_parts) throw malformed("パートが多すぎます。", "too many parts.");
    pos = next + 2 + delimiter.size();
  }
}

}  // namespace madoguchi::platform::http
