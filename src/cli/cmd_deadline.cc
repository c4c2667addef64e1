// gongkai deadline: the statutory answer deadline of one application, with the reasoning
// (regulation.md §2.3–2.4; the engine is core/application/deadline.h).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.h"
#include "core/application/deadline.h"

namespace gongkai::cli {
namespace {

struct DeadlineOptions {
  std::string received;
  std::string channel;
  std::string confirmed;
  std::string rules;
  std::string correction_received;
  std::vector<std::string> pauses;
  int extension = 0;
  bool json = false;
};

Result<Date> ParseDateOption(const std::string& text, const std::string& option) {
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) return d.status().WithContext(option);
  return d;
}

// Accepts the code ("online") or the Chinese label ("网络").
std::optional<Channel> ParseChannel(const std::string& text) {
  if (std::optional<Channel> c = ChannelFromCode(text)) return c;
  for (Channel c : {Channel::kInPerson, Channel::kPostSigned, Channel::kPostOrdinary,
                    Channel::kOnline, Channel::kFax}) {
    if (ToChinese(c) == text) return c;
  }
  return std::nullopt;
}

Result<DeadlineInput> BuildInput(const DeadlineOptions& o) {
  DeadlineInput in;
  Result<Date> received = ParseDateOption(o.received, "--received");
  if (!received.ok()) return received.status();
  in.received_on = *received;

  std::optional<Channel> channel = ParseChannel(o.channel);
  if (!channel) {
    return InvalidInput("--channel: 未知的申请渠道 \"" + o.channel +
                        "\"（可选 in_person 当面、post_signed 信函签收、post_ordinary 平信、"
                        "online 网络、fax 传真）");
  }
  in.channel = *channel;

  if (!o.confirmed.empty()) {
    Result<Date> d = ParseDateOption(o.confirmed, "--confirmed");
    if (!d.ok()) return d.status();
    in.confirmed_on = *d;
  }
  if (!o.rules.empty()) {
    std::optional<RuleSet> r = RuleSetFromCode(o.rules);
    if (!r) return InvalidInput("--rules: 未知的规则 \"" + o.rules + "\"（可选 2008、2019）");
    in.rules = *r;
  }
  if (!o.correction_received.empty()) {
    Result<Date> d = ParseDateOption(o.correction_received, "--correction-received");
    if (!d.ok()) return d.status();
    in.correction_received = *d;
  }
  for (const std::string& p : o.pauses) {
    const size_t colon = p.find(':');
    if (colon == std::string::npos) {
      return InvalidInput("--pause: \"" + p + "\" 应为 起始日:结束日，例如 2019-06-10:2019-06-20");
    }
    Result<Date> from = ParseDateOption(p.substr(0, colon), "--pause " + p);
    if (!from.ok()) return from.status();
    Result<Date> to = ParseDateOption(p.substr(colon + 1), "--pause " + p);
    if (!to.ok()) return to.status();
    in.pauses.push_back(Pause{*from, *to});
  }
  in.extension_days = o.extension;
  return in;
}

std::string Label(Date d) { return d.ToString() + "（" + d.WeekdayChinese() + "）"; }

void PrintText(const DeadlineInput& in, const Deadline& dl) {
  const std::string rules = dl.rules == RuleSet::k2019 ? "2019年条例" : "2008年条例";
  std::cout << "适用规则：" << rules << "（答复期限" << dl.base_days << "个工作日）\n";
  std::cout << "申请渠道：" << ToChinese(in.channel) << "\n";
  std::cout << "收到申请之日：" << Label(dl.statutory_receipt) << "\n";
  std::cout << "起算日：" << Label(dl.start) << "，当日不计\n";
  if (dl.paused_days > 0) {
    std::cout << "征求意见不计：" << dl.paused_days << "个工作日\n";
  }
  if (dl.extension_days > 0) {
    std::cout << "基本答复期限：" << Label(dl.base_due) << "\n";
    std::cout << "延长：" << dl.extension_days << "个工作日\n";
  }
  std::cout << "答复期限：" << Label(dl.due) << "\n";
  std::cout << "推算过程：\n";
  for (const DeadlineStep& s : dl.steps) {
    std::cout << "  " << s.text << "\n";  // every step names its date in the text
  }
}

void PrintJson(const DeadlineInput& in, const Deadline& dl) {
  nlohmann::ordered_json j;
  j["rules"] = std::string(ToCode(dl.rules));
  j["channel"] = std::string(ToCode(in.channel));
  j["received"] = in.received_on.ToString();
  j["confirmed"] = in.confirmed_on ? nlohmann::ordered_json(in.confirmed_on->ToString())
                                   : nlohmann::ordered_json(nullptr);
  j["confirmed_defaulted"] = dl.confirmed_defaulted;
  j["statutory_receipt"] = dl.statutory_receipt.ToString();
  j["start"] = dl.start.ToString();
  j["base_days"] = dl.base_days;
  j["extension_days"] = dl.extension_days;
  j["paused_days"] = dl.paused_days;
  j["base_due"] = dl.base_due.ToString();
  j["due"] = dl.due.ToString();
  nlohmann::ordered_json steps = nlohmann::ordered_json::array();
  for (const DeadlineStep& s : dl.steps) {
    steps.push_back({{"date", s.on.ToString()}, {"text", s.text}});
  }
  j["steps"] = std::move(steps);
  std::cout << j.dump(2) << "\n";
}

int Run(Context& ctx, const DeadlineOptions& o) {
  Result<DeadlineInput> in = BuildInput(o);
  if (!in.ok()) return Fail(in.status());
  Result<const WorkCalendar*> cal = ctx.Calendar();
  if (!cal.ok()) return Fail(cal.status());
  Result<Deadline> dl = ComputeDeadline(*in, **cal, /*explain=*/true);
  if (!dl.ok()) return Fail(dl.status());
  if (o.json) {
    PrintJson(*in, *dl);
  } else {
    PrintText(*in, *dl);
  }
  return kExitOk;
}

}  // namespace

void AddDeadlineCommand(CLI::App& app, Context& ctx, int* exit_code) {
  auto o = std::make_shared<DeadlineOptions>();
  CLI::App* cmd = app.add_subcommand(
      "deadline",
      "计算依申请公开的答复期限并说明推算过程（2008年条例15个工作日，2019年条例20个工作日；"
      "节假日与调休取自数据目录的 holidays-cn.csv）");
  cmd->add_option("--received", o->received, "收到申请的日期（实际送达日，YYYY-MM-DD）")
      ->required();
  cmd->add_option("--channel", o->channel,
                  "申请渠道：in_person 当面、post_signed 信函签收、post_ordinary 平信、"
                  "online 网络、fax 传真")
      ->required();
  cmd->add_option(
      "--confirmed", o->confirmed,
      "与申请人确认的日期（平信、网络、传真以确认之日为收到申请之日；不填则取收到日期）");
  cmd->add_option("--rules", o->rules, "指定适用的条例：2008 或 2019（默认按收到申请之日确定）");
  cmd->add_option("--correction-received", o->correction_received,
                  "收到补正申请的日期：答复期限自该日重新起算（2019年条例第三十条）");
  cmd->add_option("--pause", o->pauses,
                  "征求意见期间 起始日:结束日（含首尾，其间工作日不计），可重复")
      ->allow_extra_args(false);
  cmd->add_option("--extension", o->extension,
                  "批准延长的工作日数（2008年条例最多15，2019年条例最多20）");
  cmd->add_flag("--json", o->json, "以 JSON 输出");
  cmd->callback([&ctx, o, exit_code] { *exit_code = Run(ctx, *o); });
}

}  // namespace gongkai::cli
