// The receipt PDF (電子申請 受付票) of a submitted application, in Japanese
// with every answer: receipt_model() gathers what documents::render_receipt
// prints — office, reference, procedure, time received, applicant, the next
// steps (channel, processing period and due date, fee, how to follow it —
// with the status code when the caller may show it) and the answers as the
// check page words them. Pure apart from the rendering.
#pragma once

#include <string>
#include <string_view>

#include "applications/application.h"
#include "documents/receipt.h"
#include "procedures/catalogue.h"

namespace madoguchi::applications {

documents::ReceiptModel receipt_model(const Application& application, const procedures::Procedure& procedure,
                                      const procedures::Directory& directory, std::string_view public_url,
                                      const std::string& status_code = {});

// The PDF bytes; throws documents::DocumentError if the content cannot be printed.
std::string render_receipt_pdf(const Application& application, const procedures::Procedure& procedure,
                               const procedures::Directory& directory, std::string_view public_url,
                               const std::string& status_code = {});

}  // namespace madoguchi::applications
