// The e-mails citizen accounts send, Japanese first and English below, built
// as notify::EmailMessage for the outbox. Pure: the caller supplies the
// address and the links (which carry single-use tokens and so are never logged).
#pragma once

#include <string>
#include <string_view>

#include "notify/email_message.h"

namespace madoguchi::identity {

// "Confirm your address" with the verification link (valid 24 hours).
notify::EmailMessage verification_mail(std::string_view to, std::string_view link);
// Someone tried to register an address that already has an account.
notify::EmailMessage already_registered_mail(std::string_view to, std::string_view login_link,
                                             std::string_view reset_link);
// "Set a new password" with the reset link (valid 1 hour).
notify::EmailMessage password_reset_mail(std::string_view to, std::string_view link);

}  // namespace madoguchi::identity
