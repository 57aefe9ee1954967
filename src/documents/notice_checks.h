// Validation of a NoticeModel before layout: every text field through
// text_rules.h, the postal code as 7 digits (normalised to "980-8671"), the
// verification URL as short printable ASCII http(s). A notice to be mailed
// must also have a postal code and an address.
#pragma once

#include "documents/notice.h"

namespace madoguchi::documents {

enum class Delivery { any, by_post };

// Returns a normalised copy or throws DocumentError naming the field.
NoticeModel checked_notice(const NoticeModel& model, Delivery delivery);

}  // namespace madoguchi::documents
