// A policy instruction in force from a date (e.g. the 2018 "zero tolerance"
// memo, synthetic here). Decision events that separate or prosecute name a
// directive in Event::authority; this struct is what that id refers to.
#ifndef REUNITE_CASES_DIRECTIVE_H_
#define REUNITE_CASES_DIRECTIVE_H_

#include <string>

#include "common/date.h"

namespace reunite::cases {

struct Directive {
  std::string directive_id;
  std::string issuer;  // the office that issued it
  Date issued;         // the date it took effect
  std::string scope;   // whom it applies to, in the issuer's words
  std::string summary;
};

}  // namespace reunite::cases

#endif  // REUNITE_CASES_DIRECTIVE_H_
