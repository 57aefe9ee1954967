// The address of the client a request came from. Behind a reverse proxy
// every connection comes from the proxy, so when (and only when) the peer is
// one of the configured trusted proxies, the X-Forwarded-For chain is read
// from the right and the first address not itself a trusted proxy is the
// client. Anything unparsable falls back to the peer: a client cannot choose
// its own address by sending the header directly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::platform::http {

// Whether `text` is an IPv4 or IPv6 address (no port, no brackets).
bool is_ip_address(std::string_view text);

std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace madoguchi::platform::http
