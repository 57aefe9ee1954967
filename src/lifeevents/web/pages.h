// The groups of life-event routes, each registered by its own file: the list of life events and
// each one's introduction and start; the questions (questionnaire and shared answers); the
// citizen's list, its printable copy, submitting together and saving; the visit's pre-entry code
// for the counter (issuing it, its QR image); the staff view of a visit.
#pragma once

#include "lifeevents/web/web_support.h"
#include "platform/http/router.h"

namespace madoguchi::lifeevents {

void register_event_pages(platform::http::Router& router, const LifeEventsWeb& web);
void register_question_pages(platform::http::Router& router, const LifeEventsWeb& web);
void register_list_pages(platform::http::Router& router, const LifeEventsWeb& web);
void register_visit_code_pages(platform::http::Router& router, const LifeEventsWeb& web);
void register_staff_pages(platform::http::Router& router, const LifeEventsWeb& web);

// Issues a new resume code for the bundle and sends the browser to the page that shows it.
Response show_resume_code(const LifeEventsWeb& web, const Bundle& bundle);

// Opens the bundle a resume code belongs to in this browser (with its drafts); nothing when no
// bundle has that code.
std::optional<Response> resume_bundle(const LifeEventsWeb& web, const std::string& code, const Request& request);

}  // namespace madoguchi::lifeevents
