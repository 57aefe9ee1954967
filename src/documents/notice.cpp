#include "documents/notice.h"

#include "documents/notice_checks.h"
#include "documents/render/notice_layout.h"

namespace madoguchi::documents {

RenderedPdf render_notice(const NoticeModel& input) {
  const NoticeModel model = checked_notice(input, Delivery::any);
  render::Composer composer = render::notice_composer();
  const std::vector<render::Page> pages = render::layout_notice(composer, model);
  RenderedPdf result;
  result.pages = static_cast<int>(pages.size());
  result.bytes = render::paint_document(render::notice_info(model), pages, render::notice_footer(model), composer);
  result.missing_characters.assign(composer.glyphs().missing().begin(), composer.glyphs().missing().end());
  return result;
}

}  // namespace madoguchi::documents
