// gongkai guide publish --agency SLUG FILE: publishes a new version of an agency's
// 政府信息公开指南 from a JSON file (the server operator setting up an agency; editors publish
// later versions in the console). The file's keys are those of core/guide.h:
//   { "office_name": "…", "address": "…", "postal_code": "…", "hours": "…", "phone": "…",
//     "fax": "…", "email": "…", "website": "…", "intro": "…", "fees": "…",
//     "notice_prefix": "…", "published_on": "2026-01-05",
//     "channels": [ { "channel": "in_person", "accepted": true, "rules": "…" }, … ] }
// Unknown keys are an error. gongkai guide show --agency SLUG prints the current version.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/clock.h"
#include "app/guides.h"
#include "cli/context.h"

namespace gongkai::cli {
namespace {

using nlohmann::json;

struct GuideOptions {
  std::string agency;
  std::string file;
};

Result<Guide> ParseGuide(const std::string& text, const std::string& path) {
  json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return InvalidInput(path + "：不是有效的 JSON 对象");
  }
  Guide g;
  const std::map<std::string, std::string*> strings = {
      {"office_name", &g.office_name}, {"address", &g.address}, {"postal_code", &g.postal_code},
      {"hours", &g.hours},             {"phone", &g.phone},     {"fax", &g.fax},
      {"email", &g.email},             {"website", &g.website}, {"intro", &g.intro},
      {"fees", &g.fees},               {"notice_prefix", &g.notice_prefix}};
  for (const auto& [key, value] : root.items()) {
    if (auto it = strings.find(key); it != strings.end()) {
      if (!value.is_string()) return InvalidInput(path + "：\"" + key + "\" 应为字符串");
      *it->second = value.get<std::string>();
    } else if (key == "published_on") {
      if (!value.is_string()) return InvalidInput(path + "：\"published_on\" 应为日期字符串");
      Result<Date> d = Date::Parse(value.get<std::string>());
      if (!d.ok()) return d.status().WithContext(path + "：\"published_on\"");
      g.published_on = *d;
    } else if (key == "channels") {
      if (!value.is_array()) return InvalidInput(path + "：\"channels\" 应为数组");
      for (size_t i = 0; i < value.size(); ++i) {
        const json& c = value[i];
        const std::string where = path + "：channels[" + std::to_string(i) + "]";
        if (!c.is_object() || !c.contains("channel") || !c["channel"].is_string()) {
          return InvalidInput(where + " 应为含 \"channel\" 的对象");
        }
        std::optional<Channel> ch = ChannelFromCode(c["channel"].get<std::string>());
        if (!ch) {
          return InvalidInput(where + "：未知的渠道 \"" + c["channel"].get<std::string>() +
                              "\"（可选 in_person、post_signed、post_ordinary、online、fax）");
        }
        GuideChannel gc;
        gc.channel = *ch;
        if (c.contains("accepted")) {
          if (!c["accepted"].is_boolean()) return InvalidInput(where + "：\"accepted\" 应为布尔值");
          gc.accepted = c["accepted"].get<bool>();
        }
        if (c.contains("rules")) {
          if (!c["rules"].is_string()) return InvalidInput(where + "：\"rules\" 应为字符串");
          gc.rules = c["rules"].get<std::string>();
        }
        for (const auto& [k, v] : c.items()) {
          if (k != "channel" && k != "accepted" && k != "rules") {
            return InvalidInput(where + "：未知的键 \"" + k + "\"");
          }
        }
        g.channels.push_back(std::move(gc));
      }
    } else {
      return InvalidInput(path + "：未知的键 \"" + key + "\"");
    }
  }
  return g;
}

// The operator acts as an administrator of the agency (a system actor with that grant).
Actor OperatorOf(int64_t agency_id) {
  Actor a = Actor::System("cli");
  a.grants.push_back({agency_id, Role::kAdmin});
  return a;
}

int RunPublish(Context& ctx, const GuideOptions& o) {
  Result<std::string> text = ReadFile(o.file);
  if (!text.ok()) return Fail(text.status());
  Result<Guide> guide = ParseGuide(*text, o.file);
  if (!guide.ok()) return Fail(guide.status());
  Result<Repository*> repo = ctx.Repo();
  if (!repo.ok()) return Fail(repo.status());
  Result<Agency> agency = (*repo)->FindAgency(o.agency);
  if (!agency.ok()) return Fail(agency.status());
  app::Services s;
  s.repo = *repo;
  Result<Guide> published =
      app::PublishGuide(s, OperatorOf(agency->id), agency->id, *guide, app::SystemNow());
  if (!published.ok()) return Fail(published.status().WithContext(o.file));
  std::cout << "已发布" << agency->name << "的政府信息公开指南第 " << published->version
            << " 版（" << published->published_on.ToChinese() << "）\n";
  return kExitOk;
}

}  // namespace

void AddGuideCommand(CLI::App& app, Context& ctx, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("guide", "政府信息公开指南");
  cmd->require_subcommand(1);
  auto o = std::make_shared<GuideOptions>();
  CLI::App* publish =
      cmd->add_subcommand("publish", "从 JSON 文件发布机关的政府信息公开指南新版本");
  publish->add_option("--agency", o->agency, "机关代码（slug）")->required();
  publish->add_option("file", o->file, "指南 JSON 文件（键见 docs/app.md）")->required();
  publish->callback([&ctx, o, exit_code] { *exit_code = RunPublish(ctx, *o); });
}

}  // namespace gongkai::cli
