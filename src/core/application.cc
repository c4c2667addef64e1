#include "core/application.h"

namespace gongkai {

Date Application::StatutoryReceiptDate() const {
  switch (channel) {
    case Channel::kInPerson:
    case Channel::kPostSigned:
      return received_on;  // Reg2019 Art. 31(1)(2); 207号 for Reg2008
    case Channel::kPostOrdinary:
    case Channel::kOnline:
    case Channel::kFax:
      return confirmed_on.value_or(received_on);  // Art. 31(2)(3): the day of confirmation
  }
  return received_on;
}

RuleSet Application::Rules() const {
  if (rules_override) return *rules_override;
  return StatutoryReceiptDate() < Reg2019EffectiveDate() ? RuleSet::k2008 : RuleSet::k2019;
}

}  // namespace gongkai
