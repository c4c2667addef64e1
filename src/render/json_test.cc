#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "render/render.h"
#include "render/render_testing.h"
#include "report/testing_formats.h"

namespace gongkai {
namespace {

using render_testing::DistinctValues;
using render_testing::Format2008;
using render_testing::Format2021;
using render_testing::MakeReport;
using render_testing::SectionText;

TEST(Json, KeysAndTypes) {
  const Format f = Format2021();
  Report r = MakeReport(f, DistinctValues(f), SectionText);
  r.findings.push_back({Severity::kWarning, "2021.T3.prev", {"R2/NP", "R2/TOT"}, "上年结转“3”与上一年报告不符"});
  const nlohmann::json j = nlohmann::json::parse(RenderJson(r));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"agency", "cells", "findings", "format", "sections",
                                            "title", "year"}));
  EXPECT_EQ(j["format"], "2021");
  EXPECT_EQ(j["agency"], (nlohmann::json{{"slug", "changyi-commerce"}, {"name", "吉林市昌邑区商务局"}}));
  EXPECT_EQ(j["year"], 2024);
  EXPECT_EQ(j["title"], "昌邑区商务局2024年政府信息公开工作年度报告");
  EXPECT_EQ(j["cells"].size(), 2u * 3 + 1 + 25u * 7 + 15);
  EXPECT_TRUE(j["cells"]["R3.3.2/SO"].is_number_integer());
  EXPECT_EQ(j["cells"]["R3.3.2/SO"], r.cells.at("R3.3.2/SO").value->integer_part());
  EXPECT_TRUE(j["cells"]["LR.T"].is_number_integer());
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0], (nlohmann::json{{"severity", "warning"},
                                               {"rule", "2021.T3.prev"},
                                               {"cells", {"R2/NP", "R2/TOT"}},
                                               {"message", "上年结转“3”与上一年报告不符"}}));
  ASSERT_EQ(j["sections"].size(), 6u);
  EXPECT_EQ(j["sections"][2], (nlohmann::json{{"id", "S3"},
                                              {"heading", "三、收到和处理政府信息公开申请情况"},
                                              {"text", r.sections[2].text}}));
}

TEST(Json, HeadingsAreNullAndOrderFollowsTheForm) {
  const Format f = Format2008();
  const Report r = MakeReport(f, [](const std::string&) { return Decimal::FromInt(0); }, SectionText);
  const std::string text = RenderJson(r);
  const nlohmann::json j = nlohmann::json::parse(text);
  EXPECT_TRUE(j["cells"]["A"].is_null());
  EXPECT_TRUE(j["cells"]["H"].is_null());
  EXPECT_EQ(j["cells"]["A1"], 0);
  EXPECT_EQ(j["cells"].size(), 65u);
  EXPECT_LT(text.find("\"A\": null"), text.find("\"A1\": 0"));
  EXPECT_LT(text.find("\"H4\": 0"), text.find("\"I3\": 0"));
  EXPECT_EQ(j["findings"], nlohmann::json::array());
}

TEST(Json, DecimalsAreExact) {
  const Format f = Format2021();
  Report r = MakeReport(f, DistinctValues(f), SectionText);
  r.cells["T2.8.1/FEE"].value = Decimal::Parse("1234567.123457");  // 13 digits: beyond float
  r.cells["R1/NP"].value = Decimal::Parse("0.1");
  r.cells["R1/CE"].value = Decimal::Parse("-3.5");
  r.cells["R1/RI"].value = std::nullopt;  // a missing value is null, not 0
  const std::string text = RenderJson(r);
  EXPECT_NE(text.find("\"T2.8.1/FEE\": 1234567.123457,"), std::string::npos);
  EXPECT_NE(text.find("\"R1/NP\": 0.1,"), std::string::npos);
  EXPECT_NE(text.find("\"R1/CE\": -3.5,"), std::string::npos);
  const nlohmann::json j = nlohmann::json::parse(text);
  EXPECT_TRUE(j["cells"]["T2.8.1/FEE"].is_number_float());
  EXPECT_TRUE(j["cells"]["R1/RI"].is_null());
}

TEST(Json, StringsAreEscaped) {
  const Format f = Format2021();
  Report r = MakeReport(f, DistinctValues(f), SectionText);
  r.agency.name = "局\"名\\\n\t";
  r.sections[0].text = "第一段\n\n第二段 \"引\" </script>";
  const nlohmann::json j = nlohmann::json::parse(RenderJson(r));
  EXPECT_EQ(j["agency"]["name"], "局\"名\\\n\t");
  EXPECT_EQ(j["sections"][0]["text"], "第一段\n\n第二段 \"引\" </script>");
}

TEST(Json, RealFormatsListEveryCell) {
  for (const char* id : {"2008", "2019", "2021"}) {
    const Format& f = testing::RealFormat(id);
    const Report r = MakeReport(f, DistinctValues(f), SectionText);
    const nlohmann::json j = nlohmann::json::parse(RenderJson(r));
    const std::vector<std::string> ids = f.CellIds();
    ASSERT_EQ(j["cells"].size(), ids.size()) << id;
    for (const std::string& cell : ids) {
      if (f.IsHeading(cell)) {
        EXPECT_TRUE(j["cells"][cell].is_null()) << cell;
      } else {
        EXPECT_EQ(j["cells"][cell], r.cells.at(cell).value->integer_part()) << cell;
      }
    }
  }
}

}  // namespace
}  // namespace gongkai
