// Report computation for one agency-year with 100,000 applications on SQLite, as a ratio to
// one SELECT … GROUP BY over the same rows (applications joined with their events) — the
// database floor. Target (issue 2): ≤ 3×.
//
//   build/bench/report_bench            # prints both timings and the ratio
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/repository.h"
#include "dataset/demo.h"
#include "report/build.h"

namespace gongkai {
namespace {

constexpr int kApplications = 100'000;
constexpr int kYear = 2024;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Fixture {
  std::string db_path;
  std::unique_ptr<Repository> repo;
  int64_t agency_id = 0;
  WorkCalendar calendar;
  Format format;
};

Fixture& GetFixture() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    const std::string data = GONGKAI_SOURCE_DATA_DIR;
    Result<WorkCalendar> cal = WorkCalendar::FromCsv(Slurp(data + "/holidays-cn.csv"));
    Result<Format> fmt = ParseFormat(Slurp(data + "/formats/2021.json"), "2021.json");
    if (!cal.ok() || !fmt.ok()) std::abort();
    fx->calendar = std::move(cal).value();
    fx->format = std::move(fmt).value();
    fx->db_path = (std::filesystem::temp_directory_path() / "gongkai-report-bench.db").string();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(fx->db_path + suffix);
    DemoOptions opt;
    opt.agencies = 1;
    opt.applications = kApplications;
    opt.first_year = kYear;
    opt.last_year = kYear;
    opt.seed = 7;
    opt.calendar = &fx->calendar;
    Result<Dataset> ds = GenerateDemo(opt);
    Result<std::unique_ptr<Repository>> repo = OpenRepository(fx->db_path);
    if (!ds.ok() || !repo.ok()) std::abort();
    fx->repo = std::move(repo).value();
    Result<ImportSummary> imported = fx->repo->Import(*ds);
    if (!imported.ok()) {
      std::cerr << imported.status().message() << '\n';
      std::abort();
    }
    fx->agency_id = fx->repo->FindAgency(ds->agencies[0].slug)->id;
    std::fprintf(stderr, "fixture: %d applications, %d events on SQLite (%s)\n",
                 imported->applications, imported->events, fx->db_path.c_str());
    return fx;
  }();
  return *f;
}

double g_report_seconds = 0;
double g_floor_seconds = 0;

// The product path: load the year's records through the repository, compute, validate and
// render the narrative.
void BM_ReportFromRecords(benchmark::State& state) {
  Fixture& fx = GetFixture();
  double best = 1e9;
  size_t apps = 0;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    Result<YearRecords> records = fx.repo->LoadYear(fx.agency_id, kYear);
    if (!records.ok()) state.SkipWithError(records.status().message().c_str());
    BuildOptions options;
    options.generated_on = "2025-01-15";
    Result<Report> report = BuildReport(fx.format, *records, fx.calendar, options);
    if (!report.ok()) state.SkipWithError(report.status().message().c_str());
    benchmark::DoNotOptimize(report);
    apps = records->applications.size();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  g_report_seconds = best;
  state.counters["applications"] = static_cast<double>(apps);
}

// The floor: one GROUP BY over the same rows (applications of the year joined with events).
void BM_GroupByFloor(benchmark::State& state) {
  Fixture& fx = GetFixture();
  sqlite3* db = nullptr;
  sqlite3_open_v2(fx.db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  const char* sql =
      "SELECT a.applicant_type, e.kind, e.outcome, COUNT(*) FROM applications a "
      "JOIN application_events e ON e.application_id = a.id "
      "WHERE a.agency_id = ?1 AND a.received_on <= ?2 GROUP BY 1, 2, 3";
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
  double best = 1e9;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    sqlite3_bind_int64(stmt, 1, fx.agency_id);
    sqlite3_bind_text(stmt, 2, "2024-12-31", -1, SQLITE_STATIC);
    int64_t total = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) total += sqlite3_column_int64(stmt, 3);
    sqlite3_reset(stmt);
    benchmark::DoNotOptimize(total);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  g_floor_seconds = best;
}

BENCHMARK(BM_GroupByFloor)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ReportFromRecords)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace gongkai

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  using gongkai::g_floor_seconds;
  using gongkai::g_report_seconds;
  if (g_floor_seconds > 0 && g_report_seconds > 0) {
    std::printf("report (best) %.1f ms, GROUP BY floor (best) %.1f ms: ratio %.2fx (target <= 3x)\n",
                g_report_seconds * 1e3, g_floor_seconds * 1e3, g_report_seconds / g_floor_seconds);
  }
  return 0;
}
