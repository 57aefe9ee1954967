// Lays out a validated NoticeModel (see notice_checks.h) as pages: page one
// carries the recipient block inside the envelope window's address area, the
// letterhead, number and date to its right, and the verification band (QR code
// and URL) at its foot; the body flows onto further pages as needed.
#pragma once

#include <vector>

#include "documents/notice.h"
#include "documents/render/composer.h"

namespace madoguchi::documents::render {

// A composer with the frames a notice uses (page one stops above the verification band).
Composer notice_composer();

std::vector<Page> layout_notice(Composer& composer, const NoticeModel& model);

Footer notice_footer(const NoticeModel& model);

PdfInfo notice_info(const NoticeModel& model);

}  // namespace madoguchi::documents::render
