// The queue read model against SQLite: scope, filters, due-date order,
// paging and counts, and a plan that walks the partial index instead of
// sorting.
#include <gtest/gtest.h>

#include "casework/case_store.h"
#include "casework/queue_reader.h"
#include "casework_db.h"

namespace madoguchi::casework {
namespace {

using applications::Status;
using testing::CaseworkDb;

constexpr Date kToday{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{20}};

identity::Scope scope(std::vector<std::string> departments, std::vector<std::string> wards) {
  return {identity::CodeSet::of(departments), identity::CodeSet::of(wards)};
}

std::vector<std::string> references_of(const QueuePage& page) {
  std::vector<std::string> out;
  for (const auto& row : page.rows) out.push_back(row.due_on.value_or("") + "/" + row.ward.value_or("-"));
  return out;
}

TEST(QueueReader, ShowsTheScopeInDueOrderAndCountsOverdue) {
  CaseworkDb f;
  f.add("child_allowance", "children_benefits", "aoba", "2026-11-25");
  f.add("child_allowance", "children_benefits", "aoba", "2026-11-10");
  f.add("child_allowance", "children_benefits", "taihaku", "2026-11-01");
  f.add("residence_certificate", "civic_registry", "aoba", "2026-11-02");
  f.add("child_allowance", "children_benefits", std::nullopt, "2026-11-03");
  QueueReader reader(*f.db);
  QueueFilter filter;
  auto aoba = scope({"children_benefits"}, {"aoba"});
  auto page = reader.read({filter, aoba, "sato", kToday});
  EXPECT_EQ(references_of(page), (std::vector<std::string>{"2026-11-10/aoba", "2026-11-25/aoba"}));
  EXPECT_EQ(page.total, 2);
  EXPECT_EQ(page.overdue, 1);
  EXPECT_FALSE(page.has_next);

  auto central = reader.read({filter, scope({"children_benefits"}, {"all"}), "sato", kToday});
  EXPECT_EQ(central.total, 4);  // the case with no ward is covered by "all" wards only
  EXPECT_EQ(central.overdue, 3);
}

TEST(QueueReader, FiltersByStatusAssigneeAndDueAndPages) {
  CaseworkDb f;
  auto first = f.add("child_allowance", "children_benefits", "aoba", "2026-11-19");
  f.add("child_allowance", "children_benefits", "aoba", "2026-11-20");
  auto third = f.add("child_allowance", "children_benefits", "aoba", "2026-11-30");
  f.store->change_status(first, 1, Status::in_review, "sato", {});
  f.db->write([&](platform::db::Connection& c) { CaseStore::assign(c, first, "sato", "sato", "2026-11-20T00:00:00.000Z"); });
  f.store->change_status(third, 1, Status::withdrawn, "citizen", {});
  QueueReader reader(*f.db);
  auto aoba = scope({"children_benefits"}, {"aoba"});

  QueueFilter mine;
  mine.assignee = QueueFilter::Assignee::me;
  auto page = reader.read({mine, aoba, "sato", kToday});
  ASSERT_EQ(page.rows.size(), 1u);
  EXPECT_EQ(page.rows[0].assignee, "sato");
  EXPECT_EQ(page.rows[0].status, Status::in_review);

  QueueFilter unassigned;
  unassigned.assignee = QueueFilter::Assignee::unassigned;
  EXPECT_EQ(reader.read({unassigned, aoba, "sato", kToday}).total, 1);

  QueueFilter everything;
  everything.statuses = QueueFilter::StatusSet::all;
  EXPECT_EQ(reader.read({everything, aoba, "sato", kToday}).total, 3);

  QueueFilter withdrawn;
  withdrawn.statuses = QueueFilter::StatusSet::one;
  withdrawn.status = Status::withdrawn;
  EXPECT_EQ(reader.read({withdrawn, aoba, "sato", kToday}).total, 1);

  QueueFilter overdue;
  overdue.due = QueueFilter::Due::overdue;
  EXPECT_EQ(reader.read({overdue, aoba, "sato", kToday}).total, 1);
  QueueFilter soon;
  soon.due = QueueFilter::Due::soon;
  EXPECT_EQ(reader.read({soon, aoba, "sato", kToday}).total, 1);

  QueueFilter paged;
  auto one = reader.read({paged, aoba, "sato", kToday, 1});
  EXPECT_EQ(one.rows.size(), 1u);
  EXPECT_TRUE(one.has_next);
  paged.page = 2;
  auto two = reader.read({paged, aoba, "sato", kToday, 1});
  EXPECT_EQ(two.rows.size(), 1u);
  EXPECT_FALSE(two.has_next);
  EXPECT_NE(one.rows[0].reference, two.rows[0].reference);
}

// A staff member whose ward or department scope is empty (every code taken
// away) sees an empty queue, not an SQL error: "IN ()" is not SQL.
TEST(QueueReader, AnEmptyWardOrDepartmentScopeShowsNoCasesInsteadOfFailing) {
  CaseworkDb f;
  f.add("child_allowance", "children_benefits", "aoba", "2026-11-25");
  f.add("child_allowance", "children_benefits", std::nullopt, "2026-11-26");
  QueueReader reader(*f.db);
  QueueFilter filter;
  for (const auto& s : {identity::Scope{identity::CodeSet::of({"children_benefits"}), identity::CodeSet{}},
                        identity::Scope{identity::CodeSet{}, identity::CodeSet::all()},
                        identity::Scope{identity::CodeSet{}, identity::CodeSet{}}}) {
    auto page = reader.read({filter, s, "sato", kToday});
    EXPECT_TRUE(page.rows.empty());
    EXPECT_EQ(page.total, 0);
    EXPECT_EQ(page.overdue, 0);
  }
}

TEST(QueueReader, TheDefaultPageWalksThePartialIndexWithoutSorting) {
  if (madoguchi::testing::testing_postgresql()) GTEST_SKIP() << "reads SQLite's query plan";
  CaseworkDb f;
  f.add("child_allowance", "children_benefits", "aoba", "2026-11-25");
  QueueFilter filter;
  for (const auto& department : {std::vector<std::string>{"children_benefits"}, std::vector<std::string>{"all"}}) {
    auto s = scope(department, {"aoba"});
    SqlText rows = queue_rows_sql({filter, s, "sato", kToday});
    std::string plan = f.db->read([&](platform::db::Connection& c) {
      std::string text;
      for (const auto& r : c.query("EXPLAIN QUERY PLAN " + rows.sql, rows.params)) text += r.text(3) + "\n";
      return text;
    });
    EXPECT_NE(plan.find("casework_open_by"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  }
}

TEST(ApplicationStoreChanges, RecordChangeBumpsTheVersionAndRunsInsideTheTransaction) {
  CaseworkDb f;
  auto id = f.add("child_allowance", "children_benefits", "aoba", "2026-11-25");
  applications::ChangeOptions options;
  options.due_on = "2026-12-01";
  options.within_transaction = [&](platform::db::Connection& c, int row_version) {
    EXPECT_EQ(row_version, 2);
    CaseStore::assign(c, id, "sato", "kato", "2026-11-20T00:00:00.000Z");
  };
  EXPECT_EQ(f.store->record_change(id, 1, "assigned", "kato", {{"assignee", "sato"}}, options), 2);
  auto app = f.store->find_by_id(id);
  EXPECT_EQ(app->row_version, 2);
  EXPECT_EQ(app->status, Status::submitted);
  EXPECT_EQ(app->due_on, "2026-12-01");
  EXPECT_EQ(CaseStore(*f.db).load(id).assignee(), "sato");
  EXPECT_EQ(f.store->events(id).back().kind, "assigned");
  EXPECT_THROW(f.store->record_change(id, 1, "assigned", "kato", {}), applications::StaleRevision);
}

TEST(ApplicationStoreChanges, AFailingCallerUndoesTheWholeChange) {
  CaseworkDb f;
  auto id = f.add("child_allowance", "children_benefits", "aoba", "2026-11-25");
  applications::ChangeOptions options;
  options.within_transaction = [&](platform::db::Connection& c, int) {
    CaseStore::assign(c, id, "sato", "sato", "2026-11-20T00:00:00.000Z");
    throw std::runtime_error("audit failed");
  };
  EXPECT_THROW(f.store->change_status(id, 1, Status::in_review, "sato", {}, options), std::runtime_error);
  auto app = f.store->find_by_id(id);
  EXPECT_EQ(app->status, Status::submitted);
  EXPECT_EQ(app->row_version, 1);
  EXPECT_FALSE(CaseStore(*f.db).load(id).assignment);
  EXPECT_EQ(f.store->events(id).size(), 1u);
}

TEST(ApplicationStoreChanges, DecidedCasesTakeNoMoreChanges) {
  CaseworkDb f;
  auto id = f.add("child_allowance", "children_benefits", "aoba", "2026-11-25");
  f.store->change_status(id, 1, Status::withdrawn, "citizen", {});
  EXPECT_THROW(f.store->record_change(id, 2, "assigned", "kato", {}), applications::InvalidTransition);
}

}  // namespace
}  // namespace madoguchi::casework
