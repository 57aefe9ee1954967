// The e-mails the citizen web sends, composed without I/O: the confirmation
// of a submitted application (reference, procedure, when it was received,
// by when it should be done, what happens next, where to follow it with its
// status code) and the resume code of a saved draft. Japanese first and English below (easy
// Japanese first for those who chose it); no answers, so a forwarded or
// misdirected mail reveals as little as possible.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "applications/application.h"
#include "applications/display_text.h"
#include "notify/email_message.h"
#include "procedures/catalogue.h"

namespace madoguchi::applications {

notify::EmailMessage receipt_mail(const procedures::Procedure& procedure, const procedures::Directory& directory,
                                  const Submitted& submitted, std::string_view channel, std::string to,
                                  Language language, std::string_view public_url);

notify::EmailMessage resume_mail(const procedures::Procedure& procedure, std::string_view resume_code,
                                 std::string_view expires_at, std::string to, Language language,
                                 std::string_view public_url);

}  // namespace madoguchi::applications
