#include "documents/render/pdf_writer.h"

#include <cairo-pdf.h>

#include "documents/error.h"

namespace madoguchi::documents::render {
namespace {

void check(cairo_status_t status) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw DocumentError(DocumentErrc::render_failed, "", std::string("PDF の作成に失敗しました（") +
                                                             cairo_status_to_string(status) + "）",
                        std::string("PDF rendering failed: ") + cairo_status_to_string(status));
  }
}

}  // namespace

cairo_status_t PdfWriter::append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

PdfWriter::PdfWriter(const PdfInfo& info)
    : surface_(cairo_pdf_surface_create_for_stream(&PdfWriter::append, &bytes_, a4_width, a4_height)),
      cr_(cairo_create(surface_.get())) {
  check(cairo_surface_status(surface_.get()));
  const auto set = [&](cairo_pdf_metadata_t key, const std::string& value) {
    if (!value.empty()) cairo_pdf_surface_set_metadata(surface_.get(), key, value.c_str());
  };
  set(CAIRO_PDF_METADATA_TITLE, info.title);
  set(CAIRO_PDF_METADATA_AUTHOR, info.author);
  set(CAIRO_PDF_METADATA_SUBJECT, info.subject);
  set(CAIRO_PDF_METADATA_CREATOR, "madoguchi");
  set(CAIRO_PDF_METADATA_CREATE_DATE, info.created);
  check(cairo_status(cr_.get()));
}

void PdfWriter::paint_page(const Page& page) {
  for (const PaintOp& op : page) op(cr_.get());
  cairo_show_page(cr_.get());
  check(cairo_status(cr_.get()));
}

std::string PdfWriter::finish() {
  cr_.reset();
  cairo_surface_finish(surface_.get());
  check(cairo_surface_status(surface_.get()));
  surface_.reset();
  return std::move(bytes_);
}

}  // namespace madoguchi::documents::render
