#include "identity/qr_svg.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace madoguchi::identity {

namespace {

constexpr int kQuietZone = 4;

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

std::string escape_xml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string qr_svg(std::string_view text, std::string_view title, int pixels) {
  std::string terminated(text);
  std::unique_ptr<QRcode, QrFree> code(QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!code) throw std::runtime_error("the text cannot be encoded as a QR code");
  const int width = code->width;
  const int side = width + 2 * kQuietZone;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width;) {
      if ((code->data[y * width + x] & 1) == 0) {
        ++x;
        continue;
      }
      int start = x;
      while (x < width && (code->data[y * width + x] & 1) != 0) ++x;
      path += "M" + std::to_string(start + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h" +
              std::to_string(x - start) + "v1h-" + std::to_string(x - start) + "z";
    }
  }
  std::string size = std::to_string(pixels);
  std::string box = std::to_string(side);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + box + " " + box + "\" width=\"" + size +
         "\" height=\"" + size + "\" role=\"img\" shape-rendering=\"crispEdges\"><title>" + escape_xml(title) +
         "</title><rect width=\"" + box + "\" height=\"" + box + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path +
         "\"/></svg>";
}

}  // namespace madoguchi::identity
