// Turns a request Beast has parsed into our Request: method, target, the
// percent-decoded path, the query string, headers and body. Connection facts
// (client address, request id, route) are the server's to add.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "platform/http/request.h"

namespace madoguchi::platform::http {

Request request_from_message(boost::beast::http::request<boost::beast::http::string_body>&& message);

}  // namespace madoguchi::platform::http
