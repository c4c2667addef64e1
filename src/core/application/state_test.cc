#include "core/application/state.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/application/testing.h"

namespace gongkai {
namespace {

using ::testing::HasSubstr;
using testutil::ApplicationBuilder;
using testutil::D;

using S = ApplicationState;
using K = EventKind;

// An application (received 2019-06-03, 2019 rules) brought into `state` by events dated
// 2019-06-04.
ApplicationBuilder In(S state) {
  ApplicationBuilder b;
  b.ReceivedOn("2019-06-03").InPerson();
  switch (state) {
    case S::kInProgress:
      break;
    case S::kAwaitingCorrection:
      b.CorrectionRequested("2019-06-04");
      break;
    case S::kInConsultation:
      b.ConsultationStarted("2019-06-04");
      break;
    case S::kAwaitingFee:
      b.FeeNotified("2019-06-04", 10000);
      break;
    case S::kClosed:
      b.Answered("2019-06-04", Outcome::kDisclosed);
      break;
  }
  return b;
}

// A well-formed event of each kind, dated 2019-06-10.
ApplicationEvent EventOf(K kind) {
  ApplicationEvent e;
  e.kind = kind;
  e.on = D("2019-06-10");
  if (kind == K::kAnswered) e.outcome = Outcome::kDisclosed;
  if (kind == K::kExtensionApproved) e.extension_days = 10;
  if (kind == K::kConsultationStarted) e.party = ConsultationParty::kThirdParty;
  return e;
}

const std::vector<S> kStates = {S::kInProgress, S::kAwaitingCorrection, S::kInConsultation,
                                S::kAwaitingFee, S::kClosed};
const std::vector<K> kKinds = {
    K::kCorrectionRequested, K::kCorrectionReceived, K::kCorrectionLapsed, K::kConsultationStarted,
    K::kConsultationEnded,   K::kExtensionApproved,  K::kFeeNotified,      K::kFeePaid,
    K::kFeeLapsed,           K::kAnswered,           K::kWithdrawn};

// The whole transition table of state.h: (state, event) → next state; absent = refused.
const std::map<std::pair<S, K>, S> kLegal = {
    {{S::kInProgress, K::kCorrectionRequested}, S::kAwaitingCorrection},
    {{S::kAwaitingCorrection, K::kCorrectionReceived}, S::kInProgress},
    {{S::kAwaitingCorrection, K::kCorrectionLapsed}, S::kClosed},
    {{S::kInProgress, K::kConsultationStarted}, S::kInConsultation},
    {{S::kInConsultation, K::kConsultationEnded}, S::kInProgress},
    {{S::kInProgress, K::kExtensionApproved}, S::kInProgress},
    {{S::kInConsultation, K::kExtensionApproved}, S::kInConsultation},
    {{S::kInProgress, K::kFeeNotified}, S::kAwaitingFee},
    {{S::kAwaitingFee, K::kFeePaid}, S::kInProgress},
    {{S::kAwaitingFee, K::kFeeLapsed}, S::kClosed},
    {{S::kInProgress, K::kAnswered}, S::kClosed},
    {{S::kAwaitingCorrection, K::kAnswered}, S::kClosed},
    {{S::kInConsultation, K::kAnswered}, S::kClosed},
    {{S::kAwaitingFee, K::kAnswered}, S::kClosed},
    {{S::kInProgress, K::kWithdrawn}, S::kClosed},
    {{S::kAwaitingCorrection, K::kWithdrawn}, S::kClosed},
    {{S::kInConsultation, K::kWithdrawn}, S::kClosed},
    {{S::kAwaitingFee, K::kWithdrawn}, S::kClosed},
};

TEST(StateMachineTest, EveryTransition) {
  int legal = 0;
  int refused = 0;
  for (S from : kStates) {
    for (K kind : kKinds) {
      SCOPED_TRACE(std::string(ToCode(from)) + " + " + std::string(ToCode(kind)));
      Application app = In(from).Build();
      ASSERT_EQ(*ReplayEvents(app), from);
      const ApplicationEvent e = EventOf(kind);
      Result<S> applied = ApplyEvent(app, from, e);
      app.events.push_back(e);
      Result<S> replayed = ReplayEvents(app);
      auto it = kLegal.find({from, kind});
      if (it != kLegal.end()) {
        ++legal;
        ASSERT_TRUE(applied.ok()) << applied.status().message();
        EXPECT_EQ(*applied, it->second);
        ASSERT_TRUE(replayed.ok()) << replayed.status().message();
        EXPECT_EQ(*replayed, it->second);
      } else {
        ++refused;
        ASSERT_FALSE(applied.ok());
        ASSERT_FALSE(replayed.ok());
        EXPECT_EQ(applied.status().code(), ErrorCode::kConflict);
        EXPECT_EQ(applied.status().message(), replayed.status().message());
        const std::string index = from == S::kInProgress ? "第1个事件 " : "第2个事件 ";
        EXPECT_THAT(applied.status().message(),
                    HasSubstr(index + std::string(ToCode(kind)) + "（2019-06-10）"));
      }
    }
  }
  EXPECT_EQ(legal, 18);
  EXPECT_EQ(refused, 5 * 11 - 18);
}

TEST(StateMachineTest, RefusalsSayWhy) {
  Result<S> r = ReplayEvents(In(S::kInProgress).ConsultationEnded("2019-06-10").Build());
  EXPECT_EQ(r.status().message(),
            "第1个事件 consultation_ended（2019-06-10）只能在征求意见中时记录，当前状态为办理中");
  r = ReplayEvents(In(S::kClosed).Withdrawn("2019-06-10").Build());
  EXPECT_EQ(r.status().message(),
            "第2个事件 withdrawn（2019-06-10）不能记录：申请已办结，办结后不能再有事件");
  r = ReplayEvents(In(S::kAwaitingFee).FeeNotified("2019-06-10", 100).Build());
  EXPECT_EQ(r.status().message(),
            "第2个事件 fee_notified（2019-06-10）只能在办理中时记录，当前状态为待缴费");
}

TEST(StateMachineTest, DatesNeverGoBackwards) {
  Result<S> r = ReplayEvents(ApplicationBuilder()
                                 .ReceivedOn("2019-05-30")
                                 .ConsultationStarted("2019-06-03")
                                 .Answered("2019-06-01", Outcome::kDisclosed)
                                 .Build());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kConflict);
  EXPECT_EQ(r.status().message(), "第2个事件 answered（2019-06-01）早于上一事件（2019-06-03）");

  // Same day is fine.
  r = ReplayEvents(ApplicationBuilder()
                       .ReceivedOn("2019-06-03")
                       .ConsultationStarted("2019-06-03")
                       .ConsultationEnded("2019-06-03")
                       .Answered("2019-06-03", Outcome::kDisclosed)
                       .Build());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, S::kClosed);
}

TEST(StateMachineTest, NoEventBeforeReceipt) {
  Result<S> r =
      ReplayEvents(ApplicationBuilder().ReceivedOn("2019-06-03").Withdrawn("2019-06-02").Build());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "第1个事件 withdrawn（2019-06-02）早于收到申请日期（2019-06-03）");
}

TEST(StateMachineTest, CorrectionOnlyOnce) {
  // Art. 30: one request for all items. After the correction arrives, a second request fails.
  Application app = ApplicationBuilder()
                        .ReceivedOn("2019-06-03")
                        .CorrectionRequested("2019-06-05")
                        .CorrectionReceived("2019-06-10")
                        .Build();
  ASSERT_EQ(*ReplayEvents(app), S::kInProgress);
  app.events.push_back(EventOf(K::kCorrectionRequested));
  app.events.back().on = D("2019-06-12");
  Result<S> r = ReplayEvents(app);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "第3个事件 correction_requested（2019-06-12）不能记录：补正只能告知一次（第三十条）");
}

TEST(StateMachineTest, ExtensionOnceAndWithinTheMaximum) {
  struct Case {
    RuleSet rules;
    int days;
    bool ok;
  };
  for (const Case& c : {Case{RuleSet::k2019, 1, true}, Case{RuleSet::k2019, 20, true},
                        Case{RuleSet::k2019, 21, false}, Case{RuleSet::k2019, 0, false},
                        Case{RuleSet::k2019, -3, false}, Case{RuleSet::k2008, 15, true},
                        Case{RuleSet::k2008, 16, false}}) {
    // 2019 rules by receipt date; 2008 by receipt date too (not by override), so Rules() is used.
    const char* received = c.rules == RuleSet::k2019 ? "2019-06-03" : "2018-06-04";
    const char* on = c.rules == RuleSet::k2019 ? "2019-06-20" : "2018-06-20";
    Result<S> r = ReplayEvents(
        ApplicationBuilder().ReceivedOn(received).ExtensionApproved(on, c.days).Build());
    EXPECT_EQ(r.ok(), c.ok) << ToCode(c.rules) << " " << c.days;
    if (!c.ok) {
      EXPECT_THAT(r.status().message(),
                  HasSubstr("延长 " + std::to_string(c.days) + " 个工作日无效"));
    }
  }
  // The override counts: a 2019 receipt handled under the 2008 rules allows 15 at most.
  Result<S> r = ReplayEvents(ApplicationBuilder()
                                 .ReceivedOn("2019-06-03")
                                 .UnderRules(RuleSet::k2008)
                                 .ExtensionApproved("2019-06-20", 20)
                                 .Build());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("2008年条例第二十四条允许 1 至 15 个工作日"));

  r = ReplayEvents(ApplicationBuilder()
                       .ReceivedOn("2019-06-03")
                       .ExtensionApproved("2019-06-20", 5)
                       .ConsultationStarted("2019-06-21")
                       .ExtensionApproved("2019-06-25", 5)
                       .Build());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "第3个事件 extension_approved（2019-06-25）不能记录：延期只能批准一次");
}

TEST(StateMachineTest, FeesOnlyUnderThe2019Rules) {
  Result<S> r = ReplayEvents(
      ApplicationBuilder().ReceivedOn("2018-06-04").FeeNotified("2018-06-10", 1000).Build());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("信息处理费只适用于2019年条例"));
  r = ReplayEvents(ApplicationBuilder()
                       .ReceivedOn("2019-06-03")
                       .FeeNotified("2019-06-10", 1000)
                       .FeePaid("2019-06-12", 1000)
                       .Answered("2019-06-14", Outcome::kDisclosed)
                       .Build());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, S::kClosed);
}

TEST(StateMachineTest, AnsweredNeedsAnAnswerOutcome) {
  Application app = ApplicationBuilder().ReceivedOn("2019-06-03").Build();
  ApplicationEvent e = EventOf(K::kAnswered);
  e.outcome.reset();
  Result<S> r = ApplyEvent(app, S::kInProgress, e);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "第1个事件 answered（2019-06-10）缺少办理结果");
  for (Outcome derived : {Outcome::kCorrectionLapsed, Outcome::kFeeLapsed, Outcome::kWithdrawn}) {
    e.outcome = derived;
    r = ApplyEvent(app, S::kInProgress, e);
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(r.status().message(), HasSubstr("不能用于答复"));
  }
  for (Outcome o : AllOutcomes()) {
    if (!IsAnswerOutcome(o)) continue;
    e.outcome = o;
    EXPECT_TRUE(ApplyEvent(app, S::kInProgress, e).ok()) << ToCode(o);
  }
}

TEST(StateMachineTest, ErrorNamesTheOffendingEventInALongHistory) {
  Result<S> r = ReplayEvents(ApplicationBuilder()
                                 .ReceivedOn("2019-06-03")
                                 .CorrectionRequested("2019-06-04")
                                 .CorrectionReceived("2019-06-06")
                                 .ConsultationStarted("2019-06-10")
                                 .FeeNotified("2019-06-11", 100)
                                 .Answered("2019-06-20", Outcome::kDisclosed)
                                 .Build());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("第4个事件 fee_notified（2019-06-11）"));
  EXPECT_THAT(r.status().message(), HasSubstr("当前状态为征求意见中"));
}

TEST(StateMachineTest, FullLifecycle) {
  const Application app = ApplicationBuilder()
                              .ReceivedOn("2019-06-03")
                              .Online()
                              .ConfirmedOn("2019-06-03")
                              .CorrectionRequested("2019-06-05")
                              .CorrectionReceived("2019-06-10")
                              .ConsultationStarted("2019-06-12")
                              .ExtensionApproved("2019-06-20", 20)
                              .ConsultationEnded("2019-07-01")
                              .FeeNotified("2019-07-02", 30000)
                              .FeePaid("2019-07-05", 30000)
                              .Answered("2019-07-10", Outcome::kPartiallyDisclosed)
                              .Build();
  Result<S> r = ReplayEvents(app);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, S::kClosed);
  EXPECT_TRUE(WasExtended(app));
  const std::optional<Closing> c = ClosingOf(app);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->on, D("2019-07-10"));
  EXPECT_EQ(c->outcome, Outcome::kPartiallyDisclosed);
}

TEST(ClosingOfTest, EachClosingEvent) {
  struct Case {
    Application app;
    std::optional<Outcome> want;
    const char* on;
  };
  const std::vector<Case> cases = {
      {In(S::kInProgress).Answered("2019-06-10", Outcome::kNotHeld), Outcome::kNotHeld,
       "2019-06-10"},
      {In(S::kAwaitingCorrection).CorrectionLapsed("2019-06-20"), Outcome::kCorrectionLapsed,
       "2019-06-20"},
      {In(S::kAwaitingFee).FeeLapsed("2019-07-05"), Outcome::kFeeLapsed, "2019-07-05"},
      {In(S::kInConsultation).Withdrawn("2019-06-11"), Outcome::kWithdrawn, "2019-06-11"},
      {In(S::kInProgress), std::nullopt, nullptr},
      {In(S::kInConsultation), std::nullopt, nullptr},
      {In(S::kAwaitingFee).FeePaid("2019-06-05", 100), std::nullopt, nullptr},
  };
  for (const Case& c : cases) {
    ASSERT_TRUE(ReplayEvents(c.app).ok());
    const std::optional<Closing> got = ClosingOf(c.app);
    ASSERT_EQ(got.has_value(), c.want.has_value());
    if (got) {
      EXPECT_EQ(got->outcome, *c.want);
      EXPECT_EQ(got->on, D(c.on));
    }
  }
}

TEST(WasExtendedTest, OnlyAnApprovedExtension) {
  EXPECT_FALSE(WasExtended(In(S::kClosed).Build()));
  EXPECT_FALSE(WasExtended(In(S::kInProgress).Build()));
  EXPECT_TRUE(WasExtended(In(S::kInProgress)
                              .ExtensionApproved("2019-06-20", 10)
                              .Answered("2019-07-15", Outcome::kDisclosed)
                              .Build()));
  EXPECT_TRUE(WasExtended(In(S::kInConsultation).ExtensionApproved("2019-06-20", 10).Build()));
}

TEST(ApplicationStateTest, CodesAndLabels) {
  const std::vector<std::pair<std::string, std::string>> want = {{"in_progress", "办理中"},
                                                                 {"awaiting_correction", "待补正"},
                                                                 {"in_consultation", "征求意见中"},
                                                                 {"awaiting_fee", "待缴费"},
                                                                 {"closed", "已办结"}};
  for (size_t i = 0; i < kStates.size(); ++i) {
    EXPECT_EQ(ToCode(kStates[i]), want[i].first);
    EXPECT_EQ(ToChinese(kStates[i]), want[i].second);
  }
}

}  // namespace
}  // namespace gongkai
