// The pre-entry QR code as a PNG image for the citizen's screen and for
// saving: the code's text encoded by documents' QrSymbol (libqrencode,
// error correction M, quiet zone of four modules), black on white, each
// module `module_pixels` wide.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi::counter {

std::string qr_png(std::string_view text, int module_pixels = 8);

}  // namespace madoguchi::counter
