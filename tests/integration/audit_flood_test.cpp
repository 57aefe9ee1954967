// A refused look at someone else's application is audited, but an anonymous
// client must not be able to grow the audit log without limit by asking
// again and again: past a few refusals in a window it is answered 429, and
// the log gets one entry saying so instead of one per request.
#include <gtest/gtest.h>

#include "casework_support.h"
#include "harness.h"

using namespace madoguchi::testing;

TEST(AuditFlood, RefusedAnonymousNoticeDownloadsAddABoundedNumberOfAuditEntries) {
  ServerProcess server;
  auto submitted = submit_application(server, "bulky_waste_collection");
  ASSERT_FALSE(submitted.reference.empty());
  const size_t before = audit_rows(server).size();

  HttpClient stranger;
  long first = 0, last = 0;
  for (int i = 0; i < 60; ++i) {
    auto path = i % 2 == 0 ? "/status/" + submitted.reference + "/notice.pdf" : "/status/MDG-0000-0000/notice.pdf";
    last = stranger.get(server.url(path)).status;
    if (i == 0) first = last;
  }
  EXPECT_EQ(first, 403);
  EXPECT_EQ(last, 429);
  auto rows = audit_rows(server);
  size_t denied = 0, limited = 0;
  for (size_t i = before; i < rows.size(); ++i) {
    if (rows[i].action == "access_denied") ++denied;
    if (rows[i].action == "access_denied_limited") ++limited;
  }
  EXPECT_GE(denied, 1u);
  EXPECT_LE(denied, 10u);
  EXPECT_EQ(limited, 1u);
  EXPECT_LE(rows.size() - before, 11u);
}
