#include "platform/http/beast_request.h"

#include "platform/http/url.h"

namespace madoguchi::platform::http {

Request request_from_message(boost::beast::http::request<boost::beast::http::string_body>&& message) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  auto q = request.target.find('?');
  request.path = percent_decode(std::string_view(request.target).substr(0, q));
  if (q != std::string::npos) request.query = request.target.substr(q + 1);
  for (const auto& field : message) {
    request.headers.add(std::string_view(field.name_string().data(), field.name_string().size()),
                        std::string_view(field.value().data(), field.value().size()));
  }
  request.body = std::move(message.body());
  return request;
}

}  // namespace madoguchi::platform::http
