// The result of rendering a document: the finished PDF bytes, the number of
// pages, and the characters the IPAex fonts lack. Each such character is
// printed as 〓 and listed with its code point in a note at the end of the
// document, and is listed here so callers can flag the document for a person
// (for instance to write 𠮷 by hand on the printed copy).
#pragma once

#include <string>
#include <vector>

namespace madoguchi::documents {

struct RenderedPdf {
  std::string bytes;
  int pages = 0;
  std::vector<char32_t> missing_characters;
};

}  // namespace madoguchi::documents
