// QR codes as inline SVG for pages (the TOTP setup page): libqrencode at error
// correction M, drawn as one <path> of dark modules with the 4-module quiet
// zone. No style attributes or scripts, so it renders under the site's strict
// Content-Security-Policy. The title names the image for screen readers.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi::identity {

// Throws std::runtime_error if the text cannot be encoded (longer than a QR code holds).
std::string qr_svg(std::string_view text, std::string_view title, int pixels = 232);

}  // namespace madoguchi::identity
